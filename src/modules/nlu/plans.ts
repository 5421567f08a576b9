/**
 * Phrases about savings goals and debts, in Russian, Uzbek (Latin or Cyrillic) and English. Separate from
 * parsePhrase (whose docs/interface.md §6 intents are a closed list): the bot tries these first and falls back to the
 * transaction reading. Pure and total like the rest of nlu/: never throws, money is bigint minor units.
 *
 *   parseGoal: "цель: телефон 3 млн к 1 марта", "maqsad: mashina 100 million so'm", "goal: laptop 1200 dollars by
 *              June 1" (create); "отложил 500 тысяч на телефон", "telefonga 500 ming ajratdim", "saved 100 dollars
 *              for laptop" (contribute).
 *   parseDebt: "дал в долг Алишеру 200 долларов до 1 июня", "взял в долг у брата 5 млн", "Alisherga 200 dollar qarz
 *              berdim", "akamdan 5 million qarz oldim", "lent Alisher 200 dollars until June 1", "borrowed 5 million
 *              from my brother" (create); "Алишер вернул 50 долларов", "Alisher 50 dollar qaytardi", "Alisher paid
 *              back 50 dollars" (repayment).
 */
import { MAX_AMOUNT_MINOR, type Currency } from '../../common/money';
import { addDays, DEFAULT_TIME_ZONE, formatDate, localToday, type LocalDate } from './dates';
import { analyze, type WordInfo } from './lexicon';
import type { Language } from './nlu.types';
import { fold, tokenize, type Token } from './normalize';
import { MICRO, readAmountAt } from './numbers';

export interface PlanParseOptions {
  /** Currency of an amount the phrase names none for (goal and debt creation). */
  defaultCurrency: Currency;
  /** The moment "today" is relative to (due dates and deadlines are the next such day). */
  now: Date;
  /** IANA zone; default Asia/Tashkent. */
  timeZone?: string;
}

export type GoalPhrase =
  | {
      kind: 'goal_create';
      language: Language;
      title: string;
      /** null: the phrase names a goal but no amount. */
      amountMinor: bigint | null;
      currency: Currency;
      /** YYYY-MM-DD or null. */
      deadline: string | null;
    }
  | {
      kind: 'goal_contribute';
      language: Language;
      /** Words naming the goal ("телефон"); empty when the phrase names none. */
      target: string;
      amountMinor: bigint;
      /** null: no currency word (the goal's own currency applies). */
      currency: Currency | null;
      /** A saving verb ("отложил", "saved") or the word "goal": surely about a goal, even when none matches. */
      explicit: boolean;
    };

export type DebtDirection = 'lent' | 'borrowed';

export type DebtPhrase =
  | {
      kind: 'debt_create';
      language: Language;
      direction: DebtDirection;
      counterparty: string;
      /** null: the phrase names a debt but no amount. */
      amountMinor: bigint | null;
      currency: Currency;
      dueDate: string | null;
    }
  | {
      kind: 'debt_repay';
      language: Language;
      counterparty: string;
      amountMinor: bigint;
      currency: Currency | null;
      /** Who paid back: they paid me back (a debt I lent) or I paid them back (one I borrowed); undefined: unclear. */
      direction?: DebtDirection;
    };

// ---------------------------------------------------------------------------------------------------------------
// Shared reading: tokens, amount, future date, the words that are left
// ---------------------------------------------------------------------------------------------------------------

interface Reading {
  tokens: Token[];
  infos: Array<WordInfo | undefined>;
  used: Uint8Array;
  language: Language;
  today: LocalDate;
}

interface Money {
  start: number;
  end: number;
  minor: bigint;
  currency: Currency | null;
}

