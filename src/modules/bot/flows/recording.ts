/**
 * How the bot turns a parsed item into a record (its moment and a category that fits its type), and a record or an
 * item waiting for its amount into the view the replies list. Pure.
 */
import { localDate, readIsoDate, zonedTimeToUtc } from '../../../common/time/local-time';
import { FALLBACK_CATEGORY, isDefaultCategory } from '../../categories/category-keys';
import type { ParsedItem } from '../../nlu';
import type { CategoryNameResolver } from '../../categories/categories.service';
import type { Transaction, TransactionType } from '../../transactions/transaction.entity';
import type { ItemView } from '../texts/bot.texts';
import type { PendingItem } from './pending-amount';
import type { NewTransaction } from '../../transactions/transactions.service';

/** The item's local date in the user's zone: today → the moment itself; another day → 12:00 local that day. */
export function occurredAt(date: string, now: Date, timeZone: string): Date {
  const day = readIsoDate(date);
  if (!day || date === localDate(now, timeZone)) return now;
  return zonedTimeToUtc(timeZone, day[0], day[1], day[2], 12);
}

/** A parsed item whose category key does not fit its type (should not happen) falls back to 'other'. */
export function categoryFor(item: { type: TransactionType; category: string }): string {
  return isDefaultCategory(item.type, item.category) ? item.category : FALLBACK_CATEGORY;
}

/**
 * Parsed items with an amount as the transactions to record (sent at `sentAt`; dates in `timeZone`), each in the
 * category it already carries (see PhraseService.categorize).
 */
export function newTransactions(
  items: ReadonlyArray<ParsedItem & { amountMinor: bigint }>,
  sentAt: Date,
  timeZone: string,
): NewTransaction[] {
  return items.map((i) => ({
    type: i.type,
    amountMinor: i.amountMinor,
    currency: i.currency,
    category: i.category,
    description: i.description,
    occurredAt: occurredAt(i.date, sentAt, timeZone),
  }));
}

/** A recorded row as the replies list it. */
export function itemView(tx: Transaction, name: CategoryNameResolver): ItemView {
  return {
    type: tx.type,
    amountMinor: tx.amount,
    currency: tx.currency,
    categoryName: name(tx.category),
    description: tx.description,
    occurredAt: tx.occurredAt,
  };
}

/** An item waiting for its amount, as the "💬 Сколько?" question shows it. */
export function pendingItemView(
  item: PendingItem,
  name: CategoryNameResolver,
  timeZone: string,
  now: Date,
): ItemView {
  return {
    type: item.type,
    amountMinor: null,
    currency: item.currency,
    categoryName: name(item.category),
    description: item.description,
    occurredAt: occurredAt(item.date, now, timeZone),
  };
}
