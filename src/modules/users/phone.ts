import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck = { ok: true; e164: string } | { ok: false; reason: 'missing' | 'no_plus' | 'invalid' };

/**
 * Validates a phone number the way the seed asks: international format starting with "+", and a number that
 * really exists in its country's plan (libphonenumber). Spaces, dashes and brackets are tolerated and removed.
 */
export function checkPhoneNumber(raw: string | null | undefined): PhoneCheck {
  const text = (raw ?? '').trim();
  if (!text) return { ok: false, reason: 'missing' };
  if (!text.startsWith('+')) return { ok: false, reason: 'no_plus' };
  if (!/^\+[\d\s()-]+$/.test(text)) return { ok: false, reason: 'invalid' };
  const parsed = parsePhoneNumberFromString(text);
  if (!parsed || !parsed.isValid()) return { ok: false, reason: 'invalid' };
  return { ok: true, e164: parsed.number };
}

export const PHONE_FIELD_MESSAGES: Record<'missing' | 'no_plus' | 'invalid', string> = {
  missing: 'This field may not be blank.',
  no_plus: 'Phone number must start with "+" and be in international format, e.g. +998901234567.',
  invalid: 'Enter a valid international phone number, e.g. +998901234567.',
};
