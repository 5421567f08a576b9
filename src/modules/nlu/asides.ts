/**
 * Messages that name money but are not a record as they stand (docs/phrases.md): a conversion question, money to be
 * spent later, a saving intention. Read from the tokens the parser already has; pure, never throws.
 */
import type { Currency } from '../../common/money';
import { addDays, daysBackToWeekday, formatDate, weekdayOf, type LocalDate } from './dates';
import type { WordInfo } from './lexicon';
import type { Token } from './normalize';
import { SYMBOL_CURRENCY } from './numbers';

/** An amount the parser found: token span and the currency written next to it, if any. */
export interface AmountSpan {
  start: number;
  end: number;
  minor: bigint;
  currency?: Currency;
}

// ---------------------------------------------------------------------------------------------------------------
// Conversion questions
// ---------------------------------------------------------------------------------------------------------------

/** Words that make two currencies a question: "сколько", "necha", "how much", "convert", "в сумах", "to dollars". */
const CONVERSION_CUES = new Set([
  ...[
    'сколько',
    'скока',
    'почем',
    'почём',
    'это',
    'будет',
    'в',
    'во',
    'на',
    'перевести',
    'переведи',
    'конвертировать',
    'курс',
    'курсу',
  ],
  ...['necha', 'неча', 'qancha', 'канча', 'boladi', 'булади', 'kurs', 'kursi', 'курси', 'kursda', 'курсда'],
  ...['how', 'what', 'whats', 'convert', 'in', 'to', 'into', 'rate', 'is'],
]);
/** "курс доллара", "dollar kursi", "usd rate": the rate of one unit. */
const RATE_WORDS = new Set(['курс', 'курса', 'курсу', 'kurs', 'kursi', 'курси', 'rate', 'rates', 'exchange']);

function currencyAt(tokens: Token[], infos: Array<WordInfo | undefined>, i: number): Currency | undefined {
  const t = tokens[i];
  if (t.kind === 'sym') return SYMBOL_CURRENCY[t.f];
  if (t.kind === 'word') return infos[i]?.currency;
  return undefined;
}

/**
 * "50 dollar necha so'm bo'ladi", "200 евро в сумах сколько", "what's 300 dollars in sum", "курс доллара":
 * one amount (or none, for a rate question) in one currency and another currency named apart from any amount,
 * with a question or conversion word, and no spending or earning verb.
 */
