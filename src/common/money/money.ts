/**
 * Exact money. Amounts live in integer minor units (bigint, 1/100 of the unit) everywhere in code;
 * the API speaks decimal strings ("50000.00") like DRF's DecimalField. No floats, ever.
 */

export const CURRENCIES = ['UZS', 'USD', 'RUB', 'EUR'] as const;
export type Currency = (typeof CURRENCIES)[number];

/** Largest accepted amount: 13 integer digits and 2 decimals (numeric(15,2)). */
export const MAX_AMOUNT_MINOR = 10n ** 15n - 1n;

export function isCurrency(value: unknown): value is Currency {
  return typeof value === 'string' && (CURRENCIES as readonly string[]).includes(value);
}

export type DecimalParseError = 'invalid' | 'too_many_decimals' | 'too_many_digits' | 'not_positive';

const DECIMAL_RE = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses an API decimal ("50000", "50000.5", "50000.00", or the JSON number 12.5) into minor units.
 * At most 13 integer digits and 2 decimals (trailing zeros beyond them are fine).
 */
export function parseDecimal(
  value: unknown,
): { ok: true; minor: bigint } | { ok: false; error: DecimalParseError } {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, error: 'invalid' };
    text = String(value);
    if (/e/i.test(text))
      return { ok: false, error: text.includes('e-') ? 'too_many_decimals' : 'too_many_digits' };
  } else if (typeof value === 'string') {
    text = value.trim();
  } else {
    return { ok: false, error: 'invalid' };
  }
  if (text.startsWith('-'))
    return /^-\d+(\.\d+)?$/.test(text)
      ? { ok: false, error: 'not_positive' }
      : { ok: false, error: 'invalid' };
  const m = DECIMAL_RE.exec(text);
  if (!m) return { ok: false, error: 'invalid' };
  const intDigits = m[1].replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  if (intDigits.length > 13) return { ok: false, error: 'too_many_digits' };
  if (frac.length > 2) return { ok: false, error: 'too_many_decimals' };
  return { ok: true, minor: BigInt(intDigits) * 100n + BigInt(frac.padEnd(2, '0')) };
}

const DB_DECIMAL_RE = /^(-)?(\d+)(?:\.(\d{1,2}))?$/;

/**
 * A numeric value from the database with at most 2 decimals and any number of integer digits (a SUM can exceed
 * the 13 digits one amount may have) → minor units. Throws on anything else: that would be a schema bug.
 */
export function parseDbDecimal(value: string): bigint {
  const m = DB_DECIMAL_RE.exec(value);
  if (!m) throw new Error(`Unexpected decimal from the database: ${value}`);
  const minor = BigInt(m[2]) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -minor : minor;
}

/** Minor units → "50000.00" (API form). */
export function toDecimalString(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const units = abs / 100n;
  const cents = abs % 100n;
  return `${negative ? '-' : ''}${units.toString()}.${cents.toString().padStart(2, '0')}`;
}

/** Minor units → "1,500,000.00" (the display form of docs/interface.md §4, without currency). */
export function formatAmount(minor: bigint): string {
  const [units, cents] = toDecimalString(minor).split('.');
  const negative = units.startsWith('-');
  const digits = negative ? units.slice(1) : units;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** Minor units + currency → "1,500,000.00 UZS" as the bot shows money (docs/interface.md §4). */
export function formatMoney(minor: bigint, currency: string): string {
  return `${formatAmount(minor)} ${currency}`;
}

export function sumMinor(values: Iterable<bigint>): bigint {
  let total = 0n;
  for (const v of values) total += v;
  return total;
}

export function compareMinor(a: bigint, b: bigint): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}
