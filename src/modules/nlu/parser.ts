/**
 * The phrase parser: one natural phrase (Russian, Uzbek Latin/Cyrillic, English; typed or from speech recognition)
 * → intent and transactions. Pure and total: never throws, money is bigint minor units end to end.
 *
 * Pipeline: tokenize → analyse words against the lexicons → detect language → find dates → find amounts
 * (digits, number words, currencies, with quantities/times/percentages excluded) → command intents → split the
 * phrase into one segment per amount → type, category, description and date per segment.
 */
import { MAX_AMOUNT_MINOR, toDecimalString, type Currency } from '../../common/money';
import {
  addDays,
  daysBackToWeekday,
  DEFAULT_TIME_ZONE,
  formatDate,
  localToday,
  mostRecentDayMonth,
  type LocalDate,
} from './dates';
import { isFutureWord, readConversion, readFuture } from './asides';
import { cardNotificationResult, readCardNotification } from './card-notification';
import { asksHousehold, householdMentions, recordWallet } from './household';
import { detectCommandIntent, isSmalltalk } from './intents';
import { parseGoal } from './plans';
import { readBudget } from './plans-budget';
import { readRecurring } from './recurring';
import { readStatsQuery } from './stats-query';
import { analyze, analyzeUnit, DAY_PHRASES, LANG_BIT, stripUzSuffix, type WordInfo } from './lexicon';
import type { CategoryHit } from './lexicon.types';
import {
  EXPENSE_CATEGORIES,
  INCOME_CATEGORIES,
  type CategoryKey,
  type Language,
  type ParsedItem,
  type ParseOptions,
  type ParseResult,
  type ParseResultJson,
  type Intent,
  type JsonIntent,
  type TransactionType,
  type Aside,
} from './nlu.types';
import { tokenize, type Token } from './normalize';
import { MICRO, readAmountAt, readNumber, SYMBOL_CURRENCY } from './numbers';

interface Candidate {
  start: number;
  end: number;
  minor: bigint;
  currency?: Currency;
  words: boolean;
  digits: boolean;
  scaled: boolean;
  plus: boolean;
  /** A unit price times the count said before it ("2 ta non 4 mingdan"): surely money. */
  priced?: boolean;
}

interface DateCue {
  pos: number;
  date: LocalDate;
}

/** Words before a weekday meaning "last": в прошлый понедельник, last monday, o'tgan dushanba. */
const LAST_WORDS = new Set([
  'прошлый',
  'прошлую',
  'прошлое',
  'прошлой',
  'last',
  'otgan',
  'утган',
  'previous',
]);
/** English auxiliaries that turn "paid" into money received: got paid, was paid. */
const PASSIVE_AUX = new Set([
  'got',
  'get',
  'gets',
  'getting',
  'was',
  'were',
  'been',
  'be',
  'am',
  'is',
  'are',
]);
/** Giving verbs that mean income when "me" is next to them: мне дал, paid me, menga berdi. */
const FLIP_TO_ME = new Set([
  'дал',
  'дала',
  'отдал',
  'отдала',
  'перевел',
  'перевела',
  'скинул',
  'скинула',
  'заплатил',
  'заплатила',
  'заплатили',
  'gave',
  'paid',
  'sent',
  'transferred',
  'give',
]);
/** People who give money: "мама дала", "папа подарил", "boss paid" (nominative; "маме дал" stays an expense). */
const GIVERS = new Set([
  'мама',
  'папа',
  'отец',
  'мать',
  'брат',
  'сестра',
  'друг',
  'подруга',
  'жена',
  'муж',
  'сын',
  'дочь',
  'дочка',
  'бабушка',
  'дедушка',
  'тетя',
  'дядя',
  'начальник',
  'босс',
  'шеф',
  'клиент',
  'заказчик',
  'работодатель',
  'компания',
  'родители',
  'mom',
  'mum',
  'dad',
  'father',
  'mother',
  'brother',
  'sister',
  'friend',
  'boss',
  'client',
  'customer',
  'parents',
  'wife',
  'husband',
  'company',
  'employer',
]);
const GIVE_VERBS = new Set([
  ...FLIP_TO_ME,
  'подарил',
  'подарила',
  'прислал',
  'прислала',
  'скинул',
  'скинула',
]);
/**
 * A text written to the user and forwarded ("Hey John, I sent you 150 dollars", "отправила тебе 500 тысяч",
 * "senga 300 ming tashladim"): a sending verb with "you" as the receiver is money the user received.
 */
const TO_YOU = new Set(['тебе', 'вам', 'тебя', 'you', 'ya', 'senga', 'sizga', 'сенга', 'сизга']);
const SEND_VERBS = new Set([
  ...GIVE_VERBS_LIST(),
  ...['отправил', 'отправила', 'отправили', 'закинул', 'закинула', 'кинул', 'кинула'],
  ...['sent', 'transferred', 'wired', 'gave', 'paid'],
  ...[
    'tashladim',
    'tashladik',
    'ташладим',
    'otkazdim',
    'otkazdik',
    'утказдим',
    'yubordim',
    'yubordik',
    'юбордим',
    'berdim',
    'berdik',
    'бердим',
  ],
]);
function GIVE_VERBS_LIST(): string[] {
  return [
    'дал',
    'дала',
    'отдал',
    'отдала',
    'перевел',
    'перевела',
    'скинул',
    'скинула',
    'прислал',
    'прислала',
  ];
}
/** Russian "they paid" said of money coming in: "за заказ заплатили 300 долларов" (a freelance income). */
const IMPERSONAL_PAID = new Set(['заплатили', 'оплатили']);
/**
 * Uzbek words for people, as the stem of a dative ("singlimga" = to my sister): buying something for someone with
 * "oldim" is spending, not receiving ("singlimga sovg'a oldim").
 */
