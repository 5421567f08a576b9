/**
 * The shape every per-language lexicon file fills in. Patterns are space-separated lists; each pattern is
 *   `stem`      — any word starting with the stem (inflections, Uzbek suffixes: `такси` matches `taksiga`'s twin),
 *   `stem~N`    — the stem plus at most N more letters (`газ~2` matches газ/газа/газу but not газета),
 *   `=word`     — exactly this word,
 * optionally followed by `:key` (a category hint for verbs) and `^` (a strong match, weight 3) or `?` (a weak one,
 * weight 1). Keys are folded (see normalize.ts), so write them as people do: `so'm`, `тўқсон`, `ёлка` all work.
 */
import type { Currency } from '../../common/money';
import type { CategoryKey, ExpenseCategory, IncomeCategory, Language, TransactionType } from './nlu.types';

export type NumberKind =
  /** 1–9 */
  | 'unit'
  /** 10–19 */
  | 'teen'
  /** 20–90 */
  | 'ten'
  /** Russian сто…девятьсот: a complete hundreds value */
  | 'hund'
  /** yuz / hundred / юз (×100), and the slang сотка (×100), пятихатка (×500), десятка (×10): multiplies what precedes */
  | 'hmul'
  /** тысяча / ming / thousand / миллион …: multiplies the group before it */
  | 'scale'
  /** полтора / полторы: 1.5 */
  | 'frac'
  /** yarim / half / половина: adds 0.5 */
  | 'half';

/**
 * [forms, kind, value as a decimal string, needsNext?, needsPrev?] — needsNext: only a number when another number
 * word follows; needsPrev: only a number right after another number ("2 лимона" is two million, "лимон" a lemon).
 */
export type NumberSpec = [string, NumberKind, string, boolean?, boolean?];

export interface LexiconSource {
  lang: Language;
  numbers: NumberSpec[];
  /** Exact currency words (the Uzbek suffix stripper adds -ga, -lik …). */
  currencies: Partial<Record<Currency, string>>;
  expenseVerbs: string;
  incomeVerbs: string;
  /** Verbs whose direction depends on the object: Uzbek `oldim` (took: bought goods, or received money). */
  takeVerbs?: string;
  /** Verbs like "gave/paid/sent" that flip to income with "me" next to them ("paid me", "мне дал"). */
  toMeWords?: string;
  expenseNouns: string;
  incomeNouns: string;
  expenseCategories: Partial<Record<ExpenseCategory, string>>;
  incomeCategories: Partial<Record<IncomeCategory, string>>;
  /** Words whose category changes when the segment is a purchase (купил телефон → shopping, not the phone bill). */
  purchaseAlt?: Partial<Record<ExpenseCategory, string>>;
  /** Purchase verbs (subset of expense verbs) used by purchaseAlt. */
  purchaseVerbs?: string;
  /** Relative day words → days back (сегодня 0, вчера 1, позавчера 2). */
  dayWords: Record<string, number>;
  /** Weekday names → JS weekday (0 = Sunday). */
  weekdays: Record<string, number>;
  /** Units in "N дней назад": pattern → days per unit. */
  dateUnits: Record<string, number>;
  agoWords: string;
  /** Month names (any case form) → 1..12. */
  months: Record<string, number>;
  /** Words after a number that make it a quantity/time, not money (часов, kg, ta, %, …). */
  nonMoneyUnits: string;
  /** Function words: ignored for descriptions, counted for language detection. */
  stopwords: string;
  /** Separators between items besides punctuation (и, va, and). */
  conjunctions: string;
  /** Whose money (docs/phrases.md, "Whose money"): the words that name the household wallet. */
  household: HouseholdWords;
  /** Budgets and recurring rules (docs/phrases.md, "Budgets and recurring payments"): the words plan-words.ts reads. */
  plans: PlanWords;
}

