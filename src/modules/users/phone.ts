import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export type PhoneCheck =
  { ok: true; e164: string } | { ok: false; reason: 'missing' | 'no_plus' | 'invalid' };

/**
 * Validates a phone number the way docs/interface.md §4 asks: international format starting with "+", and a number that
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

/** Uzbekistan's country calling code and the length of a national number (operator code + 7 digits). */
const UZ_CODE = '998';
const UZ_NATIONAL_DIGITS = 9;

/**
 * A number typed to the bot (/phone): like checkPhoneNumber, and without "+" an Uzbek number is understood — the
 * 9-digit national number ("901234567", "90 123 45 67") or the 12 digits with the country code ("998901234567").
 * Anything else without "+" is refused as before (no_plus): there is no telling which country it is. The REST API
 * keeps the strict rule (checkPhoneNumber): clients send international numbers.
 */
export function checkTypedPhoneNumber(raw: string | null | undefined): PhoneCheck {
  const text = (raw ?? '').trim();
  if (!text || text.startsWith('+')) return checkPhoneNumber(text);
  const digits = text.replace(/[\s()-]/g, '');
  if (!/^\d+$/.test(digits)) return { ok: false, reason: 'no_plus' };
  if (digits.length === UZ_NATIONAL_DIGITS) return checkPhoneNumber(`+${UZ_CODE}${digits}`);
  if (digits.length === UZ_CODE.length + UZ_NATIONAL_DIGITS && digits.startsWith(UZ_CODE))
    return checkPhoneNumber(`+${digits}`);
  return { ok: false, reason: 'no_plus' };
}

export const PHONE_FIELD_MESSAGES: Record<'missing' | 'no_plus' | 'invalid', string> = {
  missing: 'This field may not be blank.',
  no_plus: 'Phone number must start with "+" and be in international format, e.g. +998901234567.',
  invalid: 'Enter a valid international phone number, e.g. +998901234567.',
};