const UZ_PERSON_STEM =
  /^(ota|dad|ona|oyi|aka|uka|opa|singl|singil|xola|amaki|toga|buvi|bobo|dost|ogl|ogil|qiz|xotin|kelin|kuyov|ustoz|qoshni|hamkasb|ота|дад|она|ойи|ака|ука|опа|сингл|сингил|хола|амаки|тога|буви|бобо|дуст|угл|угил|киз|хотин|келин|куёв|устоз|кушни)/;
const UZ_DATIVE_RE = /(im|m|miz|ingiz|imiz|им|м|миз|ингиз)?(ga|ka|qa|га|ка|кa)$/;

function isPersonDative(word: string): boolean {
  const m = UZ_DATIVE_RE.exec(word);
  return (
    m !== null &&
    word.length - m[0].length >= 2 &&
    UZ_PERSON_STEM.test(word.slice(0, word.length - m[0].length))
  );
}

/** Family members (folded stems; English exact): money to or from family with no other purpose is a gift. */
const FAMILY_RE =
  /^(мам|пап|отец|отц|мать|матер|бабушк|бабул|дедушк|брат|сестр|сын|сынок|доч|тетя|тете|тетю|тетей|дядя|дяде|дядю|родител|жена|жене|жену|женой|муж|мужа|мужу|мужем|внук|внучк|dad|ota|ona|oyi|aka|uka|opa|singl|singil|xola|amaki|toga|buvi|bobo|ogl|ogil|kelin|kuyov|nevara|дад|ота|она|ойи|ака|ука|опа|сингл|сингил|хола|амаки|тога|буви|бобо|угл|угил|келин|куёв|невара|(mom|mum|moms|mother|dad|dads|father|parents|brother|bro|sister|sis|grandma|grandmother|granny|grandpa|grandfather|wife|husband|son|daughter|aunt|uncle|cousin)$)/;

/** First-person subjects that make an ambiguous gift verb our own spending. */
const WE_OR_I = new Set(['мы', 'я']);
/** "взял в долг", "занял" — borrowed money comes in. */
const BORROW_VERBS = new Set(['взял', 'взяла', 'взяли', 'занял', 'заняла', 'borrowed']);
const EXPENSE_SET = new Set<string>(EXPENSE_CATEGORIES);
const INCOME_SET = new Set<string>(INCOME_CATEGORIES);
/** Words of saving intentions and goals: коплю, накопить, откладывать, yig'moqchiman, jamg'aryapman, saving, goal. */
const SAVING_WORD_RE =
  /^(коп(лю|им|ить)|накоп(ить|лю)|откладыва|отложить|цел[ьи]|yig(moqchi|yapman|ayapman|aman|ish)|йиг(мокчи|япман|аяпман|аман|иш)|jamgar|жамгар|maqsad|максад|save|saving|goal|aside)/;
const SAVING_FLAG = 1;
const LATER_FLAG = 2;
const flagCache = new Map<string, number>();

/** Whether a folded word speaks of saving or of later (cached per word, like the lexicon's analysis). */
function wordFlags(f: string): number {
  let flags = flagCache.get(f);
  if (flags === undefined) {
    flags = (SAVING_WORD_RE.test(f) ? SAVING_FLAG : 0) | (isFutureWord(f) ? LATER_FLAG : 0);
    if (flagCache.size >= 50_000) flagCache.clear();
    flagCache.set(f, flags);
  }
  return flags;
}

const LATIN_UZ_HINT_RE = /[qx]|sh|ch|o'|g'|oʻ|gʻ/;
const LATIN_EN_HINT_RE = /th|w|ee|oo|ck|ph/;

function fitsType(key: CategoryKey | undefined, type: TransactionType): key is CategoryKey {
  if (key === undefined) return false;
  return type === 'expense' ? EXPENSE_SET.has(key) : INCOME_SET.has(key);
}

/** Language by lexicon hits; Uzbek-only letters and o'/g' apostrophes weigh in. */
function detectLanguage(tokens: Token[], infos: Array<WordInfo | undefined>): Language {
  let ru = 0;
  let uz = 0;
  let en = 0;
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    if (t.cyr) cyr++;
    else lat++;
    if (t.uzCyr) uz += 3;
    if (t.apos && !t.cyr) uz += 1.5;
    const langs = infos[i]?.langs ?? 0;
    if (langs !== 0) {
      const count = (langs & 1) + ((langs >> 1) & 1) + ((langs >> 2) & 1);
      const w = count === 1 ? 2 : 0.3;
      if (langs & LANG_BIT.ru) ru += w;
      if (langs & LANG_BIT.uz) uz += w;
      if (langs & LANG_BIT.en) en += w;
    } else if (t.cyr) {
      ru += 0.5;
    } else {
      if (LATIN_UZ_HINT_RE.test(t.raw)) uz += 0.5;
      if (LATIN_EN_HINT_RE.test(t.raw)) en += 0.5;
    }
  }
  if (cyr === 0 && lat === 0) return 'ru';
  if (cyr >= lat) return uz > ru ? 'uz' : 'ru';
  return uz > en ? 'uz' : 'en';
}