/** Words that mark a date as a limit: "к 1 марта", "до 1 июня", "by June 1", "until", "gacha". */
const DATE_PREPS = new Set([
  'к',
  'ко',
  'до',
  'by',
  'until',
  'till',
  'before',
  'due',
  'on',
  'срок',
  'deadline',
]);
/** Seasons as deadlines ("к лету", "by summer", "yozgacha") → the month they start. */
const SEASONS: Record<string, number> = {
  ...{ лету: 6, лета: 6, зиме: 12, зимы: 12, осени: 9, весне: 3, весны: 3 },
  ...{ summer: 6, winter: 12, autumn: 9, fall: 9, spring: 3 },
  ...{
    yozgacha: 6,
    qishgacha: 12,
    kuzgacha: 9,
    bahorgacha: 3,
    ёзгача: 6,
    кишгача: 12,
    кузгача: 9,
    бахоргача: 3,
  },
};
/** Uzbek-only words (Latin and Cyrillic, folded) that settle the language. */
const UZ_WORDS =
  /^(maqsad|максад|qarz|карз|berdim|бердим|oldim|олдим|qaytar|кайтар|ajratdim|ажратдим|yigdim|йигдим|jamgar|жамгар|qoshdim|кушдим|uchun|учун|ming|минг)/;

function read(text: string, options: PlanParseOptions): Reading {
  const tokens = tokenize(typeof text === 'string' ? text : '');
  const infos = tokens.map((t) => (t.kind === 'word' ? analyze(t.f) : undefined));
  let uz = false;
  let cyr = false;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    if (t.uzCyr || (t.apos && !t.cyr)) uz = true;
    if (t.cyr) cyr = true;
  }
  if (!uz) uz = tokens.some((t) => t.kind === 'word' && UZ_WORDS.test(t.f));
  const language: Language = uz ? 'uz' : cyr ? 'ru' : 'en';
  return {
    tokens,
    infos,
    used: new Uint8Array(tokens.length),
    language,
    today: localToday(options.now, options.timeZone ?? DEFAULT_TIME_ZONE),
  };
}

function dayNumber(t: Token | undefined): number | null {
  if (t?.kind !== 'num' || t.micro === undefined || t.micro % MICRO !== 0n) return null;
  const d = Number(t.micro / MICRO);
  return d >= 1 && d <= 31 ? d : null;
}

function isRealDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The next date with this day and month, today included (this year or next). */
export function nextDayMonth(today: LocalDate, day: number, month: number): LocalDate | null {
  for (const y of [today.y, today.y + 1, today.y + 2, today.y + 3, today.y + 4]) {
    if (!isRealDate(y, month, day)) continue; // 29 февраля
    if (y > today.y || month > today.m || (month === today.m && day >= today.d))
      return { y, m: month, d: day };
  }
  return null;
}

/**
 * A date in the phrase ("1 марта", "June 1", "1-iyungacha", "2026-03-01", "завтра", "через 3 дня" is not read),
 * marked used together with a limit word before it. The day-month forms mean the next such day.
 */
