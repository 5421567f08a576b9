/** Public types of the phrase parser (CONTRACT §6). Pure TypeScript: no framework imports here. */
import type { Currency } from '../../common/money';
import type { CardNotification } from './card-notification';

export type Language = 'ru' | 'uz' | 'en';
export type TransactionType = 'income' | 'expense';

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
export const INCOME_CATEGORIES = ['salary', 'freelance', 'business', 'investments', 'gifts', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];
export type IncomeCategory = (typeof INCOME_CATEGORIES)[number];
export type CategoryKey = ExpenseCategory | IncomeCategory;

export type Intent =
  | 'transaction'
  | 'balance_query'
  | 'stats_query'
  | 'undo'
  | 'set_language'
  | 'set_currency'
  | 'smalltalk'
  | 'unknown';

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

export interface ParseResult {
  language: Language;
  intent: Intent;
  items: ParsedItem[];
  /** For set_language / set_currency intents: the requested value. */
  setting?: { language?: Language; currency?: Currency };
  /** For the stats_query intent: what is asked (internal; not part of the CONTRACT §6 JSON). */
  stats?: StatsQuery;
  /** The text was a forwarded card notification (docs/card-notifications.md): the whole reading (internal, not in the JSON). */
  card?: CardNotification;
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
  /** Absent: every category. */
  category?: CategoryKey;
  period: StatsPeriod;
}

/** The JSON shape of CONTRACT §6 (npm run parse, POST /api/transactions/parse/). */
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
  intent: Intent;
}