function isContent(t: Token, info: WordInfo | undefined): boolean {
  if (t.kind !== 'word' || info === undefined) return false;
  if (info.stop || info.conj || info.verb || info.num || info.currency || info.cue) return false;
  if (info.dayBack !== undefined || info.weekday !== undefined) return false;
  return t.f.length >= 2;
}

function findDates(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  today: LocalDate,
  consumed: Uint8Array,
): DateCue[] {
  const cues: DateCue[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind === 'num' || (t.kind === 'word' && infos[i]?.num !== undefined)) {
      const m = readNumber(tokens, infos, i);
      if (m !== null && m.end < n && tokens[m.end].kind === 'word') {
        const unitInfo = infos[m.end];
        const whole = m.micro / MICRO;
        if (unitInfo?.dateUnit !== undefined && m.end + 1 < n && infos[m.end + 1]?.ago) {
          if (whole > 0n && whole <= 3660n) {
            cues.push({ pos: i, date: addDays(today, -Number(whole) * unitInfo.dateUnit) });
            consumed.fill(1, i, m.end + 2);
          }
          i = m.end + 1;
          continue;
        }
        if (
          unitInfo?.month !== undefined &&
          !m.scaled &&
          !m.words &&
          m.micro % MICRO === 0n &&
          whole >= 1n &&
          whole <= 31n
        ) {
          const date = mostRecentDayMonth(today, Number(whole), unitInfo.month);
          if (date !== null) {
            cues.push({ pos: i, date });
            consumed.fill(1, i, m.end + 1);
          }
          i = m.end;
          continue;
        }
      }
    }
    if (t.kind !== 'word') continue;
    let matched = false;
    for (const ph of DAY_PHRASES) {
      if (i + ph.words.length > n) continue;
      let ok = true;
      for (let k = 0; k < ph.words.length && ok; k++) ok = tokens[i + k].f === ph.words[k];
      if (ok) {
        cues.push({ pos: i, date: addDays(today, -ph.days) });
        consumed.fill(1, i, i + ph.words.length);
        i += ph.words.length - 1;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const info = infos[i];
    if (info === undefined) continue;
    if (info.dayBack !== undefined) {
      cues.push({ pos: i, date: addDays(today, -info.dayBack) });
      consumed[i] = 1;
    } else if (info.weekday !== undefined) {
      let back = daysBackToWeekday(today, info.weekday);
      if (back === 0 && i > 0 && LAST_WORDS.has(tokens[i - 1].f)) back = 7;
      cues.push({ pos: i, date: addDays(today, -back) });
      consumed[i] = 1;
    } else if (info.dateUnit !== undefined && i + 1 < n && infos[i + 1]?.ago) {
      cues.push({ pos: i, date: addDays(today, -info.dateUnit) });
      consumed.fill(1, i, i + 2);
      i++;
    }
  }
  return cues;
}

/** Words before a small whole number that make it an hour of the day. */
const AT_HOUR = new Set(['в', 'во', 'к', 'at', 'by', 'soat', 'соат']);

/**
 * More items than this in one message are refused as a whole: a long shopping list or a receipt fits, a pasted
 * column of 300 numbers is not 300 records (nothing is recorded, the bot asks to split it).
 */
export const MAX_ITEMS_PER_MESSAGE = 100;

function findAmounts(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  consumed: Uint8Array,
  flags: { tooLarge: boolean },
): Candidate[] {
  const out: Candidate[] = [];
  const n = tokens.length;
  for (let i = 0; i < n; i++) {
    const m = readAmountAt(tokens, infos, consumed, i);
    if (m === null) continue;
    const { start, end, currency } = m;
    const plus = start > 0 && tokens[start - 1].kind === 'sym' && tokens[start - 1].f === '+';
    i = end - 1;
    if (currency === undefined) {
      const nt = end < n ? tokens[end] : undefined;
      if (nt !== undefined && nt.kind === 'sym' && (nt.f === '%' || nt.f === ':')) continue;
      // "3 kun", "2 кг" are not money; "ikki million oylik" is (a category noun, even if it looks like a unit)
      if (
        nt !== undefined &&
        nt.kind === 'word' &&
        infos[end]?.nonMoney &&
        !infos[end]?.currency &&
        !infos[end]?.cats
      )
        continue;
      const pt = start > 0 ? tokens[start - 1] : undefined;
      // "№ 5", "#12", the minutes of "14:30" (a label's colon, "Обед: 45 000", is fine)
      if (pt !== undefined && pt.kind === 'sym' && (pt.f === '№' || pt.f === '#')) continue;
      if (pt !== undefined && pt.f === ':' && start > 1 && tokens[start - 2].kind === 'num') continue;
      // "в 3 встречаемся", "at 5", "soat 3da": an hour, not money
      if (
        pt !== undefined &&
        AT_HOUR.has(pt.f) &&
        m.digits &&
        !m.scaled &&
        m.micro % MICRO === 0n &&
        m.micro <= 24n * MICRO
      )
        continue;
    }
    const minor = (m.micro * 100n) / MICRO;
    if (minor <= 0n) continue;
    if (minor > MAX_AMOUNT_MINOR) {
      flags.tooLarge = true;
      continue;
    }
    out.push({ start, end, minor, currency, words: m.words, digits: m.digits, scaled: m.scaled, plus });
  }
  return out;
}

/**
 * "ушел лимон на ремонт машины": a slang scale that is a number only after another one ("2 лимона") stands for one of
 * it when the phrase spends or earns, buys nothing and names no other food (else "лимон" is a lemon).
 */
function loneSlangScale(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  consumed: Uint8Array,
): Candidate[] {
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    const info = infos[i];
    if (at < 0 && !consumed[i] && info?.num?.kind === 'scale' && info.num.needsPrev) {
      at = i;
      continue;
    }
    // "купил лимон": bought one; "лимон и яблоки": fruit
    if (info?.purchase || info?.cats?.some((h) => h.key === 'groceries')) return [];
  }
  if (at < 0) return [];
  const num = infos[at]!.num!;
  const next = at + 1 < tokens.length ? infos[at + 1] : undefined;
  const currency = next?.currency;
  const end = currency !== undefined ? at + 2 : at + 1;
  return [
    {
      start: at,
      end,
      minor: num.micro / (MICRO / 100n),
      currency,
      words: true,
      digits: false,
      scaled: true,
      plus: false,
    },
  ];
}