export function readConversion(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  amounts: AmountSpan[],
  hasVerb: boolean,
): { amountMinor: bigint; from: Currency; to: Currency } | null {
  if (hasVerb || amounts.length > 1) return null;
  const amount = amounts[0];
  let cue = false;
  let rate = false;
  const apart: Currency[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'sep' && t.f === '?') cue = true;
    if (t.kind === 'word' && CONVERSION_CUES.has(t.f)) cue = true;
    if (t.kind === 'word' && RATE_WORDS.has(t.f)) rate = true;
    if (amount !== undefined && i >= amount.start && i < amount.end) continue;
    const c = currencyAt(tokens, infos, i);
    if (c !== undefined && !apart.includes(c)) apart.push(c);
  }
  if (!cue) return null;
  if (amount !== undefined && amount.currency !== undefined) {
    const to = apart.find((c) => c !== amount.currency);
    return to === undefined ? null : { amountMinor: amount.minor, from: amount.currency, to };
  }
  // "курс доллара", "1 dollar kursi": one unit (or the amount) of the named currency in sums
  if (rate && apart.length >= 1) {
    const from = apart.find((c) => c !== 'UZS') ?? apart[0];
    const to = apart.find((c) => c !== from) ?? (from === 'UZS' ? 'USD' : 'UZS');
    return { amountMinor: amount?.minor ?? 100n, from, to };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Money to be spent later
// ---------------------------------------------------------------------------------------------------------------

/** Days ahead: завтра, послезавтра, ertaga, indinga, tomorrow. */
const FUTURE_DAYS: Record<string, number> = {
  завтра: 1,
  завтрашн: 1,
  послезавтра: 2,
  ertaga: 1,
  ertangi: 1,
  эртага: 1,
  эртанги: 1,
  indinga: 2,
  индинга: 2,
  tomorrow: 1,
  tmrw: 1,
};
/** "на следующей неделе", "next week", "keyingi hafta" (→ next Monday); "next month" (→ the 1st). */
const NEXT_WORDS = new Set([
  'следующей',
  'следующую',
  'следующем',
  'следующий',
  'next',
  'keyingi',
  'кейинги',
  'келаси',
  'kelasi',
  'kelgusi',
  'келгуси',
]);
const WEEK_WORDS = new Set(['неделе', 'неделю', 'week', 'hafta', 'haftada', 'хафта', 'хафтада']);
const MONTH_WORDS = new Set(['месяце', 'месяц', 'month', 'oy', 'oyda', 'ой', 'ойда']);
/**
 * Verb forms and modals that put the spending ahead: Russian first-person perfective futures and "надо/нужно",
 * English will/going to/need to, Uzbek -aman/-ayman futures and "-ishim kerak".
 */
const FUTURE_WORDS = new Set([
  ...[
    'куплю',
    'купим',
    'заплачу',
    'заплатим',
    'оплачу',
    'оплатим',
    'отдам',
    'отдадим',
    'переведу',
    'потрачу',
    'скину',
    'отправлю',
  ],
  ...[
    'закину',
    'надо',
    'нужно',
    'придется',
    'придётся',
    'буду',
    'будем',
    'собираюсь',
    'планирую',
    'предстоит',
  ],
  ...['will', 'ill', 'gonna', 'going', 'need', 'needs', 'have', 'has', 'must', 'plan', 'planning', 'should'],
]);
/** Uzbek futures and intentions of paying, buying, giving: to'layman, beraman, olaman, sotib olmoqchiman. */
const UZ_FUTURE_RE =
  /^(tola|тула|ber|бер|ol|ол|sot|сот|yubor|юбор|otkaz|утказ|tashla|ташла|qaytar|кайтар|xarid|харид|sarfla|сарфла|ishlat|ишлат)\w*(aman|ayman|amiz|aymiz|moqchiman|moqchimiz|аман|айман|амиз|маман|мокчиман)$/;
/** "to'lashim kerak", "qaytarishim kerak", "olishim kerak": an obligation. */
const UZ_MUST_RE = /(shim|shimiz|шим|шимиз)$/;
const KERAK = new Set(['kerak', 'керак']);

/** Could this folded word say the phrase is about later? (A cheap look before readFuture reads the phrase.) */
export function isFutureWord(f: string): boolean {
  return (
    FUTURE_DAYS[f] !== undefined ||
    NEXT_WORDS.has(f) ||
    FUTURE_WORDS.has(f) ||
    UZ_FUTURE_RE.test(f) ||
    (UZ_MUST_RE.test(f) && f.length > 4)
  );
}

/**
 * What the phrase says about the future: null when nothing; else the day meant (null: none named) and the tokens
 * that said it (not part of a description).
 */
export function readFuture(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  today: LocalDate,
): { date: string | null; used: number[] } | null {
  let marker = false;
  const used: number[] = [];
  let day: LocalDate | null = null;
  let weekday: number | undefined;
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    const f = t.f;
    const ahead = FUTURE_DAYS[f];
    if (ahead !== undefined) {
      marker = true;
      used.push(i);
      day ??= addDays(today, ahead);
      continue;
    }
    if (NEXT_WORDS.has(f) && i + 1 < n) {
      const next = tokens[i + 1].f;
      if (WEEK_WORDS.has(next)) {
        marker = true;
        used.push(i, i + 1);
        day ??= addDays(today, 8 - isoWeekday(today)); // next Monday
        continue;
      }
      if (MONTH_WORDS.has(next)) {
        marker = true;
        used.push(i, i + 1);
        day ??= today.m === 12 ? { y: today.y + 1, m: 1, d: 1 } : { y: today.y, m: today.m + 1, d: 1 };
        continue;
      }
    }
    if (FUTURE_WORDS.has(f)) {
      // "have/has/need" only as modals: "have to pay", "need to buy"; "going to"
      if (
        (f === 'have' ||
          f === 'has' ||
          f === 'need' ||
          f === 'needs' ||
          f === 'going' ||
          f === 'plan' ||
          f === 'planning') &&
        tokens[i + 1]?.f !== 'to'
      ) {
        continue;
      }
      // "надо было", "нужно было": the past
      if ((f === 'надо' || f === 'нужно') && tokens[i + 1]?.f === 'было') continue;
      marker = true;
      used.push(i);
      if (tokens[i + 1]?.f === 'to' || tokens[i + 1]?.f === 'будет') used.push(i + 1);
      continue;
    }
    if (UZ_FUTURE_RE.test(f) || (UZ_MUST_RE.test(f) && i + 1 < n && KERAK.has(tokens[i + 1].f))) {
      marker = true;
      continue;
    }
    const wd = infos[i]?.weekday;
    if (wd !== undefined && weekday === undefined) {
      weekday = wd;
      used.push(i);
    }
  }
  if (!marker) return null;
  if (day === null && weekday !== undefined) {
    const back = daysBackToWeekday(today, weekday);
    day = addDays(today, back === 0 ? 7 : 7 - back);
  }
  return { date: day === null ? null : formatDate(day), used };
}

/** 1 = Monday … 7 = Sunday. */
function isoWeekday(d: LocalDate): number {
  return weekdayOf(d) || 7;
}
