/**
 * Merchant names as banks print them ("MAKRO YUNUSABAD", "PAYME*UZMOBILE", "EVOS-12", "YANDEX.GO") → an expense
 * category key. Data first: one table of brands and one of generic words, read by one small matcher; the card
 * notification reader uses it (docs/card-notifications.md), and the phrase parser may use the same table.
 *
 * Payment aggregators (Click, Payme, Paynet, Apelsin, Upay) are not merchants: "PAYME*UZMOBILE" is read by what
 * follows them, and a bare "CLICK" stays uncategorised.
 */
import type { ExpenseCategory } from './nlu.types';
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
      'Baraka',
      'Барака',
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
 * Generic words in merchant names, by the start of the word ("restoran" also matches "restorani", "аптека"
 * "аптеки"). Checked after the brands.
 */
export const MERCHANT_WORDS: ReadonlyArray<{ category: ExpenseCategory; prefixes: readonly string[] }> = [
  {
    category: 'cafe',
    prefixes: [
      'cafe',
      'kafe',
      'кафе',
      'coffee',
      'kofe',
      'кофе',
      'restoran',
      'restaurant',
      'ресторан',
      'choyxona',
      'чайхан',
      'oshxona',
      'ошхона',
      'burger',
      'pizza',
      'пицц',
      'lavash',
      'лаваш',
      'kebab',
      'fastfood',
      'bakery',
      'pekarn',
      'пекарн',
      'kulinar',
    ],
  },
  {
    category: 'groceries',
    prefixes: [
      'supermarket',
      'супермаркет',
      'hypermarket',
      'гипермаркет',
      'minimarket',
      'produkt',
      'продукт',
      'oziq',
      'grocery',
      'bazar',
      'бозор',
      'базар',
      'dehqon',
    ],
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
      'zapravk',
      'заправк',
      'benzin',
      'бензин',
      'metan',
      'метан',
      'propan',
      'пропан',
      'taxi',
      'taksi',
      'такси',
      'parking',
      'parkovk',
      'парковк',
      'metro',
      'метро',
      'avtobus',
      'автобус',
    ],
  },
  {
    category: 'health',
    prefixes: [
      'apteka',
      'аптек',
      'pharm',
      'фарм',
      'dorixona',
      'дорихона',
      'klinik',
      'клиник',
      'clinic',
      'stomatolog',
      'стоматолог',
      'dental',
      'medical',
      'медицин',
      'hospital',
      'shifoxona',
    ],
  },
  { category: 'communication', prefixes: ['telecom', 'телеком', 'internet', 'интернет'] },
  {
    category: 'education',
    prefixes: [
      'school',
      'maktab',
      'школ',
      'universit',
      'университет',
      'academy',
      'akademiya',
      'академи',
      'kurs',
      'курс',
      'learning center',
      'oquv',
    ],
  },
  {
    category: 'entertainment',
    prefixes: [
      'kino',
      'кино',
      'cinema',
      'teatr',
      'театр',
      'theatre',
      'bowling',
      'боулинг',
      'aquapark',
      'аквапарк',
    ],
  },
  { category: 'clothing', prefixes: ['kiyim', 'одежд', 'obuv', 'обувь', 'shoes', 'fashion'] },
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

const PREFIX_KEYS: Array<{ prefix: string[]; category: ExpenseCategory }> = MERCHANT_WORDS.flatMap(
  ({ category, prefixes }) => prefixes.map((p) => ({ prefix: wordsOf(p), category })),
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
    if (ok && words[i + n - 1].startsWith(key.prefix[n - 1])) return key.category;
  }
  return null;
}

/**
 * The expense category a merchant name says, or null when it says none. A brand anywhere in the name wins over a
 * generic word ("KORZINKA CAFE" is a supermarket's café counter: groceries); among brands the first one counts.
 * Never throws.
 */
export function merchantCategory(text: string): ExpenseCategory | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  const words = wordsOf(text.length > 300 ? text.slice(0, 300) : text);
  for (let i = 0; i < words.length; i++) {
    const brand = brandAt(words, i);
    if (brand !== null) return brand;
  }
  for (let i = 0; i < words.length; i++) {
    const generic = wordAt(words, i);
    if (generic !== null) return generic;
  }
  return null;
}