function findDate(r: Reading): string | null {
  const { tokens, infos, used, today } = r;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    let start = -1;
    let end = -1;
    let date: LocalDate | null = null;
    const t = tokens[i];
    // 2026-03-01
    if (
      t.kind === 'num' &&
      /^\d{4}$/.test(t.raw) &&
      i + 2 < n &&
      /^\d{1,2}$/.test(tokens[i + 1].raw) &&
      /^\d{1,2}$/.test(tokens[i + 2].raw)
    ) {
      const [y, m, d] = [Number(t.raw), Number(tokens[i + 1].raw), Number(tokens[i + 2].raw)];
      if (y >= 2000 && y <= 2100 && isRealDate(y, m, d)) [date, start, end] = [{ y, m, d }, i, i + 3];
    }
    // 1 марта / 1-iyungacha
    const day = dayNumber(t);
    const nextMonth = i + 1 < n && tokens[i + 1].kind === 'word' ? infos[i + 1]?.month : undefined;
    if (!date && day !== null && nextMonth !== undefined && infos[i + 1]?.currency === undefined) {
      [date, start, end] = [nextDayMonth(today, day, nextMonth), i, i + 2];
    }
    // June 1 / iyun 1
    const month = t.kind === 'word' ? infos[i]?.month : undefined;
    if (
      !date &&
      month !== undefined &&
      infos[i]?.currency === undefined &&
      dayNumber(tokens[i + 1]) !== null
    ) {
      [date, start, end] = [nextDayMonth(today, dayNumber(tokens[i + 1])!, month), i, i + 2];
    }
    if (!date) continue;
    // an optional year after it: "1 марта 2027"
    if (end < n && tokens[end].kind === 'num' && /^\d{4}$/.test(tokens[end].raw)) {
      const y = Number(tokens[end].raw);
      if (y >= today.y && y <= 2100 && isRealDate(y, date.m, date.d)) {
        date = { y, m: date.m, d: date.d };
        end++;
      }
    }
    // "gacha" written apart, "года"/"yil" after the year
    while (end < n && tokens[end].kind === 'word' && /^(gacha|гача|года|г|yil|yilgacha)$/.test(tokens[end].f))
      end++;
    if (start > 0 && tokens[start - 1].kind === 'word' && DATE_PREPS.has(tokens[start - 1].f)) start--;
    used.fill(1, start, end);
    return formatDate(date);
  }
  // к лету / by summer / yozgacha: the first day of the next such season
  for (let i = 0; i < n; i++) {
    const month = SEASONS[tokens[i].f];
    if (month === undefined) continue;
    used[i] = 1;
    if (i > 0 && DATE_PREPS.has(tokens[i - 1].f)) used[i - 1] = 1;
    return formatDate(nextDayMonth(today, 1, month) ?? today);
  }
  // завтра / ertaga / tomorrow
  for (let i = 0; i < n; i++) {
    const f = tokens[i].f;
    if (
      f === 'завтра' ||
      f === 'ertaga' ||
      f === 'эртага' ||
      f === 'tomorrow' ||
      f === 'ertagacha' ||
      f === 'эртагача'
    ) {
      used[i] = 1;
      if (i > 0 && DATE_PREPS.has(tokens[i - 1].f)) used[i - 1] = 1;
      return formatDate(addDays(today, 1));
    }
  }
  return null;
}

/** The first amount (digits or number words, with a currency word or sign next to it) among the unused tokens. */
function findMoney(r: Reading): Money | null {
  for (let i = 0; i < r.tokens.length; i++) {
    const m = readAmountAt(r.tokens, r.infos, r.used, i);
    if (m === null) continue;
    // a lone number word ("bir", "one") without digits, scale or currency is not an amount
    if (!m.currency && !m.digits && !m.scaled) continue;
    // digits glued to a word name a thing ("ps5", "iphone15"), unless a currency or scale says money
    if (!m.currency && !m.scaled && r.tokens[m.start].attached && r.tokens[m.start - 1]?.kind === 'word')
      continue;
    const minor = (m.micro * 100n) / MICRO;
    if (minor <= 0n || minor > MAX_AMOUNT_MINOR) continue;
    r.used.fill(1, m.start, m.end);
    return { start: m.start, end: m.end, minor, currency: m.currency ?? null };
  }
  return null;
}

const UZ_SUFFIXES = [
  'lardan',
  'larga',
  'larni',
  'gacha',
  'ning',
  'dan',
  'ga',
  'ka',
  'qa',
  'ni',
  'da',
  'дан',
  'га',
  'ни',
  'нинг',
];

