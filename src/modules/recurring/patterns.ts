/**
 * Noticing a monthly pattern in what a user records (docs/recurring.md, "Noticing patterns"): pure functions, no I/O.
 *
 * A new record completes a pattern when its description (folded, see `foldDescription`) and type were recorded
 * exactly once in each of three consecutive calendar months of the user's time zone — the new record's month and the
 * two before it — in the same currency, with amounts within ±15% of their median. The rule it suggests: the median
 * amount, on the median day of the month.
 */
import { fold } from '../nlu/normalize';
import { localDate } from '../../common/time/local-time';

/** How far an amount may be from the median of the three, in percent. */
export const SIMILAR_PERCENT = 15n;

/** How many consecutive months make a pattern. */
export const PATTERN_MONTHS = 3;

/**
 * A description as patterns compare it: trimmed, lower case, folded as the phrase parser and the word search fold
 * words (ё → е, Uzbek Cyrillic ў қ ғ ҳ → у к г х, apostrophes dropped; src/modules/nlu/normalize.ts). The same as
 * `translate(lower(btrim(description)), FOLD_FROM, FOLD_TO)` in SQL (transactions.repository.ts).
 */
export function foldDescription(description: string): string {
  return fold(description.trim().toLowerCase());
}

/** Worth looking at: a description with at least one letter (an empty or digits-only one names nothing). */
export function isPatternDescription(description: string): boolean {
  return /\p{L}/u.test(foldDescription(description));
}

export interface PatternRecord {
  id: string;
  amountMinor: bigint;
  currency: string;
  occurredAt: Date;
}

export interface Pattern {
  /** The median of the three amounts. */
  amountMinor: bigint;
  currency: string;
  /** The median local day of the month of the three (the rule's day). */
  day: number;
}

/** "2026-11" of an instant in the zone. */
export function localMonth(instant: Date, timeZone: string): string {
  return localDate(instant, timeZone).slice(0, 7);
}

/** "2026-11" → "2026-10" (`by` months back). */
export function monthBefore(month: string, by = 1): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function median<T>(values: T[], compare: (a: T, b: T) => number): T {
  return [...values].sort(compare)[Math.floor(values.length / 2)];
}

/**
 * Does `latest` complete a pattern? `records`: the user's records of the same folded description and type around it
 * (they may include `latest` itself, by id, and rows of other months or currencies, which are ignored).
 */
export function detectPattern(
  latest: PatternRecord,
  records: readonly PatternRecord[],
  timeZone: string,
): Pattern | null {
  const month = localMonth(latest.occurredAt, timeZone);
  const months = Array.from({ length: PATTERN_MONTHS }, (_, i) => monthBefore(month, i));
  const all = [latest, ...records.filter((r) => r.id !== latest.id)];
  const picked: PatternRecord[] = [];
  for (const m of months) {
    const inMonth = all.filter((r) => localMonth(r.occurredAt, timeZone) === m);
    // once a month: something recorded twice in a month (coffee, taxi) is a habit, not a monthly payment
    if (inMonth.length !== 1 || inMonth[0].currency !== latest.currency) return null;
    picked.push(inMonth[0]);
  }
  const amount = median(
    picked.map((r) => r.amountMinor),
    (a, b) => (a < b ? -1 : a > b ? 1 : 0),
  );
  if (amount <= 0n) return null;
  for (const r of picked) {
    const apart = r.amountMinor > amount ? r.amountMinor - amount : amount - r.amountMinor;
    if (apart * 100n > amount * SIMILAR_PERCENT) return null;
  }
  const day = median(
    picked.map((r) => Number(localDate(r.occurredAt, timeZone).slice(8, 10))),
    (a, b) => a - b,
  );
  return { amountMinor: amount, currency: latest.currency, day };
}