/** Words after a price that make it a unit price: "25k each", "900k apiece", "4 mingdan" is a suffix (see below). */
const EACH_AFTER = new Set(['each', 'apiece', 'ea', 'штука', 'штуку', 'dona', 'донаси', 'donasi']);
/** Words or signs right before a price that make it a unit price: "по 25 тыс", "3 x 15k", "2 @ 25k". */
const EACH_BEFORE = new Set(['по', 'x', 'х', '×', '*', '@']);
/** The Uzbek ablative on a price: "4 mingdan", "25 000 so'mdan", "22 мингдан" — "at … each". */
const UZ_EACH_RE = /(dan|дан)$/;
/** The most a quantity is read as (beyond that a number before a price is not a count of things). */
const MAX_QUANTITY = 1000n * MICRO;

function isUnitPrice(tokens: Token[], c: Candidate): boolean {
  const before = c.start > 0 ? tokens[c.start - 1] : undefined;
  if (before !== undefined && EACH_BEFORE.has(before.f)) return true;
  const last = tokens[c.end - 1];
  if (last.kind === 'word' && UZ_EACH_RE.test(last.raw)) return true;
  const after = c.end < tokens.length ? tokens[c.end] : undefined;
  return (
    after !== undefined &&
    after.kind === 'word' &&
    (EACH_AFTER.has(after.f) || after.f === 'dan' || after.f === 'дан')
  );
}

/**
 * Quantity × price: "2 кофе по 25 тыс" → 50,000; "2 ta non 4 mingdan" → 8,000; "3 x 15k" → 45,000; "10 eggs 2k
 * each" → 20,000. A unit price takes the count said before it in the same part of the phrase (digits or number words,
 * up to 1,000, with no currency), and the count is no longer an amount of its own.
 */
function applyQuantities(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  cands: Candidate[],
  consumed: Uint8Array,
): Candidate[] {
  let out = cands;
  for (const price of cands) {
    if (!out.includes(price) || !isUnitPrice(tokens, price)) continue;
    const from =
      price.start > 0 && EACH_BEFORE.has(tokens[price.start - 1].f) ? price.start - 2 : price.start - 1;
    for (let q = from; q >= 0 && q >= from - 5; q--) {
      const t = tokens[q];
      if (t.kind === 'sep') break;
      const other = out.find((c) => c !== price && q >= c.start && q < c.end);
      if (other !== undefined && (other.currency !== undefined || other.scaled || other.minor >= 1_000_000n))
        break;
      if (t.kind !== 'num' && infos[q]?.num === undefined) continue;
      let start = q;
      while (start > 0 && tokens[start - 1].kind === 'word' && infos[start - 1]?.num !== undefined) start--;
      const count = readNumber(tokens, infos, start);
      if (
        count === null ||
        count.scaled ||
        count.micro % MICRO !== 0n ||
        count.micro < MICRO ||
        count.micro > MAX_QUANTITY
      )
        break;
      price.minor = (price.minor * count.micro) / MICRO;
      price.priced = true;
      consumed.fill(1, start, count.end);
      out = out.filter((c) => c === price || c.end <= start || c.start >= count.end);
      break;
    }
  }
  return out;
}

interface PhraseCues {
  hasVerb: boolean;
  hasCue: boolean;
  hasCat: boolean;
}

/** Drops numbers that are quantities ("2 хлеба за 6000", "bir narsa") or stray words without any money context. */
function filterAmounts(
  cands: Candidate[],
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  cues: PhraseCues,
): Candidate[] {
  if (cands.length === 0) return cands;
  const context = cues.hasVerb || cues.hasCue || cues.hasCat;
  // words that are not part of an amount and say something ("laundry", "мастеру", not "за" or the "k" of "60k")
  let otherWords = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (
      tokens[i].kind !== 'word' ||
      infos[i]?.num !== undefined ||
      infos[i]?.currency !== undefined ||
      infos[i]?.stop
    )
      continue;
    if (!cands.some((c) => i >= c.start && i < c.end)) otherWords++;
  }
  const strong = (c: Candidate): boolean => c.currency !== undefined || c.scaled || c.minor >= 10_000n;
  return cands.filter((c) => {
    const small = c.currency === undefined && !c.scaled && c.minor < 10_000n;
    if (small) {
      const nt = c.end < tokens.length ? tokens[c.end] : undefined;
      const nextIsContent = nt !== undefined && isContent(nt, infos[c.end]);
      const hasBigger = cands.some((o) => o !== c && strong(o));
      if (nextIsContent && hasBigger) return false;
      if (!c.digits && c.minor < 1_000n) return false; // "один", "bir", "one" on their own
    }
    if (c.currency !== undefined || c.plus || c.priced) return true;
    // a lone "минг" in noise; but "миллион за аренду" (a scale word next to a category) is an amount
    if (!c.digits && c.end - c.start === 1 && !cues.hasVerb && !cues.hasCue && !(c.scaled && cues.hasCat))
      return false;
    if (context) return true;
    // a bare amount ("50000", "полторы тысячи") is a transaction; digits with one stray word too
    if (otherWords === 0) return c.digits || c.scaled || c.minor >= 10_000n;
    // a few words of one's own and an amount said in thousands or millions: "vet for the cat 150k", "мастеру за смеситель 150 тыс"
    return (c.digits && otherWords <= 1) || (c.scaled && otherWords <= 3);
  });
}

