/**
 * Reader of forwarded bank and card notifications: card network bots (HUMO, Uzcard), bank SMS, transfer receipts, in
 * Russian (Cyrillic or transliterated), Uzbek and English. What the formats look like and why the rules are what
 * they are: docs/card-notifications.md.
 *
 * Built from the general shape, not per bank: an operation word (table below) or a ➖/➕ sign, an amount with its
 * currency, a merchant or sender, a card mask, a date and time, a balance line — in any order, as label:value lines,
 * emoji-led lines, `;`-fields or one sentence. The reader sets card masks aside first, then dates and times, then
 * reads amounts, so card digits, dates and times never become amounts; the balance (and commission) line is
 * recognised by its label and never taken for the amount.
 *
 * Pure and total: never throws; null for anything that is not enough of a notification, so ordinary phrases
 * ("оплата 50000 за свет", "taksi 20 ming") stay for the phrase parser.
 */
import { MAX_AMOUNT_MINOR, type Currency } from '../../common/money';
import { isCalendarDate, zonedTimeToUtc } from '../../common/time/local-time';
import { DEFAULT_TIME_ZONE, formatDate, localToday, mostRecentDayMonth } from './dates';
import { analyze } from './lexicon';
import { saysHouseholdWallet } from './household';
import { merchantCategory } from './merchants';
import type {
  CardDirection,
  CardNotification,
  CardOperation,
  CategoryKey,
  Language,
  ParseOptions,
  ParseResult,
  TransactionType,
} from './nlu.types';
import { fold, parseDigitString } from './normalize';

export type { CardDirection, CardNotification, CardOperation } from './nlu.types';

