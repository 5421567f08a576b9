/** Public types of the phrase parser (docs/interface.md §6). Pure TypeScript: no framework imports here. */
import type { Currency } from '../../common/money';
import { LANGUAGES, type Language } from '../../common/text/languages';

export { LANGUAGES, type Language };

/** The kinds of a transaction; the one owner of the list. */
export const TRANSACTION_TYPES = ['income', 'expense'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const EXPENSE_CATEGORIES = [
  'groceries',
  'cafe',
  'transport',
  'housing',
  'communication',
  'health',
  'clothing',
  'shopping',
  'entertainment',
  'education',
  'gifts',
  'other',
] as const;
export const INCOME_CATEGORIES = [
  'salary',
  'freelance',
  'business',
  'investments',
  'gifts',
  'other',
] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];
export type CategoryKey = ExpenseCategory | IncomeCategory;

/** The intents of the docs/interface.md §6 JSON: a closed list. */
export type JsonIntent =
  | 'transaction'
  | 'balance_query'
  | 'stats_query'
  | 'undo'
  | 'set_language'
  | 'set_currency'
  | 'smalltalk'
  | 'unknown';

/**
 * The parser's intents: the JSON ones and the internal ones the JSON shows as `unknown` with no items (toParseJson):
 * setting a budget, setting a recurring payment or income, asking what is left of a budget (docs/phrases.md,
 * "Budgets and recurring payments").
 */
export type Intent = JsonIntent | 'set_budget' | 'set_recurring' | 'budget_query';

export interface ParseOptions {
  /** 'auto' (default) detects the language from the text. */
  language?: Language | 'auto';
  /** Currency used when the phrase names none. */
  defaultCurrency: Currency;
  /** The moment "today" is relative to. */
  now: Date;
  /** IANA zone the user lives in; dates are local dates there. Default Asia/Tashkent. */
  timeZone?: string;
}

export interface ParsedItem {
  type: TransactionType;
  /** Minor units (1/100); null when the phrase names a transaction but no amount. */
  amountMinor: bigint | null;
  currency: Currency;
  category: CategoryKey;
  /** Short human description taken from the phrase (e.g. "продукты"). */
  description: string;
  /** Local date YYYY-MM-DD the phrase means. */
  date: string;
}

/**
 * A message that names money but must not be recorded as it stands (docs/phrases.md, "Messages that are not a
 * record"). The JSON of docs/interface.md §6 shows these as intent `unknown` with no items; the bot answers each its own way.
 */
export type Aside =
  /** "50 dollar necha so'm bo'ladi", "курс доллара": answered with the day's rate. `to` is never `from`. */
  | { kind: 'conversion'; amountMinor: bigint; from: Currency; to: Currency }
  /**
   * "завтра куплю билеты 800 тыс", "need to pay 500k for internet tomorrow": a reminder is offered. `date` is the day
   * meant (YYYY-MM-DD), null when the phrase names none; the items carry that date (or today's).
   */
  | { kind: 'future'; date: string | null; items: ParsedItem[] }
  /** "коплю на ноутбук 1000$", "mashina uchun 50 mln yig'moqchiman": a goal is offered. */
  | {
      kind: 'saving_goal';
      title: string;
      amountMinor: bigint | null;
      currency: Currency;
      deadline: string | null;
    }
  /**
   * "такси 40 тыс" while the default currency is USD: amounts said with thousands words are almost surely sums, so
   * the bot asks. The items carry the default currency; `choices` are the two readings, the default first.
   */
  | { kind: 'ask_currency'; items: ParsedItem[]; choices: [Currency, Currency] }
  /** An amount larger than a record can hold (more than 13 digits before the decimal point). */
  | { kind: 'too_large' }
  /** More items than one message may record (`limit`); nothing is recorded. */
  | { kind: 'too_many'; count: number; limit: number };

export interface ParseResult {
  language: Language;
  intent: Intent;
  items: ParsedItem[];
  /** Set when the message names money but is not a record as it stands (see Aside). */
  aside?: Aside;
  /** For set_language / set_currency intents: the requested value. */
  setting?: { language?: Language; currency?: Currency };
  /** For the stats_query intent: what is asked (internal; not part of the docs/interface.md §6 JSON). */
  stats?: StatsQuery;
  /** The text was a forwarded card notification (docs/card-notifications.md): the whole reading (internal, not in the JSON). */
  card?: CardNotification;
  /**
   * Whose money the phrase speaks of (internal, not in the JSON; docs/phrases.md, "Whose money"): a record said to go
   * to the household wallet ("продукты 50000 в семью", "oilaga", "for the family") — on a transaction, on the asides
   * that carry items and on a card notification whose note says so — or a balance asked of the household ("семейный
   * баланс"). Absent: the person's own.
   */
  wallet?: 'household';
  /** For the set_budget intent: the limit to set (internal, not in the JSON). */
  budget?: BudgetPhrase;
  /** For the budget_query intent: which budget is asked about (internal, not in the JSON). */
  budgetQuery?: BudgetQuery;
  /** For the set_recurring intent: the rule to set (internal, not in the JSON). */
  recurring?: RecurringPhrase;
}

