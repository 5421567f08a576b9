/**
 * Exact currency conversion through UZS (the Central Bank of Uzbekistan quotes every currency in sum). A rate is a
 * rational number of UZS per one unit, built from the bank's decimal text and nominal ("123.45" per 10 units), and
 * never a float. Pure functions, table-tested in convert.spec.ts.
 */

/** UZS per one unit of a currency, as an exact fraction `num / den` (den > 0, num > 0). */
export interface Rate {
  num: bigint;
  den: bigint;
}

/** The base currency every rate is quoted in. */
export const BASE_CURRENCY = 'UZS';

/** One UZS costs one UZS. */
export const UNIT_RATE: Rate = { num: 1n, den: 1n };

const RATE_RE = /^(\d{1,12})(?:\.(\d{1,8}))?$/;

/**
 * A quoted rate ("12741.19", nominal 1; "1.65", nominal 10) → UZS per one unit, exactly. Null for anything that
 * is not a positive decimal with at most 12 integer and 8 fractional digits, or a nominal that is not a positive
 * integer.
 */
export function parseRate(text: string, nominal: string | number = 1): Rate | null {
  const m = RATE_RE.exec(typeof text === 'string' ? text.trim() : '');
  const nom =
    typeof nominal === 'number' ? (Number.isSafeInteger(nominal) ? String(nominal) : '') : nominal.trim();
  if (!m || !/^\d{1,9}$/.test(nom)) return null;
  const frac = m[2] ?? '';
  const num = BigInt(m[1] + frac);
  const den = 10n ** BigInt(frac.length) * BigInt(nom);
  if (num === 0n || den === 0n) return null;
  return reduce({ num, den });
}

function gcd(a: bigint, b: bigint): bigint {
  while (b) [a, b] = [b, a % b];
  return a;
}

function reduce(r: Rate): Rate {
  const g = gcd(r.num, r.den);
  return { num: r.num / g, den: r.den / g };
}

/** `n / d` rounded half-up (half away from zero for negatives), d > 0. */
export function divideHalfUp(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('divisor must be positive');
  const negative = n < 0n;
  const abs = negative ? -n : n;
  const q = (2n * abs + d) / (2n * d);
  return negative ? -q : q;
}

/**
 * Minor units of one currency → minor units of another, through UZS: amount × from / to, rounded half-up once
 * (both currencies have 2 decimals, so the minor units cancel). `from` and `to` are UZS per unit.
 */
export function convertMinor(amountMinor: bigint, from: Rate, to: Rate): bigint {
  return divideHalfUp(amountMinor * from.num * to.den, from.den * to.num);
}

/**
 * A rate as a plain decimal string of UZS per one unit ("12741.19"; "16.5" for "165.00" per 10). Exact when the
 * denominator has only the factors 2 and 5 (every nominal the bank uses: 1, 10, 100, 1000); otherwise rounded
 * half-up to 10 decimals. At least 2 decimals are kept, trailing zeros beyond them dropped.
 */
export function rateToDecimal(rate: Rate): string {
  let scale = 0;
  let den = rate.den;
  while (den % 10n === 0n) {
    den /= 10n;
    scale++;
  }
  while (den % 2n === 0n) {
    den /= 2n;
    scale++;
  }
  while (den % 5n === 0n) {
    den /= 5n;
    scale++;
  }
  const exact = den === 1n;
  if (!exact) scale = 10;
  const scaled = exact
    ? (rate.num * 10n ** BigInt(scale)) / rate.den
    : divideHalfUp(rate.num * 10n ** BigInt(scale), rate.den);
  const digits = scaled.toString().padStart(scale + 1, '0');
  const units = digits.slice(0, digits.length - scale);
  let frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${units}.${frac}`;
}

/** Income and expense of one currency. */
export interface CurrencyAmounts {
  currency: string;
  incomeMinor: bigint;
  expenseMinor: bigint;
}

/** Totals expressed in one currency; balance = income − expense. */
export interface ConvertedAmounts extends CurrencyAmounts {
  balanceMinor: bigint;
}

/**
 * Per-currency totals → one total in `target`: each currency's income and expense converted (half-up, once per
 * amount) and summed; the target's own amounts are taken as they are. `rates` holds UZS per unit of every other
 * currency involved (UZS needs none). Null when a rate is missing: mixed currencies are never added up as they are.
 */
export function convertTotals(
  totals: readonly CurrencyAmounts[],
  target: string,
  rates: ReadonlyMap<string, Rate>,
): ConvertedAmounts | null {
  const rateOf = (currency: string): Rate | undefined =>
    currency === BASE_CURRENCY ? UNIT_RATE : rates.get(currency);
  let income = 0n;
  let expense = 0n;
  const to = totals.some((t) => t.currency !== target) ? rateOf(target) : UNIT_RATE;
  if (!to) return null;
  for (const t of totals) {
    if (t.currency === target) {
      income += t.incomeMinor;
      expense += t.expenseMinor;
      continue;
    }
    const from = rateOf(t.currency);
    if (!from) return null;
    income += convertMinor(t.incomeMinor, from, to);
    expense += convertMinor(t.expenseMinor, from, to);
  }
  return { currency: target, incomeMinor: income, expenseMinor: expense, balanceMinor: income - expense };
}
