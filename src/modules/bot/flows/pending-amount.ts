/**
 * The "amount missing" conversation state kept in bot_sessions.state (jsonb): the items a phrase named without an
 * amount, waiting for the user's next message. Pure functions; anything malformed or too old reads as no state.
 */
import { randomUUID } from 'node:crypto';
import { isCurrency } from '../../../common/money';
import type { ParseResult } from '../../nlu';
import type { TransactionType } from '../../nlu/nlu.types';

/** A pending question older than this is forgotten (the next "25000" is then an ordinary phrase). */
export const PENDING_TTL_MS = 24 * 60 * 60 * 1000;

export interface PendingItem {
  type: TransactionType;
  currency: string;
  category: string;
  description: string;
  /** The local date (YYYY-MM-DD) the phrase meant. */
  date: string;
}

export interface PendingAmount {
  awaiting: 'amount';
  /** Tells this question from a newer one (compare-and-replace in the repository). */
  id: string;
  askedAt: string;
  /** The first one is asked about; the rest follow, one question each. */
  items: PendingItem[];
}

export function pendingAmount(items: ReadonlyArray<PendingItem>, now: Date): PendingAmount {
  return {
    awaiting: 'amount',
    id: randomUUID(),
    askedAt: now.toISOString(),
    items: items.map(({ type, currency, category, description, date }) => ({
      type,
      currency,
      category,
      description,
      date,
    })),
  };
}

function isPendingItem(value: unknown): value is PendingItem {
  const v = value as Partial<PendingItem> | null;
  return (
    !!v &&
    (v.type === 'income' || v.type === 'expense') &&
    isCurrency(v.currency) &&
    typeof v.category === 'string' &&
    typeof v.description === 'string' &&
    typeof v.date === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(v.date)
  );
}

/** The pending question in a session state, or null (none, malformed, or older than PENDING_TTL_MS). */
export function readPending(state: unknown, now: Date): PendingAmount | null {
  const s = state as Partial<PendingAmount> | null;
  if (
    !s ||
    typeof s !== 'object' ||
    s.awaiting !== 'amount' ||
    typeof s.id !== 'string' ||
    typeof s.askedAt !== 'string'
  )
    return null;
  const askedAt = Date.parse(s.askedAt);
  if (Number.isNaN(askedAt) || now.getTime() - askedAt > PENDING_TTL_MS) return null;
  if (!Array.isArray(s.items) || !s.items.length || !s.items.every(isPendingItem)) return null;
  return { awaiting: 'amount', id: s.id, askedAt: s.askedAt, items: s.items };
}

/** The state after the first item got its amount: the rest, or null when nothing is left. */
export function afterAnswer(pending: PendingAmount): PendingAmount | null {
  return pending.items.length > 1 ? { ...pending, items: pending.items.slice(1) } : null;
}

/**
 * A message that is only an amount ("25000", "25 тыс", "ellik ming", "$15"): one item with an amount and nothing
 * else said about it. Returns the amount and its currency (the pending item's when none was named).
 */
export function bareAmount(parsed: ParseResult): { amountMinor: bigint; currency: string } | null {
  if (parsed.intent !== 'transaction' || parsed.items.length !== 1 || parsed.card !== undefined) return null;
  const [item] = parsed.items;
  if (item.amountMinor === null || item.description.trim() !== '' || item.category !== 'other') return null;
  return { amountMinor: item.amountMinor, currency: item.currency };
}
