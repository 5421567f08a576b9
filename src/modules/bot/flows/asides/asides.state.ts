/**
 * The questions about asides kept in bot_sessions.state (jsonb), beside pending-amount's "💬 Сколько?": which
 * currency "40 тыс" was in, and whether to create the goal a saving intention named. Both wait for a button under
 * the bot's reply; a newer phrase replaces them. Pure functions; anything malformed reads as no question.
 */
import { randomUUID } from 'node:crypto';
import { isCurrency } from '../../../../common/money';
import type { TransactionType } from '../../../nlu/nlu.types';

/** An item as the state keeps it: the amount in minor units as a digit string (JSON has no bigint). */
export interface AskedItem {
  type: TransactionType;
  amountMinor: string;
  category: string;
  description: string;
  /** The local date (YYYY-MM-DD) the phrase meant. */
  date: string;
}

interface Asked {
  /** Tells this question from a newer one (compare-and-clear in the repository). */
  id: string;
  /** When the message was sent (ISO): today's items are recorded at that moment. */
  askedAt: string;
  /** The update id of the message (a digit string): what the press records is tied to it. */
  updateId: string;
}

/** "такси 40 тыс" with USD by default: the items wait for the currency. */
export interface CurrencyQuestion extends Asked {
  awaiting: 'currency';
  source: 'text' | 'voice';
  transcript?: string;
  /** The two readings offered. */
  choices: string[];
  items: AskedItem[];
  /** The message said the household wallet ("в семью"): the press records there (docs/households.md). */
  wallet?: 'household';
}

/** A saving intention the goals flow did not take: the goal to create on a press. */
export interface GoalOffer extends Asked {
  awaiting: 'goal';
  title: string;
  amountMinor: string;
  currency: string;
  deadline: string | null;
}

export type AsideQuestion = CurrencyQuestion | GoalOffer;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const MINOR_RE = /^[1-9]\d{0,17}$/;

export function currencyQuestion(
  o: {
    updateId: bigint;
    sentAt: Date;
    source: 'text' | 'voice';
    transcript?: string;
    choices: readonly string[];
    wallet?: 'household';
  },
  items: ReadonlyArray<{
    type: TransactionType;
    amountMinor: bigint;
    category: string;
    description: string;
    date: string;
  }>,
): CurrencyQuestion {
  return {
    awaiting: 'currency',
    id: randomUUID(),
    askedAt: o.sentAt.toISOString(),
    updateId: o.updateId.toString(),
    source: o.source,
    ...(o.transcript === undefined ? {} : { transcript: o.transcript }),
    choices: [...o.choices],
    ...(o.wallet ? { wallet: o.wallet } : {}),
    items: items.map((i) => ({
      type: i.type,
      amountMinor: i.amountMinor.toString(),
      category: i.category,
      description: i.description,
      date: i.date,
    })),
  };
}

export function goalOffer(
  o: { updateId: bigint; sentAt: Date },
  goal: { title: string; amountMinor: bigint; currency: string; deadline: string | null },
): GoalOffer {
  return {
    awaiting: 'goal',
    id: randomUUID(),
    askedAt: o.sentAt.toISOString(),
    updateId: o.updateId.toString(),
    title: goal.title,
    amountMinor: goal.amountMinor.toString(),
    currency: goal.currency,
    deadline: goal.deadline,
  };
}

function isAskedItem(value: unknown): value is AskedItem {
  const v = value as Partial<AskedItem> | null;
  return (
    !!v &&
    (v.type === 'income' || v.type === 'expense') &&
    typeof v.amountMinor === 'string' &&
    MINOR_RE.test(v.amountMinor) &&
    typeof v.category === 'string' &&
    typeof v.description === 'string' &&
    typeof v.date === 'string' &&
    DATE_RE.test(v.date)
  );
}

/**
 * The aside question in a session state, or null (none, another kind, or malformed). It has no age limit: it belongs
 * to the buttons under one reply, and the next phrase replaces it.
 */
export function readAsideQuestion(state: unknown): AsideQuestion | null {
  const s = state as Record<string, unknown> | null;
  if (
    !s ||
    typeof s !== 'object' ||
    typeof s.id !== 'string' ||
    typeof s.askedAt !== 'string' ||
    Number.isNaN(Date.parse(s.askedAt))
  )
    return null;
  if (typeof s.updateId !== 'string' || !/^\d{1,19}$/.test(s.updateId)) return null;
  const base = { id: s.id, askedAt: s.askedAt, updateId: s.updateId };
  if (s.awaiting === 'currency') {
    const { source, choices, items, transcript, wallet } = s;
    if (source !== 'text' && source !== 'voice') return null;
    if (wallet !== undefined && wallet !== 'household') return null;
    if (!Array.isArray(choices) || !choices.every(isCurrency)) return null;
    if (!Array.isArray(items) || !items.length || !items.every(isAskedItem)) return null;
    if (transcript !== undefined && typeof transcript !== 'string') return null;
    return {
      awaiting: 'currency',
      ...base,
      source,
      ...(transcript === undefined ? {} : { transcript }),
      choices,
      items,
      ...(wallet ? { wallet } : {}),
    };
  }
  if (s.awaiting === 'goal') {
    const { title, amountMinor, currency, deadline } = s;
    if (
      typeof title !== 'string' ||
      !title.trim() ||
      typeof amountMinor !== 'string' ||
      !MINOR_RE.test(amountMinor)
    )
      return null;
    if (
      !isCurrency(currency) ||
      (deadline !== null && !(typeof deadline === 'string' && DATE_RE.test(deadline)))
    )
      return null;
    return { awaiting: 'goal', ...base, title, amountMinor, currency, deadline };
  }
  return null;
}