function resolveVerb(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  pos: number,
  segStart: number,
  segEnd: number,
): { type: TransactionType; hint?: CategoryKey } | undefined {
  const v = infos[pos]?.verb;
  if (v === undefined) return undefined;
  const f = tokens[pos].f;
  if (v.type === 'expense') {
    if (f === 'paid' && pos > 0 && PASSIVE_AUX.has(tokens[pos - 1].f))
      return { type: 'income', hint: 'salary' };
    if (GIVE_VERBS.has(f)) {
      const p1 = pos > 0 ? tokens[pos - 1].f : '';
      const p2 = pos > 1 ? tokens[pos - 2].f : '';
      if (
        GIVERS.has(p1) ||
        (GIVERS.has(p2) && (p1 === 'my' || p1 === 'мне' || p1 === 'мой' || p1 === 'моя'))
      ) {
        return { type: 'income', hint: v.hint };
      }
    }
    if (BORROW_VERBS.has(f)) {
      for (let k = segStart; k < segEnd; k++) {
        if (tokens[k].f.startsWith('долг') || tokens[k].f.startsWith('кредит') || tokens[k].f === 'loan') {
          return { type: 'income' };
        }
      }
    }
    // "мне дал", "paid me", "это мне Жасур перевёл": "me" near a giving verb is money received
    if (FLIP_TO_ME.has(f)) {
      for (let k = Math.max(segStart, pos - 3); k < Math.min(segEnd, pos + 3); k++)
        if (k !== pos && infos[k]?.toMe) return { type: 'income' };
    }
    if (SEND_VERBS.has(f)) {
      for (let k = Math.max(segStart, pos - 3); k < Math.min(segEnd, pos + 3); k++)
        if (TO_YOU.has(tokens[k].f)) return { type: 'income' };
    }
    if (IMPERSONAL_PAID.has(f) && !tokens.slice(segStart, pos).some((t) => WE_OR_I.has(t.f))) {
      let income = false;
      let expense = false;
      for (let k = segStart; k < segEnd; k++) {
        for (const h of infos[k]?.cats ?? []) {
          if (h.side === 'income' && h.key !== 'gifts' && h.key !== 'other') income = true;
          if (h.side === 'expense' && h.key !== 'gifts' && h.key !== 'other') expense = true;
        }
      }
      if (income && !expense) return { type: 'income', hint: v.hint };
    }
    return { type: 'expense', hint: v.hint };
  }
  if (v.type === 'income') {
    // "подарили" is "gave me" unless we are the subject: "мы подарили", "я подарил(а)" are gifts we paid for
    if (
      f.startsWith('подари') &&
      tokens.slice(Math.max(segStart, pos - 2), pos).some((t) => WE_OR_I.has(t.f))
    ) {
      return { type: 'expense', hint: 'gifts' };
    }
    return { type: 'income', hint: v.hint };
  }
  // 'take' (Uzbek oldim): bought goods, or received money; bought for someone ("singlimga … oldim") is spending
  for (let k = segStart; k < segEnd; k++) {
    const info = infos[k];
    if (info?.num !== undefined) continue; // "тўрт" is four here, not a tour
    if (tokens[k].kind === 'word' && isPersonDative(tokens[k].f)) return { type: 'expense', hint: 'gifts' };
    if (info?.purchase && info.verb?.type !== 'take') return { type: 'expense' };
    if (info?.cats?.some((h) => h.side === 'expense' && h.key !== 'gifts' && h.key !== 'other')) {
      if (!info.cats.some((h) => h.side === 'income')) return { type: 'expense' };
    }
  }
  return { type: 'income' };
}

interface Segment {
  start: number;
  end: number;
  cand?: Candidate;
}

function splitSegments(cands: Candidate[], tokens: Token[], infos: Array<WordInfo | undefined>): Segment[] {
  const n = tokens.length;
  if (cands.length <= 1) return [{ start: 0, end: n, cand: cands[0] }];
  // Pattern: does the phrase name things before their amounts ("хлеб 5000 молоко 8000")?
  let nounFirst = false;
  for (let k = 0; k < cands[0].start; k++) {
    if (infos[k]?.cats !== undefined || isContent(tokens[k], infos[k])) {
      nounFirst = true;
      break;
    }
  }
  const segs: Segment[] = [];
  let segStart = 0;
  for (let k = 0; k < cands.length; k++) {
    const c = cands[k];
    if (k === cands.length - 1) {
      segs.push({ start: segStart, end: n, cand: c });
      break;
    }
    const nextStart = cands[k + 1].start;
    let punct = -1;
    let conj = -1;
    for (let p = c.end; p < nextStart; p++) {
      if (tokens[p].kind === 'sep' && punct < 0) punct = p;
      else if (infos[p]?.conj && conj < 0) conj = p;
    }
    const sep = punct >= 0 ? punct : conj;
    if (sep >= 0) {
      segs.push({ start: segStart, end: sep, cand: c });
      segStart = sep + 1;
    } else {
      const cut = nounFirst ? c.end : nextStart;
      segs.push({ start: segStart, end: cut, cand: c });
      segStart = cut;
    }
  }
  return segs;
}

