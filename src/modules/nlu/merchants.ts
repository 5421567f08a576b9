/**
 * Merchant names as banks print them ("MAKRO YUNUSABAD", "PAYME*UZMOBILE", "EVOS-12", "YANDEX.GO") → a category key.
 * Data first: a table of brands, then the phrase lexicons (lexicon.ts: every word of the name as the parser reads
 * a word, so "APTEKA 24", "CHOYXONA ZIYO", "ELECTRONICS MALL" and an income's "ZARPLATA" are known without a list
 * of their own), then a small table of words only merchants use ("AZS", "AGZS", "ENERGOSBYT"). The card
 * notification reader uses it (docs/card-notifications.md).
 *
 * Payment aggregators (Click, Payme, Paynet, Apelsin, Upay) are not merchants: "PAYME*UZMOBILE" is read by what
 * follows them, and a bare "CLICK" stays uncategorised. A person's name ("KARIMOV A.", "ALIYEVA MALIKA") says
 * nothing about what the money was for.
 */
import { analyze } from './lexicon';
import type { CategoryKey, ExpenseCategory, IncomeCategory, TransactionType } from './nlu.types';
import { fold } from './normalize';

/** Brand names (each one or several words, written as banks print them) per category. */
export const MERCHANT_BRANDS: ReadonlyArray<{ category: ExpenseCategory; brands: readonly string[] }> = [
  {
    category: 'groceries',
    brands: [
      'Korzinka',
      'Корзинка',
      'Makro',
      'Макро',
      'Havas',
      'Хавас',
      'Carrefour',
      'Baraka Market',
      'Барака Маркет',
      'Magnum',
    ],
  },
  {
    category: 'cafe',
    brands: [
      'Evos',
      'Эвос',
      'Safia',
      'Сафия',
      'Oqtepa Lavash',
      'Oqtepa',
      'KFC',
      'Bon',
      'Max Way',
      'MaxWay',
      'Feed Up',
      'Chopar Pizza',
      'Les Ailes',
      'Street 77',
      'Yandex Eda',
      'Uzum Tezkor',
      'Wolt',
      'Starbucks',
      'Bellissimo',
    ],
  },
  {
    category: 'transport',
    brands: [
      'Yandex Go',
      'YandexGo',
      'Yandex Taxi',
      'MyTaxi',
      'UzAuto',
      'UzAuto Motors',
      'Mustang',
      'Lukoil',
      'Лукойл',
      'Uzbekneftegaz',
      'Saneg',
      'Toshshahartransxizmat',
      'ATTO',
      'Uzbekistan Airways',
      'Uzbekistan Railways',
      'Temir Yollari',
    ],
  },
  {
    category: 'communication',
    brands: [
      'Uzmobile',
      'Beeline',
      'Билайн',
      'Ucell',
      'Mobiuz',
      'UMS',
      'Uztelecom',
      'Узтелеком',
      'Sarkor',
      'Sarkor Telecom',
      'TPS',
      'Comnet',
      'Turon Telecom',
    ],
  },
  {
    category: 'housing',
    brands: [
      'Hududgaz',
      'Hududgaztaminot',
      'Hududgaz Toshkent',
      'Suvtaminot',
      'Toshshaharsuvtaminot',
      'Hududiy Elektr',
      'Elektr Tarmoqlari',
      'Энергосбыт',
      'Toshissiqquvvati',
      'Issiqlik',
    ],
  },
  {
    category: 'health',
    brands: ['Oxy Med', 'Grand Pharm', 'Dori-Darmon'],
  },
  {
    category: 'shopping',
    brands: [
      'Texnomart',
      'Техномарт',
      'Mediapark',
      'Медиапарк',
      'Artel',
      'Артел',
      'Goodzone',
      'Samsung',
      'Apple',
      'Uzum Market',
      'IKEA',
    ],
  },
  {
    category: 'clothing',
    brands: ['LC Waikiki', 'DeFacto', 'Zara', 'Koton', "Colin's", 'Adidas', 'Nike'],
  },
  {
    category: 'entertainment',
    brands: ['Magic Cinema', 'Kinopoisk', 'Netflix', 'Spotify', 'Steam', 'PlayStation', 'Magic City'],
  },
];