/** A name as people write it in a sentence → its dictionary form, roughly: Alisherga → Alisher, брата → брат. */
function baseForm(word: string, language: Language, after: string | undefined): string {
  if (language === 'uz') {
    for (const s of UZ_SUFFIXES)
      if (word.length - s.length >= 3 && word.endsWith(s)) return word.slice(0, -s.length);
    return word;
  }
  if (language === 'ru') {
    const consonantThen = (end: string) =>
      word.length >= 4 && word.endsWith(end) && !/[аеёиоуыэюяйь]/.test(word[word.length - 2]);
    if (after === 'у' || after === 'от') {
      if (consonantThen('а')) return word.slice(0, -1); // у брата → брат, у Алишера → Алишер
      if (consonantThen('ы')) return `${word.slice(0, -1)}а`; // у мамы → мама
      return word;
    }
    if (consonantThen('у')) return word.slice(0, -1); // Алишеру → Алишер, брату → брат
    if (word.length >= 4 && word.endsWith('ю') && /[аеиоу]/.test(word[word.length - 2]))
      return `${word.slice(0, -1)}й`; // Андрею → Андрей
  }
  return word;
}

function capitalize(text: string): string {
  return text ? text[0].toLocaleUpperCase() + text.slice(1) : text;
}

/** The unused word tokens (surface text), skipping `skip` (folded words). */
function leftoverWords(
  r: Reading,
  skip: (f: string, i: number) => boolean,
): Array<{ i: number; raw: string }> {
  const out: Array<{ i: number; raw: string }> = [];
  r.tokens.forEach((t, i) => {
    if (r.used[i] || t.kind !== 'word') return;
    if (skip(t.f, i)) return;
    out.push({ i, raw: t.raw });
  });
  return out;
}

/** Up to 100 characters of a title or name. */
function clip(text: string): string {
  return text.length > 100 ? text.slice(0, 100).trim() : text;
}

// ---------------------------------------------------------------------------------------------------------------
// Goals
// ---------------------------------------------------------------------------------------------------------------

const GOAL_WORD = /^(цел[ьияеюй]|целью|целям|целях|maqsad|максад|goal|goals|jamgarma|жамгарма)/;
/** "накопить на машину 100 млн", "хочу накопить": creating; "накопил" (past) is a contribution. */
const SAVE_UP =
  /^(накопить|копить|коплю|копим|накоплю|откладывать|откладываю|откладываем|save|saving|(yig|йиг|jamgar|жамгар)(moqchi|yapman|ayapman|aman|amiz|ish|мокчи|япман|аяпман|аман|амиз|иш)\p{L}*)$/u;
/** "put aside", "set aside" said as a plan ("gonna put aside", "want to set aside"): a new goal, not a deposit. */
const INTENTION = new Set([
  'хочу',
  'буду',
  'будем',
  'собираюсь',
  'планирую',
  'want',
  'wanna',
  'gonna',
  'going',
  'will',
  'plan',
  'planning',
]);
/** "по 2 млн в месяц", "500k every month", "har oy 1 million": a monthly saving, not the goal's target. */
const MONTHLY = /^(ежемесячно|monthly|oyiga|ойига|ойлик)$/;
const MONTH_NOUN = /^(месяц|month|oy|ой)$/;
const EVERY = /^(в|каждый|every|per|a|har|хар)$/;
const CONTRIBUTE_STRONG =
  /^(отлож|накопил|saved|ajratdim|ажратдим|yigdim|йигдим|jamgardim|жамгардим|jamgʻardim|внес|внесла)/;
// "закинул на телефон", "пополнил карту" are payments unless a goal of that name exists
const CONTRIBUTE_WEAK =
  /^(добав|put|add|added|deposited|contributed|qoshdim|кушдим|qoydim|куйдим|set|закинул|закинула|пополнил|пополнила)$|^добав/;