const FILLER_UZ_RE = /(larga|larni|lardan|ga|ni|dan)$/;

function describe(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  seg: Segment,
  inCand: Uint8Array,
  consumed: Uint8Array,
  best: CategoryHit | undefined,
  bestKeyTokens: number[],
): string {
  const words: string[] = [];
  if (best !== undefined) {
    for (const p of bestKeyTokens) {
      const t = tokens[p];
      const w = t.cyr && !t.uzCyr && !isUzCyrillicContext(infos[p]) ? t.raw : stripUzSuffix(t.raw, best.key);
      if (!words.includes(w)) words.push(w);
      if (words.length >= 3) break;
    }
    return words.join(', ');
  }
  for (let p = seg.start; p < seg.end; p++) {
    if (inCand[p] || consumed[p]) continue;
    const t = tokens[p];
    if (!isContent(t, infos[p])) continue;
    let w = t.raw;
    if (!t.cyr && w.length > 5) w = w.replace(FILLER_UZ_RE, '');
    return w;
  }
  return '';
}

function isUzCyrillicContext(info: WordInfo | undefined): boolean {
  return info !== undefined && (info.langs & LANG_BIT.uz) !== 0 && (info.langs & LANG_BIT.ru) === 0;
}

function buildItems(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  cands: Candidate[],
  dates: DateCue[],
  consumed: Uint8Array,
  today: LocalDate,
  defaultCurrency: Currency,
  phraseCurrency: Currency | undefined,
  guessed: { scaledInDefault: boolean },
): ParsedItem[] {
  const n = tokens.length;
  const inCand = new Uint8Array(n);
  for (const c of cands) inCand.fill(1, c.start, c.end);
  const segs = splitSegments(cands, tokens, infos);
  const verbPositions: number[] = [];
  for (let i = 0; i < n; i++) if (infos[i]?.verb !== undefined && !inCand[i]) verbPositions.push(i);

  const items: ParsedItem[] = [];
  let lastCurrency: Currency | undefined;
  let lastMinor = 0n;
  for (const seg of segs) {
    const anchor = seg.cand?.start ?? seg.start;
    // own verb: the one nearest the amount
    let own: { type: TransactionType; hint?: CategoryKey } | undefined;
    let bestDist = Number.MAX_SAFE_INTEGER;
    for (const p of verbPositions) {
      if (p < seg.start || p >= seg.end) continue;
      const d = Math.abs(p - anchor);
      if (d < bestDist) {
        const r = resolveVerb(tokens, infos, p, seg.start, seg.end);
        if (r !== undefined) {
          own = r;
          bestDist = d;
        }
      }
    }
    // cues and categories in the segment
    let cue: TransactionType | undefined;
    let purchase = false;
    const hits: Array<{ hit: CategoryHit; pos: number }> = [];
    for (let p = seg.start; p < seg.end; p++) {
      if (inCand[p] || consumed[p]) continue;
      const info = infos[p];
      if (info === undefined) continue;
      if (info.cue !== undefined && cue === undefined) cue = info.cue;
      if (info.purchase) purchase = true;
    }
    for (let p = seg.start; p < seg.end; p++) {
      if (inCand[p] || consumed[p]) continue;
      const info = infos[p];
      if (info?.cats === undefined) continue;
      if (purchase && info.purchaseAlt !== undefined) {
        hits.push({ hit: { key: info.purchaseAlt, side: 'expense', weight: 3 }, pos: p });
        continue;
      }
      for (const h of info.cats) hits.push({ hit: h, pos: p });
    }
    let type: TransactionType;
    let hint: CategoryKey | undefined;
    if (own !== undefined) {
      type = own.type;
      hint = own.hint;
    } else if (cue !== undefined) {
      type = cue;
    } else {
      const decisive = hits.filter((h) => h.hit.key !== 'gifts');
      let bestSide: TransactionType | undefined;
      let bestW = 0;
      for (const h of decisive) {
        if (h.hit.weight > bestW) {
          bestW = h.hit.weight;
          bestSide = h.hit.side;
        }
      }
      if (bestSide !== undefined) {
        type = bestSide;
      } else {
        // inherit the nearest verb of the phrase: previous segments first, then following ones
        let inherited: { type: TransactionType; hint?: CategoryKey } | undefined;
        const before = verbPositions.filter((p) => p < seg.start);
        const afterV = verbPositions.filter((p) => p >= seg.end);
        const pick = before.length > 0 ? before[before.length - 1] : afterV[0];
        if (pick !== undefined) inherited = resolveVerb(tokens, infos, pick, seg.start, seg.end);
        if (inherited !== undefined) {
          type = inherited.type;
          hint = inherited.hint;
        } else if (seg.cand?.plus) {
          type = 'income';
        } else {
          type = 'expense';
        }
      }
    }
    // category for that type
    let best: CategoryHit | undefined;
    let bestPos = -1;
    for (const h of hits) {
      if (h.hit.side !== type) continue;
      if (best === undefined || h.hit.weight > best.weight) {
        best = h.hit;
        bestPos = h.pos;
      }
    }
    let category: CategoryKey = 'other';
    const bestKeyTokens: number[] = [];
    if (best !== undefined) {
      category = best.key;
      for (const h of hits) {
        const same = h.hit.key === best.key && h.hit.side === type && (h.hit.weight >= 2 || best.weight < 2);
        if (same && !bestKeyTokens.includes(h.pos)) bestKeyTokens.push(h.pos);
      }
      if (bestKeyTokens.length === 0) bestKeyTokens.push(bestPos);
    } else if (fitsType(hint, type)) {
      category = hint;
    } else {
      // "dadam 200 ming tashlab berdi", "маме дал 500 тыс": family money with no other purpose
      for (let p = seg.start; p < seg.end; p++)
        if (tokens[p].kind === 'word' && FAMILY_RE.test(tokens[p].f)) category = 'gifts';
    }
    // currency: named, or carried over from the previous amount when magnitudes agree, or the default
    let currency: Currency = defaultCurrency;
    const c = seg.cand;
    if (c !== undefined) {
      if (c.currency !== undefined) currency = c.currency;
      else if (lastCurrency !== undefined) {
        const big = c.minor > lastMinor ? c.minor : lastMinor;
        const small = c.minor > lastMinor ? lastMinor : c.minor;
        if (small > 0n && big / small <= 100n) currency = lastCurrency;
      }
      lastCurrency = currency === defaultCurrency && c.currency === undefined ? lastCurrency : currency;
      lastMinor = c.minor;
      // "40 тыс" with no currency anywhere near: said in thousands, so most likely sums
      if (c.currency === undefined && c.scaled && currency === defaultCurrency)
        guessed.scaledInDefault = true;
    } else if (phraseCurrency !== undefined) {
      currency = phraseCurrency;
    }
    // date: a cue inside the segment, else the last one before it, else the first in the phrase
    let date = today;
    const inside = dates.find((d) => d.pos >= seg.start && d.pos < seg.end);
    if (inside !== undefined) date = inside.date;
    else {
      const prior = dates.filter((d) => d.pos < seg.start);
      if (prior.length > 0) date = prior[prior.length - 1].date;
      else if (dates.length > 0) date = dates[0].date;
    }
    items.push({
      type,
      amountMinor: c?.minor ?? null,
      currency,
      category,
      description: describe(tokens, infos, seg, inCand, consumed, best, bestKeyTokens),
      date: formatDate(date),
    });
  }
  return items;
}