/** "лимит на кафе 500 тыс в месяц", "haftasiga transportga 200 ming limit", "общий лимит 10 млн в месяц". */
export interface BudgetPhrase {
  /** null: the whole spending ("общий лимит"); for food, `groceries` with `categories`. */
  category: CategoryKey | null;
  /** Food ("еда", "ovqat", "food"): groceries and cafes together. */
  categories?: CategoryKey[];
  amountMinor: bigint;
  currency: Currency;
  /** A month unless the phrase names a week. */
  period: 'month' | 'week';
  /** "семейный лимит на продукты 4 млн": the household's budget; absent: one's own. */
  wallet?: 'household';
}

/** "сколько осталось по лимиту на кафе", "kafe limitidan qancha qoldi": what is left of a budget. */
export interface BudgetQuery {
  /** null: no category named (the overall budget, or every budget). */
  category: CategoryKey | null;
  categories?: CategoryKey[];
  wallet?: 'household';
}

/** "каждый месяц 1 числа аренда 3 млн", "har oy 10-sanada oylik 8 mln", "every Monday gym 50k". */
export interface RecurringPhrase {
  type: TransactionType;
  /** null: the phrase names no amount (the bot asks). */
  amountMinor: bigint | null;
  currency: Currency;
  category: CategoryKey;
  /** The word naming the payment ("аренда", "netflix", "oylik"); '' when none. */
  description: string;
  every: 'month' | 'week';
  /** 1–31 for a month (31 → the month's last day), 1–7 Monday first for a week; null: not named. */
  day: number | null;
  wallet?: 'household';
}

/** A period of whole local days, both ends inclusive (YYYY-MM-DD in the user's zone). */
export interface StatsPeriod {
  kind: 'day' | 'week' | 'month' | 'year' | 'custom';
  from: string;
  to: string;
}

/** "сколько я потратил на такси в этом месяце" → {type: expense, category: transport, period: this month}. */
export interface StatsQuery {
  /** Absent: both directions ("статистика за март"). */
  type?: TransactionType;
  /** Absent: every category (or `categories`). */
  category?: CategoryKey;
  /** "food", "еда", "ovqat": groceries and cafes together (then `category` is absent). */
  categories?: CategoryKey[];
  /**
   * A word more specific than a category ("такси", "бензин", "coffee", "korzinka"; folded, as the lexicon stem):
   * the answer lists the records whose description has it, beside the category total.
   */
  term?: string;
  period: StatsPeriod;
  /** The question asks about the household ("сколько семья потратила", "oila xarajatlari"); absent: one's own. */
  scope?: 'household';
}

/** The JSON shape of docs/interface.md §6 (npm run parse, POST /api/transactions/parse/). */
export interface ParseResultJson {
  language: Language;
  items: Array<{
    type: TransactionType;
    amount: string | null;
    currency: Currency;
    category: CategoryKey;
    description: string;
    date: string;
  }>;
  intent: JsonIntent;
}

// --- A forwarded card notification as read (src/modules/nlu/card-notification.ts reads it). ---

export type CardDirection = 'expense' | 'income' | 'unknown';
export type CardOperation =
  'purchase' | 'payment' | 'withdrawal' | 'topup' | 'transfer' | 'conversion' | 'refund' | 'other';

/** One notification as read. */
export interface CardNotification {
  /** The language of its operation word (transliterated Russian counts as Russian). */
  language: Language;
  operation: CardOperation;
  /** `unknown`: a transfer receipt between two cards; which side the user is on depends on which card is theirs. */
  direction: CardDirection;
  /** The operation's amount in minor units (never the balance, a card's or a date's digits). */
  amountMinor: bigint;
  currency: Currency;
  /**
   * Who the money went to (money out) or came from (money in), as written, trimmed; '' when not named. For an
   * `unknown` transfer: the receiver's name (see `transfer` for both names).
   */
  merchant: string;
  /** Last 4 digits of the user's side card (for an `unknown` transfer: the sender's card); null when none is shown. */
  card: string | null;
  /** Last 4 digits of the other card of a transfer (for an `unknown` transfer: the receiver's card). */
  otherCard: string | null;
  /** For a receipt naming both sides: the sender's and the receiver's names ('' when not named). */
  transfer: { senderName: string; receiverName: string } | null;
  /**
   * The notification itself tells the side (a sign, an operation word, a sender, the card's role). False for a
   * transfer receipt between two cards (`unknown`) and for a neutral operation ("Перевод") with the user's card only,
   * read as money out: there the user's own words (`note`) may decide (see cardNotificationResult).
   */
  sideShown: boolean;
  /**
   * The user's own words forwarded with the notification — a line above or below it with a verb or a money noun
   * ("пришло от Жасура 👇", "оплатил садик", "акамдан келди"), never read as part of it; '' when none.
   */
  note: string;
  /** The notification's own date and time (Tashkent wall clock → UTC); null when it shows no date. */
  occurredAt: Date | null;
  /** That local date, YYYY-MM-DD, and time, HH:MM or HH:MM:SS, as the notification shows them. */
  localDate: string | null;
  localTime: string | null;
  /** OTMENA & co: the operation was cancelled; it undoes a matching earlier record and never adds one. */
  reversal: boolean;
  /** The balance after the operation ("Доступно", "Qoldiq", 💰 …), never used as the amount. */
  balanceMinor: bigint | null;
  balanceCurrency: Currency | null;
  /** Identifies the notification (card + timestamp + amount + direction) so that a second forward records nothing. */
  fingerprint: string;
}