/** Patterns (as above) read by household.ts, the one matcher of the household wallet. */
export interface HouseholdWords {
  /** The family itself, nouns and adjectives in any form: семья, семейный, oila, oilaviy, family. */
  family: string;
  /**
   * Of those, the adjectives: before a word naming a thing they name a kind of it, not the wallet ("семейный врач",
   * "oilaviy tarif", "family size pizza"); alone, before a wallet or money noun or a ':' they are the wallet.
   */
  adjectives: string;
  /** "Shared" adjectives, the wallet only beside a wallet noun or a расход/доход noun: общий бюджет, shared wallet. */
  shared: string;
  /** Wallet nouns dropped with a family word beside them: бюджет, hisob, wallet. */
  wallets: string;
  /** Words said with the wallet phrase and dropped with it: в, на, для, uchun, for, the, our. */
  glue: string;
  /** Beside a family word, it is company, not the wallet: с семьёй, oila bilan, with the family. */
  company: string;
  /** Beside a family word, it is someone else's family: семья брата, akamning oilasi, his family. */
  others: string;
  /** A question with the speaker alone as its subject stays personal: я, men, I. */
  self: string;
}

/**
 * Patterns (as above) read by plan-words.ts for the budget matcher (plans-budget.ts) and the recurring one
 * (recurring.ts). Russian words are also tried on Russian typed in Latin letters, and longer words with one typo.
 */
export interface PlanWords {
  /** A spending limit: лимит, бюджет, limit, byudjet, budget, cap. */
  limit: string;
  /** A cap said as one word (максимум, oshmasin, max) or after a negation (не больше, no more than). */
  cap: string;
  /** The comparatives a negation turns into a cap: больше, более, more, ortiq. */
  more: string;
  /** Negations: не, no, not. */
  not: string;
  /** Things with a limit that is not a budget: карта, кредит, card, karta, перевод, withdrawal. */
  notBudget: string;
  /** The whole spending, no category: общий, overall, total, umumiy. */
  overall: string;
  /** What is left: осталось, остаток, qoldi, left, remaining. */
  remainder: string;
  /** Question words: сколько, какой, qancha, qanday, how, what. */
  question: string;
  /** Food of both kinds (groceries and cafes): еда, ovqat, food. */
  food: string;
  /** Each: каждый, har, every, each. */
  every: string;
  /** Before a unit: "в месяц", "per month", "a week", "раз в неделю". */
  per: string;
  /** Before "a month", a span, not a repetition: "продукты на неделю", "groceries for a week". */
  span: string;
  /** The units: месяц, oy, month; неделя, hafta, week; день, kun, day. */
  month: string;
  week: string;
  day: string;
  /** Said alone, every month / week / day: ежемесячно, monthly, oyiga; еженедельно, weekly, haftasiga; daily. */
  monthly: string;
  weekly: string;
  daily: string;
  /** An adjective of a month or week beside a limit word ("oylik limit", "месячный лимит", "haftalik"). */
  monthAdj: string;
  weekAdj: string;
  /** After a day number: числа, го, sanada, kuni, th, st. */
  dayOfMonth: string;
  /** Beside a weekday, dropped with it: kuni, kunlari, по, on. */
  weekdayGlue: string;
  /** Words of the rule itself, dropped from the description: поставь, установи, set, make, qo'y, платить, to'lash. */
  command: string;
  /** Beside a limit word, the household's limit: семейный, oilaviy, family, household. */
  household: string;
  /** People who send money, as the subject ("мама присылает", "dadam yuboradi", "mom sends"): an income. */
  givers: string;
  /** Relatives in any form ("маме", "onamga", "to mom"): money to them with no other purpose is a gift. */
  relatives: string;
  /** Sending verbs in the present: присылает, переводит, yuboradi, tashlaydi, sends. */
  sends: string;
  /** Income said as a present verb or noun: получаю, приходит, tushadi, olaman, get, receive. */
  income: string;
}

export interface CategoryHit {
  key: CategoryKey;
  side: TransactionType;
  weight: number;
}

export interface VerbHit {
  type: TransactionType | 'take';
  hint?: CategoryKey;
  weight: number;
}
