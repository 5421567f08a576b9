/**
 * An edited message read again: which of its recorded rows each item of the new reading continues (so rows keep
 * their ids), and the values each row gets. Pure functions; unit-tested in item-diff.spec.ts.
 */
import type { TransactionType } from '../../transactions/transaction.entity';
import type { NewTransaction, RevisedTransaction } from '../../transactions/transactions.service';

/** What the pairing looks at. */
export interface ItemShape {
  type: TransactionType;
  category: string;
  description: string;
}

/** A row the message recorded, with the category its text gave (it differs once the user picked one with 🏷). */
export interface RecordedItem extends ItemShape {
  id: string;
  textCategory: string;
}

const words = (description: string): string => description.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * For each item of the new reading, the index of the old item it continues, or null (a new row); old items left
 * unpaired are removed. Three passes, each taking the new items in order and pairing the first free old item that:
 * 1. has the same description ("кофе" is still "кофе", whatever its amount, type or date now);
 * 2. has the same type and category;
 * 3. is left at all (an item whose words changed keeps its place).
 */
export function matchItems(old: readonly ItemShape[], next: readonly ItemShape[]): Array<number | null> {
  const pairs: Array<number | null> = next.map(() => null);
  const free = old.map(() => true);
  const pass = (fits: (o: ItemShape, n: ItemShape) => boolean) => {
    for (const [j, n] of next.entries()) {
      if (pairs[j] !== null) continue;
      const i = old.findIndex((o, k) => free[k] && fits(o, n));
      if (i === -1) continue;
      pairs[j] = i;
      free[i] = false;
    }
  };
  pass((o, n) => words(o.description) !== '' && words(o.description) === words(n.description));
  pass((o, n) => o.type === n.type && o.category === n.category);
  pass(() => true);
  return pairs;
}

/**
 * The rows of the new reading: each paired item keeps its row's id; a category the user chose with 🏷 stays unless
 * the item's type changed (the chosen one would not fit), otherwise the text's category applies. `next` carries the
 * categories the text gives.
 */
export function reviseItems(
  recorded: readonly RecordedItem[],
  next: readonly NewTransaction[],
): RevisedTransaction[] {
  const old = recorded.map((r) => ({ type: r.type, category: r.textCategory, description: r.description }));
  const pairs = matchItems(old, next);
  return next.map((item, j) => {
    const i = pairs[j];
    if (i === null) return { ...item };
    const row = recorded[i];
    const chosen = row.category !== row.textCategory && row.type === item.type;
    return { ...item, id: row.id, category: chosen ? row.category : item.category };
  });
}
