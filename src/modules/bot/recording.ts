/** How the bot turns a parsed item into a record: its moment and a category that fits its type. Pure. */
import { localDate, readIsoDate, zonedTimeToUtc } from '../../common/time/local-time';
import { FALLBACK_CATEGORY, isDefaultCategory } from '../categories/category-keys';
import type { TransactionType } from '../transactions/transaction.entity';

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
