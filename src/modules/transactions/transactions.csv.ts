/**
 * CSV of transactions (RFC 4180, UTF-8 with a BOM so Excel reads Cyrillic, CRLF line ends). Pure.
 *
 * CSV injection (docs/exports.md): a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return)
 * as a formula. Which characters split cells depends on the program and its locale — Excel in Russian or Uzbek
 * splits on `;`, an import dialog may split on tabs, a lenient reader on line breaks — so a text cell is defused at
 * its start and after every such separator inside it: an apostrophe goes before the formula character (and before
 * the spaces or quotes that precede it). Amounts are written by us as plain decimals, which no spreadsheet runs:
 * they stay numbers (a leading minus on an amount would be the number's sign, not a formula).
 */
import { toDecimalString } from '../../common/money';
import { wallClock } from '../../common/time/local-time';

export const CSV_BOM = '\uFEFF';
export const CSV_COLUMNS = [
  'date',
  'type',
  'amount',
  'currency',
  'category',
  'category_name',
  'description',
  'source',
] as const;

/** Characters a spreadsheet reads as the start of a formula when they begin a cell. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Every place a cell may begin — the start, or after a separator some spreadsheet splits on (`,` `;` tab, line
 * breaks) — that is followed, after optional spaces or quotes, by a formula character.
 */
const CELL_STARTS_WITH_FORMULA = /(?<=^|[,;\t\r\n])(?=[ \u00a0"]*[=+\-@\t\r])/g;

/** A text value with an apostrophe before every formula that a spreadsheet could see in it, in any locale. */
export function defuseFormulas(value: string): string {
  return value.replace(CELL_STARTS_WITH_FORMULA, "'");
}

/** One cell: defused against formulas, quoted when it holds a comma, semicolon, quote or line break. */
export function csvCell(value: string): string {
  const safe = defuseFormulas(value);
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** An amount cell: a plain decimal ("-1500.50" for a negative one), left as a number for the spreadsheet. */
export function csvAmount(minor: bigint): string {
  return toDecimalString(minor);
}

export function csvLine(cells: readonly string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/**
 * "2026-11-29 14:30:05" in the zone. An export formats one date per row; wallClock asks Intl only twice per zone and
 * hour of time (common/time/local-time.ts), so rows cost no Intl call.
 */
export function localDateTime(instant: Date, timeZone: string): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const w = wallClock(instant, timeZone);
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
  return (
    [
      csvCell(localDateTime(tx.occurredAt, timeZone)),
      csvCell(tx.type),
      csvAmount(tx.amountMinor),
      csvCell(tx.currency),
      csvCell(tx.category),
      csvCell(categoryName),
      csvCell(tx.description),
      csvCell(tx.source),
    ].join(',') + '\r\n'
  );
}

export const CSV_HEADER = CSV_BOM + csvLine(CSV_COLUMNS);