function parseInner(text: string, options: ParseOptions): ParseResult {
  // A forwarded card notification (docs/card-notifications.md) is one transaction with its own date and merchant.
  // The user's own words pasted with it are a phrase of their own: read here (see NoteReader).
  const card = readCardNotification(text, { now: options.now });
  if (card !== null) return cardNotificationResult(card, options, (note) => parseInner(note, options));
  const tokens = tokenize(text);
  const n = tokens.length;
  const infos: Array<WordInfo | undefined> = new Array<WordInfo | undefined>(n);
  let hasVerb = false;
  let hasCue = false;
  let hasCat = false;
  let phraseCurrency: Currency | undefined;
  let saving = false;
  let later = false;
  const normParts: string[] = [''];
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind === 'word') {
      // "300 mig", "35 мнг": right after a number, three letters may be a misspelt scale or currency
      const info = (i > 0 && tokens[i - 1].kind === 'num' && analyzeUnit(t.f)) || analyze(t.f);
      // Russian typed in Latin letters and mended typos are read as the word they stand for from here on
      if (info.readAs !== undefined) t.f = info.readAs;
      infos[i] = info;
      if (info.verb !== undefined) hasVerb = true;
      if (info.cue !== undefined) hasCue = true;
      if (info.cats !== undefined) hasCat = true;
      if (info.currency !== undefined && phraseCurrency === undefined) phraseCurrency = info.currency;
      const flags = wordFlags(t.f);
      if (flags & SAVING_FLAG) saving = true;
      if (flags & LATER_FLAG) later = true;
      normParts.push(t.f);
    } else if (t.kind === 'sym' && SYMBOL_CURRENCY[t.f] !== undefined && phraseCurrency === undefined) {
      phraseCurrency = SYMBOL_CURRENCY[t.f];
    }
  }
  normParts.push('');
  const norm = normParts.join(' ');
  const forced = options.language !== undefined && options.language !== 'auto' ? options.language : undefined;
  const language = forced ?? detectLanguage(tokens, infos);
  if (n === 0) return { language, intent: 'unknown', items: [] };

  const today = localToday(options.now, options.timeZone ?? DEFAULT_TIME_ZONE);
  const consumed = new Uint8Array(n);
  // "в семью", "oilaga", "for the family": whose money, never an amount ("семью" is also seven), a category or a description
  const mentions = householdMentions(tokens, infos);
  const walletWords = recordWallet(mentions);
  if (walletWords !== null) for (const p of walletWords) consumed[p] = 1;
  const household = mentions.length > 0 && asksHousehold(tokens, infos, mentions);
  const dates = findDates(tokens, infos, today, consumed);
  const flags = { tooLarge: false };
  // money said about a later day ("завтра куплю …", "ertaga … to'lashim kerak") is a reminder, not a record
  const future = later ? readFuture(tokens, infos, today) : null;
  if (future !== null) for (const p of future.used) consumed[p] = 1;
  const found = findAmounts(tokens, infos, consumed, flags);
  if (found.length === 0 && hasVerb) found.push(...loneSlangScale(tokens, infos, consumed));
  const cands = filterAmounts(applyQuantities(tokens, infos, found, consumed), tokens, infos, {
    hasVerb,
    hasCue: hasCue || future !== null,
    hasCat,
  });
  const wallet = walletWords !== null ? { wallet: 'household' as const } : {};
  const aside = (a: Aside): ParseResult => ({
    language,
    intent: 'unknown',
    items: [],
    aside: a,
    ...('items' in a ? wallet : {}),
  });

  const conversion = phraseCurrency === undefined ? null : readConversion(tokens, infos, cands, hasVerb);
  if (conversion !== null) return aside({ kind: 'conversion', ...conversion });
  if (saving) {
    const goal = parseGoal(text, options);
    if (goal?.kind === 'goal_create') {
      const { title, amountMinor, currency, deadline } = goal;
      return aside({ kind: 'saving_goal', title, amountMinor, currency, deadline });
    }
  }
  // budgets and recurring rules (docs/phrases.md, "Budgets and recurring payments"): internal intents
  const plan = { tokens, infos, mentions, defaultCurrency: options.defaultCurrency };
  const budget = readBudget(plan);
  if (budget?.kind === 'set') return { language, intent: 'set_budget', items: [], budget: budget.budget };
  if (budget?.kind === 'query')
    return { language, intent: 'budget_query', items: [], budgetQuery: budget.query };
  if (budget?.kind === 'bank_limit') return { language, intent: 'unknown', items: [] };
  const recurring = readRecurring(plan);
  if (recurring !== null) return { language, intent: 'set_recurring', items: [], recurring };
  const command = detectCommandIntent({
    norm,
    hasAmount: cands.length > 0,
    hasVerb,
    currency: phraseCurrency,
    household,
  });
  if (command !== null) {
    const result: ParseResult = { language, intent: command.intent, items: [] };
    if (command.setting !== undefined) result.setting = command.setting;
    if (command.intent === 'balance_query' && household) result.wallet = 'household';
    if (command.intent === 'stats_query') result.stats = readStatsQuery(tokens, infos, norm, today);
    return result;
  }
  // a number too large to record, and nothing else that could be the amount (a card number beside a price is not)
  if (flags.tooLarge && cands.length === 0) return aside({ kind: 'too_large' });
  // "who made you?", "спасибо, всё получил": a verb, but no money and nothing bought
  if (cands.length === 0 && !hasCat && isSmalltalk(norm)) return { language, intent: 'smalltalk', items: [] };
  if (cands.length > 0 || hasVerb || hasCue) {
    const guessed = { scaledInDefault: false };
    const items = buildItems(
      tokens,
      infos,
      cands,
      dates,
      consumed,
      today,
      options.defaultCurrency,
      phraseCurrency,
      guessed,
    );
    if (items.length > MAX_ITEMS_PER_MESSAGE)
      return aside({ kind: 'too_many', count: items.length, limit: MAX_ITEMS_PER_MESSAGE });
    if (future !== null && cands.length > 0) {
      const date = future.date;
      return aside({
        kind: 'future',
        date,
        items: date === null ? items : items.map((it) => ({ ...it, date })),
      });
    }
    if (guessed.scaledInDefault && options.defaultCurrency !== 'UZS') {
      return aside({ kind: 'ask_currency', items, choices: [options.defaultCurrency, 'UZS'] });
    }
    return { language, intent: 'transaction', items, ...wallet };
  }
  return { language, intent: isSmalltalk(norm) ? 'smalltalk' : 'unknown', items: [] };
}

