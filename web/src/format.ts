/** Money as the API sends it (decimal strings) shown like the bot: "1,500,000.00 UZS". No floats involved. */
export function money(amount: string, currency: string): string {
  const negative = amount.startsWith('-');
  const [int, frac = '00'] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${frac.padEnd(2, '0').slice(0, 2)} ${currency}`;
}

export function isNegative(amount: string): boolean {
  return amount.startsWith('-') && /[1-9]/.test(amount);
}

/** "2026-11-29T09:30:00Z" → "29.11.2026 14:30" in the device's time zone. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** "2026-11-29" → "29.11.2026". */
export function day(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-');
  return d && m && y ? `${d}.${m}.${y}` : isoDate;
}

/** Local calendar day as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** date_from / date_to (inclusive days) of a period, for the transaction filters. */
export function periodRange(
  period: 'week' | 'month' | 'prev_month' | 'year',
  now = new Date(),
): { date_from: string; date_to?: string } {
  switch (period) {
    case 'week': {
      // Monday to today, like the analytics summary's week.
      const sinceMonday = (now.getDay() + 6) % 7;
      return { date_from: isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - sinceMonday)) };
    }
    case 'month':
      return { date_from: isoDay(new Date(now.getFullYear(), now.getMonth(), 1)) };
    case 'prev_month':
      return {
        date_from: isoDay(new Date(now.getFullYear(), now.getMonth() - 1, 1)),
        date_to: isoDay(new Date(now.getFullYear(), now.getMonth(), 0)),
      };
    case 'year':
      return { date_from: isoDay(new Date(now.getFullYear(), 0, 1)) };
  }
}

/** The user's typing ("45 000", "12,5") → the API's decimal string, or undefined. */
export function normalizeAmount(input: string): string | undefined {
  const s = input.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^\d{1,13}(\.\d{1,2})?$/.test(s) ? s : undefined;
}

/** "120000.30" (the API's decimal string) → 12000030n minor units. */
function minorUnits(amount: string): bigint {
  const [int, frac = ''] = amount.replace(/^-/, '').split('.');
  return BigInt(int || '0') * 100n + BigInt((frac + '00').slice(0, 2));
}

/**
 * Whole percentages of the amounts that add up to exactly 100: each gets the floor of its exact share, the points
 * still missing go to the largest remainders (then the larger amount, then the earlier one). The server rounds its
 * shares the same way (src/common/money/shares.ts, docs/bot-texts.md); rounding each row alone would show 99 or 101.
 */
export function wholePercents(amounts: readonly string[]): number[] {
  const minor = amounts.map(minorUnits);
  const total = minor.reduce((s, a) => s + a, 0n);
  if (total <= 0n) return minor.map(() => 0);
  const parts = minor.map((a, i) => ({ i, a, floor: (a * 100n) / total, rest: (a * 100n) % total }));
  let left = 100n - parts.reduce((s, p) => s + p.floor, 0n);
  const order = [...parts].sort((x, y) =>
    x.rest !== y.rest ? (x.rest > y.rest ? -1 : 1) : x.a !== y.a ? (x.a > y.a ? -1 : 1) : x.i - y.i,
  );
  for (const p of order) {
    if (left <= 0n || p.rest === 0n) continue;
    p.floor += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p.floor));
}
