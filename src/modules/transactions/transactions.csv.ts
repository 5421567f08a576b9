/**
 * CSV of transactions (RFC 4180, UTF-8 with a BOM so Excel reads Cyrillic, CRLF line ends). Pure.
 *
 * CSV injection: a spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula, so
 * such text cells get a leading apostrophe. Amounts are written by us as plain decimals and never start with one.
 */
import { toDecimalString } from '../../common/money';
import { wallClock } from '../../common/time/local-time';

export const CSV_BOM = '\uFEFF';
export const CSV_COLUMNS = ['date', 'type', 'amount', 'currency', 'category', 'category_name', 'description', 'source'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: neutralised against formulas, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** "2026-11-29 14:30:05" in the zone. */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)} ${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
}

export interface CsvTransaction {
  occurredAt: Date;
  type: string;
  amountMinor: bigint;
  currency: string;
  category: string;
  description: string;
  source: string;
}

export function transactionCsvLine(tx: CsvTransaction, categoryName: string, timeZone: string): string {
  // The amount is ours ("50000.00"): it bypasses the formula guard, which would otherwise not apply anyway.
  return [
    csvCell(localDateTime(tx.occurredAt, timeZone)),
    csvCell(tx.type),
    toDecimalString(tx.amountMinor),
    csvCell(tx.currency),
    csvCell(tx.category),
    csvCell(categoryName),
    csvCell(tx.description),
    csvCell(tx.source),
  ].join(',') + '\r\n';
}

export const CSV_HEADER = CSV_BOM + csvLine(CSV_COLUMNS);