/** Parses one phrase, letting an internal error through (for tests and the evaluation; the app uses parsePhrase). */
export function parsePhraseOrThrow(text: string, options: ParseOptions): ParseResult {
  return parseInner(text, options);
}

/** Parses one phrase. Never throws: anything unexpected gives an `unknown` result. */
export function parsePhrase(text: string, options: ParseOptions): ParseResult {
  const fallback: Language =
    options !== null &&
    typeof options === 'object' &&
    options.language !== undefined &&
    options.language !== 'auto'
      ? options.language
      : 'ru';
  try {
    if (typeof text !== 'string') return { language: fallback, intent: 'unknown', items: [] };
    return parseInner(text, options);
  } catch {
    return { language: fallback, intent: 'unknown', items: [] };
  }
}

/** The internal intents (budgets, recurring rules) are `unknown` in the §6 JSON, with no items, like the asides. */
function jsonIntent(intent: Intent): JsonIntent | null {
  switch (intent) {
    case 'set_budget':
    case 'set_recurring':
    case 'budget_query':
      return null;
    case 'transaction':
    case 'balance_query':
    case 'stats_query':
    case 'undo':
    case 'set_language':
    case 'set_currency':
    case 'smalltalk':
    case 'unknown':
      return intent;
  }
}

/** The docs/interface.md §6 JSON shape: amounts as decimal strings. */
export function toParseJson(result: ParseResult): ParseResultJson {
  const intent = jsonIntent(result.intent);
  if (intent === null) return { language: result.language, items: [], intent: 'unknown' };
  return {
    language: result.language,
    items: result.items.map((it) => ({
      type: it.type,
      amount: it.amountMinor === null ? null : toDecimalString(it.amountMinor),
      currency: it.currency,
      category: it.category,
      description: it.description,
      date: it.date,
    })),
    intent,
  };
}