/**
 * Words only merchants use, by the start of the word ("azs" also matches "azs-4"; "=mart" is the whole word only).
 * Everyday words ("apteka", "kafe", "supermarket", "kino") are the lexicons' (lexicon.ru/uz/en.ts), read first;
 * this table is for abbreviations, utility names and spellings no one types in a message.
 */
export const MERCHANT_WORDS: ReadonlyArray<{ category: ExpenseCategory; prefixes: readonly string[] }> = [
  { category: 'cafe', prefixes: ['kebab', 'kulinar', 'pizzer', 'пиццер', 'coffeeshop'] },
  {
    category: 'groceries',
    prefixes: ['hypermarket', 'гипермаркет', 'minimarket', '=mart', 'bazar', 'базар', 'dehqon'],
  },
  {
    category: 'transport',
    prefixes: [
      'azs',
      'азс',
      'agzs',
      'агзс',
      'agnks',
      'агнкс',
      'avia',
      'авиа',
      'airport',
      'aeroport',
      'аэропорт',
    ],
  },
  { category: 'health', prefixes: ['pharm', 'фарм'] },
  { category: 'housing', prefixes: ['energo', 'энерго', 'suvoqova', 'сувоқова', 'suvsoz', 'сувсоз'] },
  { category: 'communication', prefixes: ['telecom', 'телеком'] },
  { category: 'education', prefixes: ['academy', 'akademiya', 'академи', 'learning center'] },
  { category: 'entertainment', prefixes: ['aquapark', 'аквапарк', '=play'] },
  { category: 'clothing', prefixes: ['fashion'] },
];