export interface CardReadOptions {
  /** The zone the notification's clock times are in. Default Asia/Tashkent (Uzbek banks' time). */
  timeZone?: string;
  /** When the message was sent: completes a notification that shows a time or day and month only. */
  now?: Date;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables (folded words: lower case, no apostrophes, ё→е, Uzbek Cyrillic ў қ ғ ҳ → у к г х)
// ---------------------------------------------------------------------------------------------------------------

type Side = TransactionType;

interface OperationWord {
  operation: CardOperation;
  /** null: the word itself does not say (transfer, conversion, operation). */
  side: Side | null;
  lang: Language;
  reversal?: true;
}

const op = (operation: CardOperation, side: Side | null, lang: Language, reversal?: true): OperationWord =>
  reversal ? { operation, side, lang, reversal } : { operation, side, lang };

/** Operation words and phrases (the longest match wins). */
const OPERATIONS: Array<[string, OperationWord]> = [
  // Russian
  ['оплата', op('payment', 'expense', 'ru')],
  ['оплата товаров и услуг', op('purchase', 'expense', 'ru')],
  ['покупка', op('purchase', 'expense', 'ru')],
  ['списание', op('payment', 'expense', 'ru')],
  ['платеж', op('payment', 'expense', 'ru')],
  ['снятие наличных', op('withdrawal', 'expense', 'ru')],
  ['снятие', op('withdrawal', 'expense', 'ru')],
  ['списано', op('payment', 'expense', 'ru')],
  ['оплачено', op('payment', 'expense', 'ru')],
  ['зачислено', op('topup', 'income', 'ru')],
  ['поступило', op('topup', 'income', 'ru')],
  ['spisano', op('payment', 'expense', 'ru')],
  ['oplacheno', op('payment', 'expense', 'ru')],
  ['zachisleno', op('topup', 'income', 'ru')],
  ['выдача наличных', op('withdrawal', 'expense', 'ru')],
  ['пополнение', op('topup', 'income', 'ru')],
  ['зачисление', op('topup', 'income', 'ru')],
  ['поступление', op('topup', 'income', 'ru')],
  ['возврат', op('refund', 'income', 'ru')],
  ['перевод', op('transfer', null, 'ru')],
  ['конверсия', op('conversion', null, 'ru')],
  ['конвертация', op('conversion', null, 'ru')],
  ['операция', op('other', null, 'ru')],
  ['счет по карте изменен', op('other', null, 'ru')],
  ['отмена', op('other', null, 'ru', true)],
  // Russian in Latin letters (SMS)
  ['oplata', op('payment', 'expense', 'ru')],
  ['e com oplata', op('purchase', 'expense', 'ru')],
  ['ecom oplata', op('purchase', 'expense', 'ru')],
  ['pokupka', op('purchase', 'expense', 'ru')],
  ['spisanie', op('payment', 'expense', 'ru')],
  ['platezh', op('payment', 'expense', 'ru')],
  ['platej', op('payment', 'expense', 'ru')],
  ['snyatie nalichnyh', op('withdrawal', 'expense', 'ru')],
  ['snyatie nalichnyx', op('withdrawal', 'expense', 'ru')],
  ['snyatie', op('withdrawal', 'expense', 'ru')],
  ['vydacha nalichnyh', op('withdrawal', 'expense', 'ru')],
  ['popolnenie', op('topup', 'income', 'ru')],
  ['zachislenie', op('topup', 'income', 'ru')],
  ['postuplenie', op('topup', 'income', 'ru')],
  ['vozvrat', op('refund', 'income', 'ru')],
  ['perevod', op('transfer', null, 'ru')],
  ['konversiya', op('conversion', null, 'ru')],
  ['operatsiya', op('other', null, 'ru')],
  ['otmena', op('other', null, 'ru', true)],
  // Uzbek (Latin and Cyrillic)
  ["to'lov", op('payment', 'expense', 'uz')],
  ['тўлов', op('payment', 'expense', 'uz')],
  ['xarid', op('purchase', 'expense', 'uz')],
  ['харид', op('purchase', 'expense', 'uz')],
  ['chiqim', op('payment', 'expense', 'uz')],
  ['чиқим', op('payment', 'expense', 'uz')],
  ['naqd pul yechish', op('withdrawal', 'expense', 'uz')],
  ['yechib olish', op('withdrawal', 'expense', 'uz')],
  ['kirim', op('topup', 'income', 'uz')],
  ['кирим', op('topup', 'income', 'uz')],
  ["to'ldirish", op('topup', 'income', 'uz')],
  ["hisobni to'ldirish", op('topup', 'income', 'uz')],
  ['qaytarish', op('refund', 'income', 'uz')],
  ["o'tkazma", op('transfer', null, 'uz')],
  ["pul o'tkazmasi", op('transfer', null, 'uz')],
  ['ўтказма', op('transfer', null, 'uz')],
  ['konvertatsiya', op('conversion', null, 'uz')],
  ['bekor qilindi', op('other', null, 'uz', true)],
  ['bekor qilish', op('other', null, 'uz', true)],
  ['yechildi', op('payment', 'expense', 'uz')],
  ['yechib olindi', op('withdrawal', 'expense', 'uz')],
  ["to'landi", op('payment', 'expense', 'uz')],
  ['tushdi', op('topup', 'income', 'uz')],
  ['kelib tushdi', op('topup', 'income', 'uz')],
  ["o'tkazildi", op('transfer', null, 'uz')],
  ['пул ўтказмаси', op('transfer', null, 'uz')],
  ['ўтказмаси', op('transfer', null, 'uz')],
  ["o'tkazmasi", op('transfer', null, 'uz')],
  ['ўтказилди', op('transfer', null, 'uz')],
  ['ечилди', op('payment', 'expense', 'uz')],
  ['ечиб олинди', op('withdrawal', 'expense', 'uz')],
  ['тўланди', op('payment', 'expense', 'uz')],
  ['тушди', op('topup', 'income', 'uz')],
  ['келиб тушди', op('topup', 'income', 'uz')],
  ['тўлдириш', op('topup', 'income', 'uz')],
  ['ҳисобни тўлдириш', op('topup', 'income', 'uz')],
  ['қайтариш', op('refund', 'income', 'uz')],
  ['бекор қилинди', op('other', null, 'uz', true)],
  // English
  ['payment', op('payment', 'expense', 'en')],
  ['purchase', op('purchase', 'expense', 'en')],
  ['pos purchase', op('purchase', 'expense', 'en')],
  ['debit', op('payment', 'expense', 'en')],
  ['debited', op('payment', 'expense', 'en')],
  ['cash withdrawal', op('withdrawal', 'expense', 'en')],
  ['withdrawal', op('withdrawal', 'expense', 'en')],
  ['top up', op('topup', 'income', 'en')],
  ['topup', op('topup', 'income', 'en')],
  ['replenishment', op('topup', 'income', 'en')],
  ['credit', op('topup', 'income', 'en')],
  ['credited', op('topup', 'income', 'en')],
  ['refund', op('refund', 'income', 'en')],
  ['transfer', op('transfer', null, 'en')],
  ['conversion', op('conversion', null, 'en')],
  ['reversal', op('other', null, 'en', true)],
];

type LabelRole = 'amount' | 'card' | 'merchant' | 'sender' | 'receiver' | 'date' | 'time' | 'balance' | 'fee';

interface Label {
  role: LabelRole;
  /** null: the same word in several languages ("summa"). */
  lang: Language | null;
  /** An everyday word ("Joy" is also "place" in a sentence): a label only with a colon right after it. */
  colon?: true;
}

const label = (role: LabelRole, lang: Language | null, colon?: 'colon'): Label =>
  colon === undefined ? { role, lang } : { role, lang, colon: true };

/** Labels of label:value lines (the colon is optional). */
const LABELS: Array<[string, Label]> = [
  ['summa', label('amount', null)],
  ['сумма', label('amount', 'ru')],
  ['сумма операции', label('amount', 'ru')],
  ['сумма перевода', label('amount', 'ru')],
  ['сумма отправителя', label('amount', 'ru')],
  ['сумма получателя', label('amount', 'ru')],
  ['summa operatsii', label('amount', 'ru')],
  ["to'lov summasi", label('amount', 'uz')],
  ['тўлов суммаси', label('amount', 'uz')],
  ["o'tkazma summasi", label('amount', 'uz')],
  ['ўтказма суммаси', label('amount', 'uz')],
  ['суммаси', label('amount', 'uz')],
  ['miqdor', label('amount', 'uz')],
  ['миқдор', label('amount', 'uz')],
  ['миқдори', label('amount', 'uz')],
  ["mablag'", label('amount', 'uz')],
  ['маблағ', label('amount', 'uz')],
  ['summasi', label('amount', 'uz')],
  ['miqdori', label('amount', 'uz')],
  ['amount', label('amount', 'en')],
  ['sender amount', label('amount', 'en')],
  ['receiver amount', label('amount', 'en')],
  ['transfer amount', label('amount', 'en')],
  ['karta', label('card', null)],
  ['карта', label('card', 'ru')],
  ['номер карты', label('card', 'ru')],
  ['karta raqami', label('card', 'uz')],
  ['карта рақами', label('card', 'uz')],
  ['card', label('card', 'en')],
  ['card number', label('card', 'en')],
  ['magazin', label('merchant', 'ru')],
  ['магазин', label('merchant', 'ru')],
  ['мерчант', label('merchant', 'ru')],
  ['merchant', label('merchant', 'en')],
  ['торговая точка', label('merchant', 'ru')],
  ['место', label('merchant', 'ru', 'colon')],
  ['место покупки', label('merchant', 'ru')],
  ['название магазина', label('merchant', 'ru')],
  ['получатель платежа', label('merchant', 'ru')],
  ["do'kon", label('merchant', 'uz')],
  ['savdo nuqtasi', label('merchant', 'uz')],
  ['савдо нуқтаси', label('merchant', 'uz')],
  ['дўкон', label('merchant', 'uz')],
  ["do'kon nomi", label('merchant', 'uz')],
  ['дўкон номи', label('merchant', 'uz')],
  ['joy', label('merchant', 'uz', 'colon')],
  ['жой', label('merchant', 'uz', 'colon')],
  ['sotuvchi', label('merchant', 'uz')],
  ['сотувчи', label('merchant', 'uz')],
  ['merchant name', label('merchant', 'en')],
  ['payee', label('merchant', 'en')],
  ['otpravitel', label('sender', 'ru')],
  ['отправитель', label('sender', 'ru')],
  ['имя отправителя', label('sender', 'ru')],
  ['фио отправителя', label('sender', 'ru')],
  ['карта отправителя', label('sender', 'ru')],
  ['sender', label('sender', 'en')],
  ['sender name', label('sender', 'en')],
  ['sender card', label('sender', 'en')],
  ["jo'natuvchi", label('sender', 'uz')],
  ['yuboruvchi', label('sender', 'uz')],
  ['жўнатувчи', label('sender', 'uz')],
  ['юборувчи', label('sender', 'uz')],
  ["jo'natuvchi ismi", label('sender', 'uz')],
  ['жўнатувчи исми', label('sender', 'uz')],
  ["jo'natuvchi kartasi", label('sender', 'uz')],
  ['жўнатувчи картаси', label('sender', 'uz')],
  ['poluchatel', label('receiver', 'ru')],
  ['получатель', label('receiver', 'ru')],
  ['имя получателя', label('receiver', 'ru')],
  ['фио получателя', label('receiver', 'ru')],
  ['карта получателя', label('receiver', 'ru')],
  ['receiver', label('receiver', 'en')],
  ['receiver name', label('receiver', 'en')],
  ['receiver card', label('receiver', 'en')],
  ['recipient', label('receiver', 'en')],
  ['from', label('sender', 'en', 'colon')],
  ['откуда', label('sender', 'ru', 'colon')],
  ['kimdan', label('sender', 'uz', 'colon')],
  ['кимдан', label('sender', 'uz', 'colon')],
  ['to', label('receiver', 'en', 'colon')],
  ['куда', label('receiver', 'ru', 'colon')],
  ['kimga', label('receiver', 'uz', 'colon')],
  ['кимга', label('receiver', 'uz', 'colon')],
  ['qabul qiluvchi', label('receiver', 'uz')],
  ['oluvchi', label('receiver', 'uz')],
  ['қабул қилувчи', label('receiver', 'uz')],
  ['олувчи', label('receiver', 'uz')],
  ['qabul qiluvchi ismi', label('receiver', 'uz')],
  ['қабул қилувчи исми', label('receiver', 'uz')],
  ['oluvchi ismi', label('receiver', 'uz')],
  ['олувчи исми', label('receiver', 'uz')],
  ['qabul qiluvchi kartasi', label('receiver', 'uz')],
  ['қабул қилувчи картаси', label('receiver', 'uz')],
  ['oluvchi kartasi', label('receiver', 'uz')],
  ['олувчи картаси', label('receiver', 'uz')],
  ['data', label('date', null)],
  ['дата', label('date', 'ru')],
  ['дата транзакции', label('date', 'ru')],
  ['дата операции', label('date', 'ru')],
  ['date', label('date', 'en')],
  ['transaction date', label('date', 'en')],
  ['sana', label('date', 'uz')],
  ['сана', label('date', 'uz')],
  ['vremya', label('time', 'ru')],
  ['время', label('time', 'ru')],
  ['time', label('time', 'en')],
  ['vaqt', label('time', 'uz')],
  ['вақт', label('time', 'uz')],
  ['balans', label('balance', null)],
  ['баланс', label('balance', 'ru')],
  ['balance', label('balance', 'en')],
  ['available', label('balance', 'en')],
  ['available balance', label('balance', 'en')],
  ['доступно', label('balance', 'ru')],
  ['доступный остаток', label('balance', 'ru')],
  ['dostupno', label('balance', 'ru')],
  ['остаток', label('balance', 'ru')],
  ['ostatok', label('balance', 'ru')],
  ['qoldiq', label('balance', 'uz')],
  ['қолдиқ', label('balance', 'uz')],
  ['mavjud', label('balance', 'uz')],
  ['мавжуд', label('balance', 'uz')],
  ['komissiya', label('fee', null)],
  ['комиссия', label('fee', 'ru')],
  ['commission', label('fee', 'en')],
  ['fee', label('fee', 'en')],
  ['keshbek', label('fee', null)],
  ['кэшбэк', label('fee', 'ru')],
  ['кешбэк', label('fee', 'ru')],
  ['cashback', label('fee', 'en')],
];

/** Words that name nothing (card brands, "card", prepositions): never a merchant. */
const NOISE = [
  'humocard',
  'humo',
  'uzcard',
  'visa',
  'mastercard',
  'master',
  'mir',
  'unionpay',
  'kartasi',
  'kartaga',
  'kartadan',
  'karty',
  'kartu',
  'karte',
  'карты',
  'карту',
  'карте',
  'картой',
  'cards',
  'scheta',
  'schet',
  'счета',
  'счет',
  'hisob',
  'hisobga',
  'hisobdan',
  's',
  'c',
  'с',
  'na',
  'на',
  'ot',
  'от',
  'from',
  'to',
  'on',
  'at',
  'в',
  'v',
  'po',
  'по',
  'i',
  'и',
  'name',
  'name:',
  'tranzaksiya',
  'transaction',
  'receipt',
  'чек',
  'квитанция',
  'kvitansiya',
  'uspeshno',
  'успешно',
  'successful',
  'success',
  'uzs',
  'usd',
  'rub',
  'eur',
  'сум',
  'sum',
  "so'm",
  'som',
  'soum',
  'руб',
  'rubl',
  'chek',
  'kartangiz',
  'kartangizga',
  'kartangizdan',
  'hisobingiz',
  'hisobingizga',
  'hisobingizdan',
  'your',
  'was',
  'has',
  'been',
  'ваша',
  'вашу',
  'вашей',
  'вашего',
  'картаси',
  'картага',
  'картадан',
  'картангиз',
  'картангизга',
  'картангиздан',
  'ҳисобингизга',
  'ҳисобингиздан',
  'сизнинг',
  'sizning',
  // "Перевод выполнен", "O'tkazma muvaffaqiyatli bajarildi", "Transfer completed": the state, never a name
  'выполнен',
  'выполнено',
  'исполнен',
  'проведен',
  'проведена',
  'vypolnen',
  'bajarildi',
  'бажарилди',
  'muvaffaqiyatli',
  'муваффақиятли',
  'amalga',
  'oshirildi',
  'амалга',
  'оширилди',
  'completed',
  'complete',
];

/** Words before a card mask that make it the sending card, or the receiving one. */
const FROM_WORDS = new Set([
  'sender',
  'otpravitel',
  'отправитель',
  'отправителя',
  'otpravitelya',
  'jonatuvchi',
  'yuboruvchi',
  'kimdan',
  'кимдан',
  'откуда',
  'жунатувчи',
  'юборувчи',
  'kartadan',
  'картадан',
  'from',
  's',
  'c',
  'с',
]);
const TO_WORDS = new Set([
  'receiver',
  'recipient',
  'poluchatel',
  'получатель',
  'получателя',
  'poluchatelya',
  'qabul',
  'oluvchi',
  'kimga',
  'кимга',
  'куда',
  'кабул',
  'олувчи',
  'kartaga',
  'картага',
  'to',
  'na',
  'на',
]);
/** Words of the "from X" pattern of money in: "Popolnenie ot KARIMOV A. na 500 000 UZS". */
const FROM_PERSON = new Set(['ot', 'от', 'from']);
/** Card words after which "debit"/"credit" is a card type, not an operation ("VISA DEBIT card"). */
const CARD_WORDS = new Set(['card', 'karta', 'карта']);
const CARD_TYPE_WORDS = new Set(['debit', 'credit']);

/** Currency words and signs after (or codes and signs before) an amount. */
const CURRENCY_AFTER_RE =
  /[ ]*(uzs|usd|rub|eur|сум|сўм|sum|so['‘’ʻʼ`]?m|soum|руб(?:лей|ля|\.)?|rubl(?:ey|ya)?|\$|€|₽|доллар(?:ов|а)?|dollar(?:s)?|евро|euro)(?![\p{L}\d])/uy;
const CURRENCY_BEFORE_RE = /(uzs|usd|rub|eur|\$|€|₽)[ ]*$/u;
const CURRENCY_OF: Record<string, Currency> = {
  uzs: 'UZS',
  usd: 'USD',
  rub: 'RUB',
  eur: 'EUR',
  $: 'USD',
  '€': 'EUR',
  '₽': 'RUB',
};

function currencyOf(word: string): Currency | null {
  const w = word.replace(/['‘’ʻʼ`.]/g, '');
  if (CURRENCY_OF[w] !== undefined) return CURRENCY_OF[w];
  if (w === 'сум' || w === 'сўм' || w === 'sum' || w === 'som' || w === 'soum') return 'UZS';
  if (w.startsWith('руб') || w.startsWith('rub')) return 'RUB';
  if (w.startsWith('доллар') || w.startsWith('dollar')) return 'USD';
  if (w === 'евро' || w === 'euro') return 'EUR';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Word scanning and phrase tables
// ---------------------------------------------------------------------------------------------------------------

interface Word {
  start: number;
  end: number;
  f: string;
}

const WORD_RE = /[\p{L}\p{M}]+(?:['‘’ʻʼ`´′][\p{L}\p{M}]+)*/gu;

function scanWords(low: string): Word[] {
  const out: Word[] = [];
  WORD_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WORD_RE.exec(low)) !== null) {
    const f = fold(m[0]);
    if (f.length > 0) out.push({ start: m.index, end: m.index + m[0].length, f });
  }
  return out;
}

interface Phrase<T> {
  words: string[];
  value: T;
}

/** Phrases by their first folded word, longest first. */
function phraseTable<T>(entries: Array<[string, T]>): Map<string, Array<Phrase<T>>> {
  const table = new Map<string, Array<Phrase<T>>>();
  for (const [text, value] of entries) {
    const words = scanWords(text.toLowerCase()).map((w) => w.f);
    if (words.length === 0) continue;
    const list = table.get(words[0]) ?? [];
    list.push({ words, value });
    list.sort((a, b) => b.words.length - a.words.length);
    table.set(words[0], list);
  }
  return table;
}

const OPERATION_TABLE = phraseTable(OPERATIONS);
const LABEL_TABLE = phraseTable(LABELS);
const NOISE_SET = new Set(NOISE.map((w) => fold(w)));

interface Match<T> {
  /** Word indexes [from, to). */
  from: number;
  to: number;
  start: number;
  end: number;
  value: T;
}

function matchAt<T>(table: Map<string, Array<Phrase<T>>>, words: Word[], i: number): Match<T> | null {
  const list = table.get(words[i].f);
  if (list === undefined) return null;
  for (const p of list) {
    if (i + p.words.length > words.length) continue;
    let ok = true;
    for (let k = 1; k < p.words.length && ok; k++) ok = words[i + k].f === p.words[k];
    if (ok)
      return {
        from: i,
        to: i + p.words.length,
        start: words[i].start,
        end: words[i + p.words.length - 1].end,
        value: p.value,
      };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Patterns: card masks, dates, times, amounts
// ---------------------------------------------------------------------------------------------------------------

/** "*1177", "***1177", "860012******4410", "8600 **** **** 1177", "•••• 1177", "8600xxxxxxxx1177". */
const MASK_RE = /(\d{4,8} ?(?:\d{2} ?)?)?((?:[*•∙·×x]+ ?){1,4})(\d{4})(?!\d)/g;
/** "Karta: 1177", "card 1177" (four digits right after a card word, not an amount). */
const LABELLED_CARD_RE =
  /(?:karta|карта|card|karty|карты|kartasi|ending in|ending|оканчивающейся на)[ ]*[:№#]?[ ]*(\d{4})(?![\d]|[.,]\d)/gu;
const DATE_ISO_RE = /(?<![\d.,])(\d{4})-(\d{2})-(\d{2})(?!\d)/g;
const DATE_DMY_RE = /(?<![\d.,])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[.,]\d)/g;
const DATE_DASH_RE = /(?<![\d.,-])(\d{2})-(\d{2})-(\d{2}|\d{4})(?![\d-])/g;
const DATE_DM_RE = /(?<![\d.,])(\d{2})\.(\d{2})(?![\d]|[.,]\d)/g;
const TIME_RE = /(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d:])/g;
/** Spaced groups ("1 200 000,50"), separator groups ("1.450.000,00", "1,450,000.00"), or plain ("125000.00"). */
const AMOUNT_RE =
  /(?<![\d.,])(\d{1,3}(?: \d{3})+(?:[.,]\d{1,2})?|\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?![\d]|[.,]\d)/g;
/** Quick looks before the full read (most phrases stop here): a digit, some currency, and a card, date, time or balance. */
const GATE_CURRENCY_RE = /uzs|usd|rub|eur|сум|сўм|sum|so.?m|soum|руб|\$|€|₽|доллар|dollar|евро|euro/i;
const GATE_SHAPE_RE =
  /[*•∙·×x] ?\d{4}|\d[./-]\d{1,2}[./-]\d\d|\d:\d\d|balans|баланс|balance|доступно|dostupno|qoldiq|қолдиқ|остаток|ostatok|available|mavjud|💰|karta|карта|card/i;

/** Signs glued to the number ("-38 000", "+500 000"); ➖ and ➕ may stand apart. */
const GLUED_MINUS = new Set(['-', '−']);
const GLUED_PLUS = new Set(['+']);
/** Emoji that lead a merchant line (HUMO bots use 📍). */
const MERCHANT_EMOJI = ['📍', '🏪', '🛒', '🏬'];
const BALANCE_EMOJI = '💰';
const MAX_TEXT = 3000;
const MAX_MERCHANT = 120;

interface Mask {
  start: number;
  end: number;
  last4: string;
  role: 'own' | 'from' | 'to';
}

interface DatePart {
  start: number;
  end: number;
  y: number;
  m: number;
  d: number;
}

interface TimePart {
  start: number;
  end: number;
  h: number;
  mi: number;
  s: number | null;
}

interface Amount {
  start: number;
  end: number;
  minor: bigint;
  currency: Currency;
  sign: Side | null;
  kind: 'plain' | 'labelled' | 'balance' | 'fee';
}

/** Lower case without changing the length (a few characters grow when lower-cased; they stay as they are). */
function lowerSameLength(s: string): string {
  const low = s.toLowerCase();
  if (low.length === s.length) return low;
  let out = '';
  for (const c of s) {
    const l = c.toLowerCase();
    out += l.length === c.length ? l : c;
  }
  return out;
}

function twoDigitYear(y: number): number {
  return y < 100 ? 2000 + y : y;
}

// ---------------------------------------------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------------------------------------------

/** Reads one forwarded notification; null when the text is not one (or not enough of one). Never throws. */
export function readCardNotification(text: string, options: CardReadOptions = {}): CardNotification | null {
  try {
    return read(text, options ?? {});
  } catch {
    return null;
  }
}

function read(text: string, options: CardReadOptions): CardNotification | null {
  if (typeof text !== 'string' || text.length < 10 || text.length > MAX_TEXT) return null;
  if (!/\d/.test(text) || !GATE_CURRENCY_RE.test(text) || !GATE_SHAPE_RE.test(text)) return null;
  const src = text.replace(/\r\n?/g, '\n').replace(/[\u00a0\u202f\u2007\u2009\t]/g, ' ');
  const low = lowerSameLength(src);
  const n = src.length;
  const taken = new Uint8Array(n);
  const take = (start: number, end: number) => taken.fill(1, start, end);
  /** The text with everything set aside so far blanked out (NUL), same length and indexes. */
  const visible = (base: string = low): string => {
    let out = '';
    let from = 0;
    for (let i = 0; i < n; i++) {
      if (taken[i]) {
        if (i > from) out += base.slice(from, i);
        out += '\u0000';
        from = i + 1;
      }
    }
    return out + base.slice(from);
  };

  // Words: operation words, labels, noise.
  const words = scanWords(low);
  let operation: Match<OperationWord> | null = null;
  let reversal = false;
  const labels: Array<Match<Label>> = [];
  /** Operation words and labels (they mark a line as the notification's); noise words apart. */
  const wordSpans: Array<Match<unknown>> = [];
  const noiseSpans: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const o = matchAt(OPERATION_TABLE, words, i);
    if (o !== null) {
      // "VISA DEBIT card": a card type, not the operation
      const cardType =
        CARD_TYPE_WORDS.has(words[i].f) && o.to < words.length && CARD_WORDS.has(words[o.to].f);
      if (!cardType) {
        if (o.value.reversal) reversal = true;
        // "Operatsiya: Pokupka": a word that tells the side wins over a generic "operation" before it
        else if (operation === null || (operation.value.operation === 'other' && o.value.side !== null))
          operation = o;
        wordSpans.push(o);
        i = o.to - 1;
        continue;
      }
    }
    const l = matchAt(LABEL_TABLE, words, i);
    if (l !== null && (!l.value.colon || /^[ ]*:/.test(low.slice(l.end, l.end + 4)))) {
      labels.push(l);
      wordSpans.push(l);
      i = l.to - 1;
      continue;
    }
    if (NOISE_SET.has(words[i].f)) noiseSpans.push(words[i]);
  }

  // Card masks.
  const masks: Mask[] = [];
  const addMask = (start: number, end: number, last4: string) => {
    if (taken[start] || taken[end - 1]) return;
    take(start, end);
    masks.push({ start, end, last4, role: 'own' });
  };
  MASK_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MASK_RE.exec(low)) !== null) {
    const maskChars = m[2].replace(/ /g, '');
    const xOnly = /^x+$/.test(maskChars);
    if (xOnly && (m[1] === undefined || maskChars.length < 4)) continue;
    const start = m.index;
    if (m[1] === undefined && start > 0 && /[\p{L}\d]/u.test(low[start - 1]) && xOnly) continue;
    addMask(start, start + m[0].length, m[3]);
  }
  LABELLED_CARD_RE.lastIndex = 0;
  while ((m = LABELLED_CARD_RE.exec(low)) !== null) {
    const end = m.index + m[0].length;
    addMask(end - 4, end, m[1]);
  }
  masks.sort((a, b) => a.start - b.start);
  for (const mask of masks) mask.role = maskRole(low, words, taken, mask);

  // Dates and times.
  let vis = visible();
  const dates: DatePart[] = [];
  const addDate = (start: number, end: number, y: number, mo: number, d: number): boolean => {
    if (!isCalendarDate(y, mo, d) || y < 2000 || y > 2099) return false;
    take(start, end);
    dates.push({ start, end, y, m: mo, d });
    return true;
  };
  for (const [re, kind] of [
    [DATE_ISO_RE, 'ymd'],
    [DATE_DMY_RE, 'dmy'],
    [DATE_DASH_RE, 'dash'],
  ] as const) {
    re.lastIndex = 0;
    while ((m = re.exec(vis)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken[start]) continue;
      if (kind === 'ymd') addDate(start, end, Number(m[1]), Number(m[2]), Number(m[3]));
      else if (kind === 'dmy') addDate(start, end, twoDigitYear(Number(m[4])), Number(m[3]), Number(m[1]));
      else if (m[3].length === 4) addDate(start, end, Number(m[3]), Number(m[2]), Number(m[1]));
      // two-digit year first ("26-12-01", the semicolon family); day first when that is no date
      else if (!addDate(start, end, twoDigitYear(Number(m[1])), Number(m[2]), Number(m[3]))) {
        addDate(start, end, twoDigitYear(Number(m[3])), Number(m[2]), Number(m[1]));
      }
    }
    vis = visible();
  }
  const times: TimePart[] = [];
  TIME_RE.lastIndex = 0;
  while ((m = TIME_RE.exec(vis)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    take(start, end);
    times.push({
      start,
      end,
      h: Number(m[1]),
      mi: Number(m[2]),
      s: m[3] === undefined ? null : Number(m[3]),
    });
  }
  vis = visible();
  dates.sort((a, b) => a.start - b.start);
  // Day and month only ("01.12 09:12"): only right next to a time, and only when we know the year.
  if (dates.length === 0 && times.length > 0 && options.now instanceof Date) {
    DATE_DM_RE.lastIndex = 0;
    while ((m = DATE_DM_RE.exec(vis)) !== null) {
      const start = m.index;
      const end = start + m[0].length;
      if (!times.some((t) => Math.abs(t.start - end) <= 3 || Math.abs(start - t.end) <= 3)) continue;
      const today = localToday(options.now, options.timeZone ?? DEFAULT_TIME_ZONE);
      const date = mostRecentDayMonth(today, Number(m[1]), Number(m[2]));
      if (date !== null && addDate(start, end, date.y, date.m, date.d)) break;
    }
    vis = visible();
  }

  // Amounts.
  const amounts: Amount[] = [];
  AMOUNT_RE.lastIndex = 0;
  while ((m = AMOUNT_RE.exec(vis)) !== null) {
    const numStart = m.index;
    const numEnd = numStart + m[0].length;
    const micro = parseDigitString(m[0]);
    if (micro === null || micro % 10_000n !== 0n) continue;
    const minor = micro / 10_000n;
    if (minor < 1n || minor > MAX_AMOUNT_MINOR) continue;
    let start = numStart;
    let end = numEnd;
    let currency: Currency | null = null;
    CURRENCY_AFTER_RE.lastIndex = numEnd;
    const after = CURRENCY_AFTER_RE.exec(vis);
    if (after !== null) {
      currency = currencyOf(after[1]);
      end = numEnd + after[0].length;
    }
    if (currency === null) {
      const from = Math.max(0, numStart - 8);
      const before = CURRENCY_BEFORE_RE.exec(vis.slice(from, numStart));
      const codeStart = before === null ? -1 : from + before.index;
      if (before !== null && (codeStart === 0 || !/\p{L}/u.test(vis[codeStart - 1]))) {
        currency = currencyOf(before[1]);
        start = codeStart;
      }
    }
    if (currency === null) continue;
    amounts.push({ start, end, minor, currency, sign: signBefore(vis, start, amounts), kind: 'plain' });
    take(start, end);
    AMOUNT_RE.lastIndex = end;
  }
  for (let k = 0; k < amounts.length; k++) {
    amounts[k].kind = amountKind(vis, labels, amounts[k].start, k > 0 ? amounts[k - 1].end : 0);
  }
  // The user's own words typed above (or below) the pasted notification: never part of its reading.
  const note = userNote(src, words, wordSpans, taken);
  for (const part of note.spans) take(part.start, part.end);

  const candidates = amounts.filter((a) => a.kind === 'plain' || a.kind === 'labelled');
  const pick =
    candidates.find((a) => a.sign !== null) ?? candidates.find((a) => a.kind === 'labelled') ?? candidates[0];
  if (pick === undefined) return null;
  const balance = amounts.find((a) => a.kind === 'balance') ?? null;

  // Enough of the shape?
  const from = masks.find((x) => x.role === 'from');
  const to = masks.find((x) => x.role === 'to');
  const own = masks.find((x) => x.role === 'own');
  const twoSided = from !== undefined && to !== undefined && from.last4 !== to.last4;
  // "Summa: …" beside "Merchant: …" or "Otpravitel: …" says what the operation was without an operation word
  const nameLabel = labels.find((l) => l.value.role === 'merchant' || l.value.role === 'sender');
  const labelledOperation = pick.kind === 'labelled' && nameLabel !== undefined;
  if (operation === null && pick.sign === null && !twoSided && !reversal && !labelledOperation) return null;
  const date = dates[0] ?? null;
  const time = date !== null ? nearestTime(times, date) : (times[0] ?? null);
  if (masks.length === 0 && balance === null && (date === null || time === null)) return null;

  // Direction.
  const opWord = operation?.value ?? null;
  const senderLabel = labels.find((l) => l.value.role === 'sender');
  let direction: CardDirection;
  let sideShown = true;
  if (pick.sign !== null) direction = pick.sign;
  else if (opWord !== null && opWord.side !== null) direction = opWord.side;
  else if (twoSided) direction = 'unknown';
  else if (senderLabel !== undefined || fromPerson(low, words, taken) !== null) direction = 'income';
  else {
    direction = 'expense';
    // A neutral word with the user's card only ("Перевод 200 000 сум, карта *1177") or the receiving card only
    // ("Perevod na kartu ***1177": the user's, or the one they sent to?): most likely money out, not shown. A sending
    // card ("s karty ***1177") or a merchant shows it.
    sideShown = from !== undefined || nameLabel?.value.role === 'merchant';
  }
  if (direction === 'unknown') sideShown = false;
  const operationKind: CardOperation = opWord?.operation ?? (twoSided ? 'transfer' : 'other');

  // Cards: the user's side and the other side.
  let card: string | null;
  let otherCard: string | null;
  if (direction === 'unknown') {
    card = from!.last4;
    otherCard = to!.last4;
  } else if (own !== undefined) {
    card = own.last4;
    otherCard = (direction === 'expense' ? to : from)?.last4 ?? null;
  } else if (direction === 'expense') {
    card = from?.last4 ?? null;
    otherCard = to?.last4 ?? null;
  } else {
    card = to?.last4 ?? null;
    otherCard = from?.last4 ?? null;
  }
  if (otherCard === card) otherCard = null;

  // Merchant or counterparty.
  const names = readNames(src, low, words, labels, masks, taken);
  for (const w of wordSpans) if (!insideName(low, words, taken, w)) take(w.start, w.end);
  for (const w of noiseSpans) if (initialEnd(low, w) < 0) take(w.start, w.end);
  const person = fromPerson(low, words, taken);
  let merchant: string;
  const pinned = emojiValue(src, MERCHANT_EMOJI);
  if (direction === 'unknown') merchant = names.receiver || pinned || '';
  else if (direction === 'income')
    merchant =
      pinned ||
      names.sender ||
      (person !== null ? clean(src.slice(person.start, person.end)) : '') ||
      names.merchant;
  else merchant = pinned || names.merchant || names.receiver;
  if (!merchant) merchant = fallbackMerchant(src, visible(src), operation);

  // Time stamp.
  const timeZone = options.timeZone ?? DEFAULT_TIME_ZONE;
  let occurredAt: Date | null = null;
  let localDate: string | null = null;
  let localTime: string | null = null;
  if (date !== null) {
    localDate = formatDate({ y: date.y, m: date.m, d: date.d });
    if (time !== null) {
      localTime = clock(time);
      occurredAt = zonedTimeToUtc(timeZone, date.y, date.m, date.d, time.h, time.mi, time.s ?? 0);
    } else {
      occurredAt = zonedTimeToUtc(timeZone, date.y, date.m, date.d, 12);
    }
  } else if (time !== null && options.now instanceof Date && Number.isFinite(options.now.getTime())) {
    // A time without a date: the latest such moment not after the message.
    const today = localToday(options.now, timeZone);
    let at = zonedTimeToUtc(timeZone, today.y, today.m, today.d, time.h, time.mi, time.s ?? 0);
    let day = today;
    if (at.getTime() > options.now.getTime() + 5 * 60_000) {
      const prev = new Date(Date.UTC(today.y, today.m - 1, today.d - 1));
      day = { y: prev.getUTCFullYear(), m: prev.getUTCMonth() + 1, d: prev.getUTCDate() };
      at = zonedTimeToUtc(timeZone, day.y, day.m, day.d, time.h, time.mi, time.s ?? 0);
    }
    occurredAt = at;
    localDate = formatDate(day);
    localTime = clock(time);
  }

  const language: Language =
    opWord?.lang ??
    labelLanguage(labels) ??
    (/[ўқғҳ]/i.test(src) ? 'uz' : /[\u0400-\u04ff]/.test(src) ? 'ru' : 'en');
  // Without a date the balance after the operation tells two operations apart; without either, only the merchant can.
  const stamp =
    localDate !== null
      ? `${localDate}T${localTime ?? ''}`
      : balance !== null
        ? `b${balance.minor}`
        : `m${merchant.toLowerCase().slice(0, 40)}`;
  const fingerprint = `${card ?? ''}>${otherCard ?? ''}|${stamp}|${pick.minor}${pick.currency}|${direction}`;
  return {
    language,
    operation: operationKind,
    direction,
    amountMinor: pick.minor,
    currency: pick.currency,
    merchant,
    card,
    otherCard,
    transfer: twoSided ? { senderName: names.sender, receiverName: names.receiver } : null,
    sideShown,
    note: note.text,
    occurredAt,
    localDate,
    localTime,
    reversal,
    balanceMinor: balance?.minor ?? null,
    balanceCurrency: balance?.currency ?? null,
    fingerprint,
  };
}

/** The language most labels are in ("Карта" is Russian and Uzbek; "Сана", "Вақт", "Қолдиқ" say Uzbek), or null. */
function labelLanguage(labels: Array<Match<Label>>): Language | null {
  const count: Record<Language, number> = { ru: 0, uz: 0, en: 0 };
  let first: Language | null = null;
  for (const l of labels) {
    if (l.value.lang === null) continue;
    first ??= l.value.lang;
    count[l.value.lang]++;
  }
  if (first === null) return null;
  let best: Language = first;
  for (const lang of ['ru', 'uz', 'en'] as const) if (count[lang] > count[best]) best = lang;
  return best;
}

function clock(t: TimePart): string {
  const two = (v: number) => String(v).padStart(2, '0');
  return `${two(t.h)}:${two(t.mi)}${t.s === null ? '' : `:${two(t.s)}`}`;
}

function nearestTime(times: TimePart[], date: DatePart): TimePart | null {
  let best: TimePart | null = null;
  let bestDist = Number.MAX_SAFE_INTEGER;
  for (const t of times) {
    const dist = t.start >= date.end ? t.start - date.end : date.start - t.end;
    if (dist < bestDist) {
      best = t;
      bestDist = dist;
    }
  }
  return best;
}

/** The start of the line, `;`-field or sentence that `pos` is in (a stop after a lone capital is an initial: "A."). */
function fieldStart(vis: string, pos: number, floor: number): number {
  for (let i = pos - 1; i >= floor; i--) {
    const c = vis[i];
    if (c === '\n' || c === ';') return i + 1;
    if (c === '.' && (vis[i + 1] === ' ' || vis[i + 1] === '\n') && !isInitial(vis, i)) return i + 1;
  }
  return floor;
}

/**
 * An initial before a stop: one letter ("A."), an Uzbek digraph ("SH.", "CH.") or a letter with its apostrophe
 * ("O'.", "G'."), standing alone — "YUSUPOV SH." keeps its stop, "BAKERY." does not.
 */
const INITIAL_RE = /(?:^|[^\p{L}'‘’ʻʼ`])(?:\p{L}|[sScC][hH]|[oOgG]['‘’ʻʼ`])$/u;

function isInitial(s: string, dot: number): boolean {
  return dot >= 1 && INITIAL_RE.test(s.slice(Math.max(0, dot - 4), dot));
}

/** The end of an initial word with its stop ("V." after a name, though "v" is also a preposition), or -1. */
function initialEnd(low: string, w: Word): number {
  let end = w.end;
  if (/['‘’ʻʼ`]/.test(low[end] ?? '')) end++;
  return low[end] === '.' && isInitial(low, end) ? end + 1 : -1;
}

/** Is the amount at `start` the balance, a fee, a labelled amount ("Summa:") or plain? */
function amountKind(vis: string, labels: Array<Match<Label>>, start: number, floor: number): Amount['kind'] {
  const fs = fieldStart(vis, start, floor);
  const prefix = vis.slice(fs, start);
  let role: LabelRole | null = null;
  for (const l of labels) if (l.start >= fs && l.end <= start) role = pickRole(role, l.value.role);
  // 💰 leads the balance line of card bots, unless the line says what it is ("💰 Сумма: …")
  if (role === null && prefix.includes(BALANCE_EMOJI)) role = 'balance';
  if (role === null && fs > 0 && vis[fs - 1] === '\n' && !/\p{L}/u.test(prefix)) {
    // "Доступно:" alone on the line above the number
    const prevStart = vis.lastIndexOf('\n', fs - 2) + 1;
    const own = labels.filter((l) => l.start >= prevStart && l.end <= fs - 1);
    const line = vis.slice(prevStart, fs - 1);
    if (
      own.length === 1 &&
      (line.slice(0, own[0].start - prevStart) + line.slice(own[0].end - prevStart)).replace(
        /[\s:\-–—]/g,
        '',
      ) === ''
    ) {
      role = own[0].value.role;
    }
  }
  if (role === 'balance' || role === 'fee') return role;
  return role === 'amount' ? 'labelled' : 'plain';
}

/** The strongest label of a field: a balance or fee label makes it never the amount. */
function pickRole(current: LabelRole | null, next: LabelRole): LabelRole {
  const rank = (r: LabelRole | null) =>
    r === 'balance' || r === 'fee' ? 3 : r === 'amount' ? 2 : r === null ? 0 : 1;
  return rank(next) >= rank(current) ? next : (current as LabelRole);
}

/** ➖/➕ before the amount (or the currency code before it), "-"/"+" glued to it, or ➖/➕ leading its line. */
function signBefore(vis: string, start: number, earlier: Amount[]): Side | null {
  if (start > 0) {
    const c = vis[start - 1];
    const free = start === 1 || /[\s:(]/.test(vis[start - 2]);
    if (GLUED_MINUS.has(c) && free) return 'expense';
    if (GLUED_PLUS.has(c) && free) return 'income';
  }
  let i = start - 1;
  while (i >= 0 && (vis[i] === ' ' || vis[i] === '\ufe0f')) i--;
  if (i >= 0 && vis[i] === '➖') return 'expense';
  if (i >= 0 && vis[i] === '➕') return 'income';
  const lineStart = vis.lastIndexOf('\n', start - 1) + 1;
  if (earlier.some((a) => a.start >= lineStart)) return null;
  const lead = vis.slice(lineStart, start).trimStart();
  if (lead.startsWith('➖')) return 'expense';
  if (lead.startsWith('➕')) return 'income';
  return null;
}

/** Is the card mask the sending card ("Sender 8600…", "s karty ***1177"), the receiving one, or the notification's? */
function maskRole(low: string, words: Word[], taken: Uint8Array, mask: Mask): Mask['role'] {
  let floor = 0;
  for (let i = mask.start - 1; i >= 0; i--) {
    const c = low[i];
    if (c === '\n' || c === ';' || c === ',' || (taken[i] && i < mask.start)) {
      floor = i + 1;
      break;
    }
  }
  let before = words.filter((w) => w.start >= floor && w.end <= mask.start).slice(-4);
  if (
    before.length === 0 &&
    floor > 0 &&
    low[floor - 1] === '\n' &&
    /^[ :\-–—]*$/.test(low.slice(floor, mask.start))
  ) {
    // "Отправитель" alone on the line above the card number
    const prevStart = low.lastIndexOf('\n', floor - 2) + 1;
    const above = words.filter((w) => w.start >= prevStart && w.end < floor);
    const plain = above.every(
      (w) => FROM_WORDS.has(w.f) || TO_WORDS.has(w.f) || LABEL_TABLE.has(w.f) || NOISE_SET.has(w.f),
    );
    if (above.length <= 3 && plain && !taken.subarray(prevStart, floor).includes(1)) before = above;
  }
  for (let k = before.length - 1; k >= 0; k--) {
    if (FROM_WORDS.has(before[k].f)) return 'from';
    if (TO_WORDS.has(before[k].f)) return 'to';
  }
  return 'own';
}

/**
 * An operation word right after a word of a name ("SALARY PAYMENT", "P2P TRANSFER") is part of the name, not the
 * operation said again.
 */
function insideName(low: string, words: Word[], taken: Uint8Array, span: Match<unknown>): boolean {
  if (span.from === 0 || !OPERATION_TABLE.has(words[span.from].f)) return false;
  const prev = words[span.from - 1];
  return (
    /^ +$/.test(low.slice(prev.end, span.start)) &&
    !taken[prev.start] &&
    !NOISE_SET.has(prev.f) &&
    !OPERATION_TABLE.has(prev.f) &&
    !LABEL_TABLE.has(prev.f)
  );
}

/**
 * The user's own words pasted with a notification: the lines above its first line (or below its last) that hold
 * none of its parts, typed by a person (some lower-case letters, where banks print merchants in capitals) and saying
 * something about money — a verb or a money noun of the phrase lexicons ("пришло от Жасура 👇", "оплатил садик",
 * "акамдан келди", "sent the rent to landlord"). Lines without such a word are read as before (a merchant line).
 */
function userNote(
  src: string,
  words: Word[],
  marks: Array<{ start: number; end: number }>,
  taken: Uint8Array,
): { text: string; spans: Array<{ start: number; end: number }> } {
  const lines: Array<{ start: number; end: number; ours: boolean }> = [];
  for (let pos = 0; pos <= src.length;) {
    const nl = src.indexOf('\n', pos);
    const end = nl < 0 ? src.length : nl;
    const ours = taken.subarray(pos, end).includes(1) || marks.some((m) => m.start >= pos && m.start < end);
    lines.push({ start: pos, end, ours });
    pos = end + 1;
  }
  const first = lines.findIndex((l) => l.ours);
  if (first < 0) return { text: '', spans: [] };
  let last = lines.length - 1;
  while (!lines[last].ours) last--;
  const texts: string[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  for (const [start, end] of [
    [0, lines[first].start],
    [lines[last].end, src.length],
  ]) {
    if (end <= start || !/\p{Ll}/u.test(src.slice(start, end))) continue;
    const says = words.some((w) => {
      if (w.start < start || w.end > end) return false;
      const info = analyze(w.f);
      return info.verb !== undefined || info.cue !== undefined;
    });
    if (!says) continue;
    texts.push(src.slice(start, end).trim());
    spans.push({ start, end });
  }
  return { text: texts.join('\n'), spans };
}

/**
 * "ot KARIMOV A. na …": the span of the name after "ot"/"от"/"from" — up to the field's end, a set-aside part, or a
 * word that is no name ("na", a label, a card word); at most five words.
 */
function fromPerson(low: string, words: Word[], taken: Uint8Array): { start: number; end: number } | null {
  for (let i = 0; i < words.length - 1; i++) {
    if (!FROM_PERSON.has(words[i].f)) continue;
    let end = -1;
    for (let j = i + 1; j < words.length && j - i <= 5; j++) {
      const w = words[j];
      const initial = initialEnd(low, w);
      if (taken[w.start]) break;
      if (initial < 0 && (NOISE_SET.has(w.f) || LABEL_TABLE.has(w.f) || OPERATION_TABLE.has(w.f))) break;
      if (
        /[\n;\u0000]/.test(low.slice(words[j - 1].end, w.start)) ||
        taken.subarray(words[j - 1].end, w.start).includes(1)
      )
        break;
      end = initial >= 0 ? initial : w.end;
    }
    if (end >= 0) return { start: words[i + 1].start, end };
  }
  return null;
}

/**
 * The values of merchant / sender / receiver labels ("Magazin: X", "Sender name X"), as written: the rest of the
 * label's field, past a card number that comes first ("Жўнатувчи: 8600 **** **** 3412, MIRZAEV B."), up to the
 * next label or part; the next line when the label stands alone on its own ("Savdo nuqtasi:" ⏎ "KORZINKA").
 * Operation and card words inside a name stay in it ("GLOBALPAY TRANSFER"), at its ends they do not.
 */
function readNames(
  src: string,
  low: string,
  words: Word[],
  labels: Array<Match<Label>>,
  masks: Mask[],
  taken: Uint8Array,
): { merchant: string; sender: string; receiver: string } {
  const out = { merchant: '', sender: '', receiver: '' };
  const labelAt = new Set(labels.map((l) => l.start));
  const inMask = (i: number) => masks.some((m) => i >= m.start && i < m.end);
  const lineEnd = (i: number) => {
    const e = low.indexOf('\n', i);
    return e < 0 ? low.length : e;
  };
  /** The name from `i` to the field's end; '' when the field holds none. */
  const valueAt = (i: number): { text: string } => {
    while (i < low.length && (/[ :\-–—,.]/.test(low[i]) || inMask(i))) i++;
    let j = i;
    while (
      j < low.length &&
      low[j] !== '\n' &&
      low[j] !== ';' &&
      !(taken[j] && !inMask(j)) &&
      !(j > i && labelAt.has(j)) &&
      !(low[j] === ',' && low[j + 1] === ' ')
    )
      j++;
    return { text: nameWithin(src, low, words, i, j) };
  };
  for (const l of labels) {
    const role = l.value.role;
    if (role !== 'merchant' && role !== 'sender' && role !== 'receiver') continue;
    if (out[role]) continue;
    let at = valueAt(l.end);
    // the label alone on its line: the value is on the next line (past a line with the card number only), unless
    // that line is a label's own
    for (let line = lineEnd(l.end) + 1, k = 0; !at.text && k < 2 && line < low.length; k++) {
      if (labels.some((x) => x.start >= line && x.start < lineEnd(line))) break;
      at = valueAt(line);
      line = lineEnd(line) + 1;
    }
    if (at.text) out[role] = at.text;
  }
  return out;
}

/**
 * The name between `from` and `to`: without card and operation words before it or card words after it ("Merchant:
 * karta SAFIA"), an initial kept ("ALI V." though "v" is also a preposition), cleaned.
 */
function nameWithin(src: string, low: string, words: Word[], from: number, to: number): string {
  const inside = words.filter((w) => w.start >= from && w.end <= to);
  const isNoise = (w: Word) => NOISE_SET.has(w.f) && initialEnd(low, w) < 0;
  let a = 0;
  let b = inside.length;
  while (a < b && (isNoise(inside[a]) || (inside[a].f.length > 2 && OPERATION_TABLE.has(inside[a].f)))) a++;
  while (b > a && isNoise(inside[b - 1])) b--;
  if (a === b) return '';
  const start = a === 0 ? from : inside[a].start;
  const end = b === inside.length ? to : inside[b - 1].end;
  return clean(src.slice(start, end));
}

/** The rest of the line after the first of the emoji ("📍 MAKRO YUNUSABAD"; "🏪 Магазин: MAKRO" without its label). */
function emojiValue(src: string, emoji: readonly string[]): string {
  for (const e of emoji) {
    const at = src.indexOf(e);
    if (at < 0) continue;
    const end = src.indexOf('\n', at);
    const line = src.slice(at + e.length, end < 0 ? src.length : end);
    const labelled = /^\s*[\p{L} ]{2,30}:\s*(.*)$/u.exec(line);
    const value = clean(
      labelled !== null && matchAt(LABEL_TABLE, scanWords(line.toLowerCase()), 0) !== null
        ? labelled[1]
        : line,
    );
    if (value) return value;
  }
  return '';
}

/** Trimmed of spaces and punctuation at both ends (a final initial's stop kept: "KARIMOV A."), at most MAX_MERCHANT. */
function clean(text: string): string {
  let t = text
    .replace(/\ufe0f/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  t = t.replace(/^[\s,.:;\-–—*#№"'«»()]+/u, '');
  const initial = t.endsWith('.') && isInitial(t, t.length - 1) && /\p{Lu}/u.test(t.slice(-3));
  const initialTail = initial ? (/['‘’ʻʼ`]?\.$/u.exec(t)?.[0] ?? '.') : '';
  t = t.replace(/[\s,.:;\-–—*#№"'«»(]+$/u, '') + initialTail;
  // "ООО ОРИЕНТ (ЗАРПЛАТА)": a bracket the name opened is closed
  if ((t.match(/\(/g) ?? []).length > (t.match(/\)/g) ?? []).length) t += ')';
  if (!/\p{L}.*\p{L}/su.test(t)) return '';
  return t.length > MAX_MERCHANT ? t.slice(0, MAX_MERCHANT).trim() : t;
}

const FRAGMENT_SPLIT_RE =
  /[\n;\u0000]|[,:](?=\s|$)|(?<!(?:^|[^\p{L}'‘’ʻʼ`])(?:\p{Lu}|[SC][Hh]|[OG]['‘’ʻʼ`]))\.(?=\s|$)/u;

/**
 * With everything recognised set aside, the free text left: the first piece after the operation word (else the
 * last before it) is the merchant — "Pokupka: SAFIA BAKERY, 38 000.00 UZS …", "…; SAFIA BAKERY; …".
 */
function fallbackMerchant(src: string, vis: string, operation: Match<OperationWord> | null): string {
  const pieces: Array<{ start: number; text: string }> = [];
  let pos = 0;
  const rest = vis;
  while (pos <= rest.length) {
    const m = FRAGMENT_SPLIT_RE.exec(rest.slice(pos));
    const end = m === null ? rest.length : pos + m.index;
    const text = clean(src.slice(pos, end).replace(/[\p{Extended_Pictographic}\u2795\u2796]/gu, ' '));
    // "Joy: CHAYXANA NAVRUZ": words before a colon with a value after it are a label (one we do not know)
    const label = m !== null && m[0] === ':' && /^ *[\p{L}\d]/u.test(rest.slice(end + 1));
    if (text && !label && /\p{L}{2}/u.test(text)) pieces.push({ start: pos, text });
    if (m === null) break;
    pos = end + Math.max(1, m[0].length);
  }
  if (pieces.length === 0) return '';
  if (operation === null) return pieces[0].text;
  const after = pieces.find((p) => p.start >= operation.end);
  if (after !== undefined) return after.text;
  return pieces[pieces.length - 1].text;
}

// ---------------------------------------------------------------------------------------------------------------
// As a phrase parse result
// ---------------------------------------------------------------------------------------------------------------

/**
 * How the phrase parser reads the user's own words forwarded with a notification (`note`): the parser passes
 * itself here, so the words are read with all its rules ("мне скинул" is money in, "akamdan keldi" a gift).
 */
export type NoteReader = (note: string) => ParseResult;

/** What the user's words say: a side, a category of that side, a description; null when they say no side. */
function noteSays(
  card: CardNotification,
  readNote: NoteReader | undefined,
): { type: TransactionType; category: CategoryKey; description: string } | null {
  if (card.note === '' || readNote === undefined) return null;
  let result: ParseResult;
  try {
    result = readNote(card.note);
  } catch {
    return null; // words the parser cannot read leave the notification as it is
  }
  const item = result.intent === 'transaction' ? result.items[0] : undefined;
  if (item === undefined) return null;
  return { type: item.type, category: item.category, description: item.description };
}

/**
 * The reading with the side the user's words tell, when the notification itself does not (`sideShown` false): a
 * transfer receipt is money in from its sender ("пришло от Жасура") or out to its receiver; the counterparty is the
 * other side's name, else what the words name. The fingerprint stays the notification's.
 */
function withSide(card: CardNotification, type: TransactionType, description: string): CardNotification {
  if (card.direction === 'unknown' && card.card !== null && card.otherCard !== null) {
    const names = card.transfer ?? { senderName: '', receiverName: card.merchant };
    return type === 'income'
      ? {
          ...card,
          direction: 'income',
          card: card.otherCard,
          otherCard: card.card,
          merchant: names.senderName || description,
        }
      : { ...card, direction: 'expense', merchant: names.receiverName || description };
  }
  // a neutral operation read as money out: money in arrives on the card shown (the user's, or the receiving one)
  if (type === 'income' && card.direction === 'expense') {
    return {
      ...card,
      direction: 'income',
      card: card.card ?? card.otherCard,
      otherCard: null,
      merchant: card.merchant || description,
    };
  }
  return { ...card, direction: type, merchant: card.merchant || description };
}

/**
 * The parse result of a notification: one transaction dated with the notification's local date, the merchant as
 * description and its category (docs/card-notifications.md). The user's own words forwarded with it decide the side
 * the notification does not show and name the category (`readNote`: the phrase parser); without them a transfer
 * receipt of unknown side reads as an expense here. A reversal is an `undo` with no items. `card` carries the whole
 * reading (with the side the words told) for the bot.
 */
export function cardNotificationResult(
  card: CardNotification,
  options: ParseOptions,
  readNote?: NoteReader,
): ParseResult {
  const language =
    options.language !== undefined && options.language !== 'auto' ? options.language : card.language;
  if (card.reversal) return { language, intent: 'undo', items: [], card };
  const said = noteSays(card, readNote);
  const reading = said !== null && !card.sideShown ? withSide(card, said.type, said.description) : card;
  const type: TransactionType = reading.direction === 'income' ? 'income' : 'expense';
  // the user's words name what it was for ("оплатил садик"), unless they speak of the other side
  const named = said !== null && said.type === type && said.category !== 'other' ? said.category : null;
  const date =
    reading.localDate ?? formatDate(localToday(options.now, options.timeZone ?? DEFAULT_TIME_ZONE));
  return {
    language,
    intent: 'transaction',
    items: [
      {
        type,
        amountMinor: reading.amountMinor,
        currency: reading.currency,
        category: named ?? merchantCategory(reading.merchant, type) ?? 'other',
        description: reading.merchant,
        date,
      },
    ],
    card: reading,
    // "оплатил садик, в семью" forwarded with it: the record goes to the household wallet (docs/phrases.md)
    ...(card.note !== '' && saysHouseholdWallet(card.note) ? { wallet: 'household' as const } : {}),
  };
}