const GOAL_NOISE = new Set([
  ...[
    'на',
    'к',
    'ко',
    'в',
    'для',
    'до',
    'новая',
    'новую',
    'моя',
    'мою',
    'мой',
    'хочу',
    'создай',
    'создать',
    'поставь',
    'я',
    'еще',
    'ещё',
    'сум',
    'рублей',
  ],
  ...['yangi', 'uchun', 'men', 'учун', 'янги', 'мен', 'yana'],
  ...[
    'a',
    'an',
    'the',
    'my',
    'new',
    'for',
    'to',
    'towards',
    'toward',
    'i',
    'aside',
    'up',
    'into',
    'want',
    'set',
    'create',
    'more',
  ],
  ...['need', 'нужно', 'надо', 'pul', 'пул', 'kerak', 'керак', 'деньги', 'денег', 'money'],
]);

/**
 * A goal phrase: creation ("цель: …", "maqsad: …", "goal: …", "накопить на …") or a contribution ("отложил 500
 * тысяч на телефон"). Null for anything else (the caller then reads the text as a transaction).
 */
export function parseGoal(text: string, options: PlanParseOptions): GoalPhrase | null {
  try {
    const r = read(text, options);
    const { tokens } = r;
    const words = tokens.map((t) => (t.kind === 'word' ? t.f : ''));
    const goalAt = words.findIndex((f) => GOAL_WORD.test(f));
    const planned = words.some((f) => INTENTION.has(f));
    const saveUpAt = words.findIndex(
      (f, i) => SAVE_UP.test(f) || (planned && (f === 'put' || f === 'set') && words[i + 1] === 'aside'),
    );
    const strongAt = words.findIndex((f) => CONTRIBUTE_STRONG.test(f));
    const weakAt = words.findIndex((f) => CONTRIBUTE_WEAK.test(f));
    const verbAt = strongAt >= 0 ? strongAt : weakAt;
    if (goalAt < 0 && saveUpAt < 0 && verbAt < 0) return null;

    // contribution: a contributing verb, and not a "new goal" phrase
    if (verbAt >= 0 && (goalAt < 0 || goalAt > verbAt || strongAt >= 0) && saveUpAt < 0) {
      r.used[verbAt] = 1;
      if (words[verbAt + 1] === 'aside' || words[verbAt + 1] === 'away' || words[verbAt + 1] === 'up')
        r.used[verbAt + 1] = 1;
      const money = findMoney(r);
      if (!money) return null;
      const target = leftoverWords(
        r,
        (f) => GOAL_NOISE.has(f) || GOAL_WORD.test(f) || /^(копилк|бюджет)/.test(f),
      )
        .map((w) => baseForm(w.raw, r.language, undefined))
        .join(' ');
      // "добавь 50000" with no goal named and no goal word: not ours (a transaction, most likely)
      if (strongAt < 0 && goalAt < 0 && !target) return null;
      return {
        kind: 'goal_contribute',
        language: r.language,
        target: clip(target),
        amountMinor: money.minor,
        currency: money.currency,
        explicit: strongAt >= 0 || goalAt >= 0,
      };
    }

    // creation
    const deadline = findDate(r);
    let monthly = false;
    words.forEach((f, i) => {
      const every = MONTH_NOUN.test(f) && i > 0 && EVERY.test(words[i - 1]);
      if (!every && !MONTHLY.test(f)) return;
      monthly = true;
      r.used[i] = 1;
      if (every) r.used[i - 1] = 1;
    });
    words.forEach((f, i) => {
      if (INTENTION.has(f) || f === 'aside' || f === 'по' || f === 'up') r.used[i] = 1;
    });
    const found = findMoney(r);
    // a monthly amount is how fast, not how much: the target stays to be asked
    const money = monthly ? null : found;
    if (goalAt >= 0) r.used[goalAt] = 1;
    if (saveUpAt >= 0) r.used[saveUpAt] = 1;
    const title = leftoverWords(r, (f) => GOAL_NOISE.has(f) || SAVE_UP.test(f) || f === 'save')
      .map((w) => {
        let word = w.raw;
        if (r.language === 'ru' && w.i > 0 && tokens[w.i - 1].f === 'на' && /[^аеёиоуыэюяйь]у$/.test(word))
          word = `${word.slice(0, -1)}а`;
        else if (r.language === 'uz') word = baseForm(word, 'uz', undefined); // noutbukka → noutbuk
        const glued = tokens[w.i + 1];
        return glued?.kind === 'num' && glued.attached && !r.used[w.i + 1] ? word + glued.raw : word; // ps5
      })
      .join(' ');
    // "ҳар ой 1 миллион жамғармоқчиман": a saving plan with neither a name nor a target is still a goal to set up
    if (!title && !money && !(saveUpAt >= 0 && found)) return null;
    return {
      kind: 'goal_create',
      language: r.language,
      title: clip(capitalize(title)),
      amountMinor: money?.minor ?? null,
      currency: money?.currency ?? options.defaultCurrency,
      deadline,
    };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Debts
// ---------------------------------------------------------------------------------------------------------------

const DEBT_WORD = /^(долг|qarz|карз)/;
const RU_GIVE = /^(дал|дала|дали|одолжил|одолжила|занял|заняла|взял|взяла|взяли)$/;
const LEND_EN = /^(lent|loaned)$/;
const BORROW_EN = /^(borrowed)$/;
const UZ_GIVE = /^(berdim|бердим|berdik|бердик)$/;
const UZ_TAKE = /^(oldim|олдим|oldik|олдик)$/;
/** Paid back: "вернул(а)", "погасил", "qaytardi(m)", "returned", "repaid", "paid back", "gave back". */
const REPAY =
  /^(вернул|вернула|вернули|отдал|отдала|погасил|погасила|qaytardi|qaytardim|кайтарди|кайтардим|returned|repaid|paid|gave)$/;
const DEBT_NOISE = new Set([
  ...[
    'в',
    'у',
    'от',
    'до',
    'мне',
    'я',
    'мой',
    'моему',
    'моей',
    'моя',
    'своему',
    'своей',
    'долг',
    'долга',
    'долги',
    'в долг',
    'на',
    'сум',
  ],
  ...['men', 'мен', 'menga', 'менга', 'mening', 'qarzga', 'карзга', 'qarz', 'карз', 'qarzimni', 'qarzini'],
  ...[
    'i',
    'my',
    'me',
    'to',
    'from',
    'the',
    'a',
    'an',
    'back',
    'debt',
    'loan',
    'of',
    'his',
    'her',
    'their',
    'as',
  ],
]);

function counterpartyOf(r: Reading, from: number): string {
  const words = leftoverWords(r, (f) => DEBT_NOISE.has(f) || DEBT_WORD.test(f));
  return clip(
    capitalize(
      words
        .map((w) => baseForm(w.raw, r.language, w.i > 0 ? r.tokens[w.i - 1].f : undefined))
        .filter((w, k) => k < 3 || from < 0)
        .join(' '),
    ),
  );
}

/**
 * A debt phrase: a new debt ("дал в долг …", "qarz berdim", "lent …", "borrowed …") or a repayment ("Алишер вернул
 * 50 долларов"). Null for anything else. A repayment without a name (or an amount) is not read here: "мне вернули
 * долг 100 000" stays a transaction.
 */
export function parseDebt(text: string, options: PlanParseOptions): DebtPhrase | null {
  try {
    const r = read(text, options);
    const { tokens } = r;
    const words = tokens.map((t) => (t.kind === 'word' ? t.f : ''));
    const has = (re: RegExp) => words.findIndex((f) => re.test(f));
    const debtAt = has(DEBT_WORD);

    let direction: DebtDirection | undefined;
    let verbAt = -1;
    const ruGive = has(RU_GIVE);
    const lend = has(LEND_EN);
    const borrow = has(BORROW_EN);
    const uzGive = has(UZ_GIVE);
    const uzTake = has(UZ_TAKE);
    if (lend >= 0) [direction, verbAt] = ['lent', lend];
    else if (borrow >= 0) [direction, verbAt] = ['borrowed', borrow];
    else if (debtAt >= 0 && uzGive >= 0) [direction, verbAt] = ['lent', uzGive];
    else if (debtAt >= 0 && uzTake >= 0) [direction, verbAt] = ['borrowed', uzTake];
    else if (ruGive >= 0 && (debtAt >= 0 || /^(одолжил|одолжила|занял|заняла)$/.test(words[ruGive]))) {
      const f = words[ruGive];
      const fromSomeone = words.includes('у');
      if (
        /^(взял|взяла|взяли)$/.test(f) ||
        fromSomeone ||
        (/^(занял|заняла)$/.test(f) && !words.some((w, i) => i > ruGive && /у$/.test(w) && w.length > 3))
      ) {
        direction = 'borrowed';
      } else direction = 'lent';
      verbAt = ruGive;
    }

    if (direction && verbAt >= 0) {
      r.used[verbAt] = 1;
      if (debtAt >= 0) r.used[debtAt] = 1;
      const dueDate = findDate(r);
      const money = findMoney(r);
      const counterparty = counterpartyOf(r, verbAt);
      if (!counterparty) return null;
      return {
        kind: 'debt_create',
        language: r.language,
        direction,
        counterparty,
        amountMinor: money?.minor ?? null,
        currency: money?.currency ?? options.defaultCurrency,
        dueDate,
      };
    }

    // repayment: a name, a paying-back verb, an amount
    const repayAt = has(REPAY);
    if (repayAt < 0) return null;
    const f = words[repayAt];
    if ((f === 'paid' || f === 'gave') && words[repayAt + 1] !== 'back') return null;
    if ((f === 'отдал' || f === 'отдала') && debtAt < 0) return null;
    r.used[repayAt] = 1;
    if (words[repayAt + 1] === 'back') r.used[repayAt + 1] = 1;
    if (debtAt >= 0) r.used[debtAt] = 1;
    const money = findMoney(r);
    if (!money) return null;
    const counterparty = counterpartyOf(r, repayAt);
    if (!counterparty) return null;
    // someone else as the subject ("Алишер вернул", "Alisher qaytardi") paid me back; "я вернул", "qaytardim", "I paid back" — I did
    const firstPerson =
      words.slice(0, repayAt).some((w) => w === 'я' || w === 'i' || w === 'men' || w === 'мен') ||
      /im$|им$/.test(f);
    const nameBefore = tokens
      .slice(0, repayAt)
      .some((t, i) => t.kind === 'word' && !r.used[i] && !DEBT_NOISE.has(t.f));
    let repayDirection: DebtDirection | undefined;
    if (firstPerson) repayDirection = 'borrowed';
    else if (nameBefore) repayDirection = 'lent';
    else if (r.language === 'ru' && /^(вернул|вернула|отдал|отдала|погасил|погасила)$/.test(f))
      repayDirection = 'borrowed'; // "вернул Алишеру"
    return {
      kind: 'debt_repay',
      language: r.language,
      counterparty,
      amountMinor: money.minor,
      currency: money.currency,
      ...(repayDirection ? { direction: repayDirection } : {}),
    };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Matching a spoken name against stored ones
// ---------------------------------------------------------------------------------------------------------------

function nameWords(text: string): string[] {
  return fold(text.toLowerCase())
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Two word forms of one word: "телефону"/"телефон", "Alisherga"/"Alisher", "машину"/"машина". */
export function sameStem(a: string, b: string): boolean {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const shorter = Math.min(a.length, b.length);
  return a === b || (n >= 3 && n >= shorter - 2);
}

/** Does the spoken `query` ("телефону", "akamdan") name `stored` ("Телефон", "akam")? Every query word must. */
export function namesMatch(query: string, stored: string): boolean {
  const q = nameWords(query);
  const s = nameWords(stored);
  if (!q.length || !s.length) return false;
  return q.every((w) => s.some((x) => sameStem(w, x)));
}