/** Words of a merchant name: lower case, folded (apostrophes, ё, Uzbek Cyrillic), split at anything but letters and digits. */
function wordsOf(text: string): string[] {
  const out: string[] = [];
  for (const w of text.toLowerCase().split(/[^\p{L}\p{M}\d'‘’ʻʼ`]+/u)) {
    const f = fold(w);
    if (f.length > 0) out.push(f);
  }
  return out;
}

interface BrandKey {
  words: string[];
  category: ExpenseCategory;
}

/** Brands as word sequences, longest first, so "yandex eda" is tried before a one-word brand. */
const BRAND_KEYS: BrandKey[] = MERCHANT_BRANDS.flatMap(({ category, brands }) =>
  brands.map((b) => ({ words: wordsOf(b), category })),
)
  .filter((k) => k.words.length > 0)
  .sort((a, b) => b.words.length - a.words.length);

const PREFIX_KEYS: Array<{ prefix: string[]; exact: boolean; category: ExpenseCategory }> =
  MERCHANT_WORDS.flatMap(({ category, prefixes }) =>
    prefixes.map((p) => ({ prefix: wordsOf(p.replace(/^=/, '')), exact: p.startsWith('='), category })),
  ).filter((k) => k.prefix.length > 0);

function brandAt(words: string[], i: number): ExpenseCategory | null {
  for (const key of BRAND_KEYS) {
    if (i + key.words.length > words.length) continue;
    let ok = true;
    for (let k = 0; k < key.words.length && ok; k++) ok = words[i + k] === key.words[k];
    if (ok) return key.category;
  }
  return null;
}

function wordAt(words: string[], i: number): ExpenseCategory | null {
  for (const key of PREFIX_KEYS) {
    const n = key.prefix.length;
    if (i + n > words.length) continue;
    let ok = true;
    for (let k = 0; k < n - 1 && ok; k++) ok = words[i + k] === key.prefix[k];
    const lastWord = words[i + n - 1];
    if (ok && (key.exact ? lastWord === key.prefix[n - 1] : lastWord.startsWith(key.prefix[n - 1])))
      return key.category;
  }
  return null;
}

/**
 * Payment services, card networks and the Uzum group around a merchant's name ("CLICK APTEKA", "UZUM BANK"): they
 * say nothing about what was bought, so their words are not read as words ("uzum" is also "grapes").
 */
const SERVICE_WORDS = new Set([
  'click',
  'payme',
  'apelsin',
  'upay',
  'uzum',
  'humo',
  'humocard',
  'uzcard',
  'visa',
  'mastercard',
]);

/** Surnames and patronymics ("KARIMOV", "ALIYEVA", "RUSTAMOVICH", "O'G'LI", folded): the name of a person. */
const PERSON_WORD_RE =
  /^\p{L}{2,}(?:ov|ev|ova|eva|ovich|evich|ovna|evna|ов|ев|ова|ева|ович|евич|овна|евна)$|^(?:ogli|qizi|угли|кизи)$/u;
/** An initial: "A.", "SH.", "O'." standing alone. */
const INITIAL_RE = /(?:^|[\s,])(?:\p{L}|[sScC][hH]|[oOgG]['‘’ʻʼ`])\.(?=\s|,|$)/u;

function isPersonName(text: string, words: string[]): boolean {
  if (INITIAL_RE.test(text)) return true;
  // "SUVOQOVA" ends like a surname but is a word we know
  return words.some(
    (w, i) => PERSON_WORD_RE.test(w) && analyze(w).cats === undefined && wordAt(words, i) === null,
  );
}

/**
 * The strongest category the phrase lexicons give a word of the name on that side ("XUSUSIY BOGCHA" → education,
 * "ZARPLATA" → salary); a word not known as written is also tried with the Uzbek Latin x read as the Russian х, as
 * merchants print Russian words ("XOZTOVARY", "XLEB"). Null when no word has one.
 */
function lexiconCategory(words: string[], side: TransactionType): CategoryKey | null {
  let best: { key: CategoryKey; weight: number } | null = null;
  for (const word of words) {
    if (word.length < 2 || /\d/.test(word)) continue;
    let hits = analyze(word).cats?.filter((h) => h.side === side);
    if ((hits === undefined || hits.length === 0) && word.includes('x')) {
      hits = analyze(word.replace(/x/g, 'h')).cats?.filter((h) => h.side === side);
    }
    for (const h of hits ?? []) if (best === null || h.weight > best.weight) best = h;
  }
  return best?.key ?? null;
}

/**
 * The category a merchant name (money out) or a sender (money in) says, or null when it says none. Money out: a
 * brand anywhere in the name wins ("KORZINKA CAFE" is a supermarket's café counter: groceries; among brands the
 * first one counts), then the lexicons' strongest word, then the merchant-only words. Money in: the lexicons'
 * income words ("ZARPLATA ORIENT LOGISTIKA" → salary). Never throws.
 */
export function merchantCategory(text: string): ExpenseCategory | null;
export function merchantCategory(text: string, side: 'expense'): ExpenseCategory | null;
export function merchantCategory(text: string, side: 'income'): IncomeCategory | null;
export function merchantCategory(text: string, side: TransactionType): CategoryKey | null;
export function merchantCategory(text: string, side: TransactionType = 'expense'): CategoryKey | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const head = text.length > 300 ? text.slice(0, 300) : text;
  const words = wordsOf(head);
  if (side === 'expense') {
    for (let i = 0; i < words.length; i++) {
      const brand = brandAt(words, i);
      if (brand !== null) return brand;
    }
  }
  if (isPersonName(head, words)) return null;
  const own = words.filter((w) => !SERVICE_WORDS.has(w));
  const known = lexiconCategory(own, side);
  if (known !== null || side === 'income') return known;
  for (let i = 0; i < own.length; i++) {
    const generic = wordAt(own, i);
    if (generic !== null) return generic;
  }
  return null;
}
