/**
 * Compiles the per-language lexicons (lexicon.ru.ts, lexicon.uz.ts, lexicon.en.ts) into lookup maps once, at module
 * load, and analyses a folded word against all of them. Word analyses are cached (bounded), so a stream of phrases
 * costs a few Map lookups per word.
 */
import type { Currency } from '../../common/money';
import { EN } from './lexicon.en';
import { RU } from './lexicon.ru';
import type { CategoryHit, LexiconSource, NumberKind, VerbHit } from './lexicon.types';
import { UZ } from './lexicon.uz';
import type { CategoryKey, ExpenseCategory, Language, TransactionType } from './nlu.types';
import { foldKey, parseDigitString } from './normalize';
import { latinToCyrillic } from './translit';
import { FuzzyIndex } from './fuzzy';
import { REAL_WORDS } from './real-words';

export const LANG_BIT: Record<Language, number> = { ru: 1, uz: 2, en: 4 };

interface StemEntry<T> {
  value: T;
  maxExtra: number;
  weight: number;
  langs: number;
}

/** Longest-prefix map: a word matches a key when it starts with it and has at most maxExtra more letters. */
export class StemMap<T> {
  private readonly map = new Map<string, StemEntry<T>[]>();
  private maxLen = 0;

  add(pattern: string, value: T, lang: Language, weightOverride?: number): void {
    let p = pattern;
    let weight = 2;
    if (p.endsWith('^')) {
      weight = 3;
      p = p.slice(0, -1);
    } else if (p.endsWith('?')) {
      weight = 1;
      p = p.slice(0, -1);
    }
    if (weightOverride !== undefined) weight = weightOverride;
    let maxExtra = Number.MAX_SAFE_INTEGER;
    if (p.startsWith('=')) {
      maxExtra = 0;
      p = p.slice(1);
    } else {
      const tilde = p.lastIndexOf('~');
      if (tilde > 0) {
        maxExtra = Number.parseInt(p.slice(tilde + 1), 10) || 0;
        p = p.slice(0, tilde);
      }
    }
    const key = foldKey(p);
    if (key.length === 0) return;
    const list = this.map.get(key) ?? [];
    const same = list.find((e) => e.value === value && e.maxExtra === maxExtra);
    if (same) same.langs |= LANG_BIT[lang];
    else list.push({ value, maxExtra, weight, langs: LANG_BIT[lang] });
    this.map.set(key, list);
    if (key.length > this.maxLen) this.maxLen = key.length;
  }

  /** Every key (folded). */
  keys(): IterableIterator<string> {
    return this.map.keys();
  }

  /** Entries of the longest key matching `word`. */
  lookup(word: string): StemEntry<T>[] | undefined {
    return this.lookupKeyed(word)?.entries;
  }

  /** The longest key matching `word` and its entries. */
  lookupKeyed(word: string): { key: string; entries: StemEntry<T>[] } | undefined {
    for (let len = Math.min(word.length, this.maxLen); len >= 1; len--) {
      const key = len === word.length ? word : word.slice(0, len);
      const list = this.map.get(key);
      if (list === undefined) continue;
      const extra = word.length - len;
      const ok = list.filter((e) => e.maxExtra >= extra);
      if (ok.length > 0) return { key, entries: ok };
    }
    return undefined;
  }
}

export interface NumberWord {
  kind: NumberKind;
  micro: bigint;
  needsNext: boolean;
  needsPrev: boolean;
}

export interface WordInfo {
  num?: NumberWord;
  currency?: Currency;
  verb?: VerbHit;
  /** расход / доход nouns */
  cue?: TransactionType;
  cats?: CategoryHit[];
  /** The lexicon stem the category hits came from ("такси" for "таксига", "бензин" for "бензина"). */
  catStem?: string;
  purchaseAlt?: ExpenseCategory;
  purchase?: boolean;
  dayBack?: number;
  weekday?: number;
  dateUnit?: number;
  ago?: boolean;
  month?: number;
  nonMoney?: boolean;
  stop?: boolean;
  conj?: boolean;
  toMe?: boolean;
  /** Bit set of languages whose lexicon knows this word. */
  langs: number;
  /** The word was read as another one: Russian typed in Latin letters ("potratil" → "потратил") or a typo. */
  readAs?: string;
}

const SOURCES: LexiconSource[] = [RU, UZ, EN];

const numbers = new Map<string, NumberWord & { langs: number }>();
const currencies = new StemMap<Currency>();
const verbs = new StemMap<VerbHit>();
const cues = new StemMap<TransactionType>();
const categories = new StemMap<CategoryHit>();
const purchaseAlts = new StemMap<ExpenseCategory>();
const purchaseVerbs = new StemMap<true>();
const dayWords = new StemMap<number>();
const weekdays = new StemMap<number>();
const dateUnits = new StemMap<number>();
const agoWords = new StemMap<true>();
const months = new StemMap<number>();
const nonMoney = new StemMap<true>();
const stopwords = new StemMap<true>();
const conjunctions = new StemMap<true>();
const toMe = new StemMap<true>();
/** Multi-word day expressions ("o'tgan kuni", "day before yesterday"): folded word lists → days back. */
export const DAY_PHRASES: Array<{ words: string[]; days: number }> = [];

function words(list: string): string[] {
  return list.split(/\s+/).filter((w) => w.length > 0);
}

function exact(w: string): string {
  return w.startsWith('=') ? w : `=${w}`;
}

function splitHint(pattern: string): [string, CategoryKey | undefined] {
  const i = pattern.indexOf(':');
  if (i <= 0) return [pattern, undefined];
  const hint = pattern.slice(i + 1);
  // keep a trailing weight marker with the stem
  const mark = hint.endsWith('^') || hint.endsWith('?') ? hint.slice(-1) : '';
  return [pattern.slice(0, i) + mark, (mark ? hint.slice(0, -1) : hint) as CategoryKey];
}

for (const src of SOURCES) {
  const lang = src.lang;
  for (const [forms, kind, value, needsNext, needsPrev] of src.numbers) {
    const micro = parseDigitString(value) ?? 0n;
    for (const w of words(forms)) {
      const key = foldKey(w);
      const prev = numbers.get(key);
      if (prev) prev.langs |= LANG_BIT[lang];
      else
        numbers.set(key, {
          kind,
          micro,
          needsNext: needsNext === true,
          needsPrev: needsPrev === true,
          langs: LANG_BIT[lang],
        });
    }
  }
  for (const [cur, list] of Object.entries(src.currencies)) {
    for (const w of words(list ?? '')) currencies.add(exact(w), cur as Currency, lang);
  }
  for (const p of words(src.expenseVerbs)) {
    const [stem, hint] = splitHint(p);
    verbs.add(stem, { type: 'expense', hint, weight: 2 }, lang);
  }
  for (const p of words(src.incomeVerbs)) {
    const [stem, hint] = splitHint(p);
    verbs.add(stem, { type: 'income', hint, weight: 2 }, lang);
  }
  for (const p of words(src.takeVerbs ?? '')) verbs.add(p, { type: 'take', weight: 2 }, lang);
  for (const p of words(src.toMeWords ?? '')) toMe.add(p, true, lang);
  for (const p of words(src.expenseNouns)) cues.add(p, 'expense', lang);
  for (const p of words(src.incomeNouns)) cues.add(p, 'income', lang);
  for (const [key, list] of Object.entries(src.expenseCategories)) {
    for (const p of words(list ?? ''))
      categories.add(p, { key: key as CategoryKey, side: 'expense', weight: 2 }, lang);
  }
  for (const [key, list] of Object.entries(src.incomeCategories)) {
    for (const p of words(list ?? ''))
      categories.add(p, { key: key as CategoryKey, side: 'income', weight: 2 }, lang);
  }
  for (const [key, list] of Object.entries(src.purchaseAlt ?? {})) {
    for (const p of words(list ?? '')) purchaseAlts.add(p, key as ExpenseCategory, lang);
  }
  for (const p of words(src.purchaseVerbs ?? '')) purchaseVerbs.add(p, true, lang);
  for (const [w, days] of Object.entries(src.dayWords)) {
    const parts = words(w).map(foldKey);
    if (parts.length > 1) DAY_PHRASES.push({ words: parts, days });
    else dayWords.add(w, days, lang);
  }
  for (const [w, d] of Object.entries(src.weekdays)) weekdays.add(w, d, lang);
  for (const [w, d] of Object.entries(src.dateUnits)) dateUnits.add(w, d, lang);
  for (const p of words(src.agoWords)) agoWords.add(p, true, lang);
  for (const [w, m] of Object.entries(src.months)) months.add(w, m, lang);
  for (const p of words(src.nonMoneyUnits)) nonMoney.add(p, true, lang);
  for (const p of words(src.stopwords)) stopwords.add(exact(p), true, lang);
  for (const p of words(src.conjunctions)) conjunctions.add(p, true, lang);
}

// The weight marker of category patterns is stored on the entry; copy it into the hit.
function categoryHits(word: string): { hits: CategoryHit[]; langs: number; stem: string } | undefined {
  const found = categories.lookupKeyed(word);
  if (!found) return undefined;
  let langs = 0;
  const hits = found.entries.map((e) => {
    langs |= e.langs;
    return { key: e.value.key, side: e.value.side, weight: e.weight };
  });
  return { hits, langs, stem: found.key };
}

/** Uzbek case/number suffixes, tried when an exact lookup (numbers, currencies, units) fails. */
const UZ_SUFFIXES = [
  'lardan',
  'larga',
  'larni',
  'larda',
  'gacha',
  'ning',
  'dagi',
  'lik',
  'dan',
  'ga',
  'ka',
  'qa',
  'ni',
  'da',
  'ta',
  'гача',
  'нинг',
  'даги',
  'лик',
  'дан',
  'га',
  'ни',
  'да',
  'та',
];

function withSuffixes<T>(word: string, get: (w: string) => T | undefined): T | undefined {
  const direct = get(word);
  if (direct !== undefined) return direct;
  for (const s of UZ_SUFFIXES) {
    if (word.length - s.length >= 2 && word.endsWith(s)) {
      const v = get(word.slice(0, word.length - s.length));
      if (v !== undefined) return v;
    }
  }
  return undefined;
}

/** Strips Uzbek suffixes from a surface word while the stem still has the same category (taksiga → taksi). */
export function stripUzSuffix(raw: string, key: CategoryKey): string {
  for (const s of UZ_SUFFIXES) {
    if (raw.length - s.length >= 3 && raw.endsWith(s)) {
      const stem = raw.slice(0, raw.length - s.length);
      const hits = categoryHits(foldKey(stem));
      if (hits && hits.hits.some((h) => h.key === key)) return stripUzSuffix(stem, key);
    }
  }
  return raw;
}

const CACHE_LIMIT = 50_000;
const cache = new Map<string, WordInfo>();

function first<T>(list: StemEntry<T>[] | undefined): StemEntry<T> | undefined {
  return list === undefined ? undefined : list[0];
}

/** Everything the lexicons know about one folded word, as written. */
function analyzeExact(word: string): WordInfo {
  const info: WordInfo = { langs: 0 };
  const num = withSuffixes(word, (w) => numbers.get(w));
  if (num) {
    info.num = num;
    info.langs |= num.langs;
  }
  const cur = withSuffixes(word, (w) => first(currencies.lookup(w)));
  if (cur) {
    info.currency = cur.value;
    info.langs |= cur.langs;
  }
  const verb = first(verbs.lookup(word));
  if (verb) {
    info.verb = verb.value;
    info.langs |= verb.langs;
  }
  const cue = first(cues.lookup(word));
  if (cue) {
    info.cue = cue.value;
    info.langs |= cue.langs;
  }
  const cats = categoryHits(word);
  if (cats) {
    info.cats = cats.hits;
    info.catStem = cats.stem;
    info.langs |= cats.langs;
  }
  const alt = first(purchaseAlts.lookup(word));
  if (alt) info.purchaseAlt = alt.value;
  if (purchaseVerbs.lookup(word)) info.purchase = true;
  const day = first(dayWords.lookup(word));
  if (day) {
    info.dayBack = day.value;
    info.langs |= day.langs;
  }
  const wd = first(weekdays.lookup(word));
  if (wd) {
    info.weekday = wd.value;
    info.langs |= wd.langs;
  }
  const unit = withSuffixes(word, (w) => first(dateUnits.lookup(w)));
  if (unit) info.dateUnit = unit.value;
  if (agoWords.lookup(word)) info.ago = true;
  const month = withSuffixes(word, (w) => first(months.lookup(w)));
  if (month) info.month = month.value;
  if (withSuffixes(word, (w) => nonMoney.lookup(w))) info.nonMoney = true;
  const stop = first(stopwords.lookup(word));
  if (stop) {
    info.stop = true;
    info.langs |= stop.langs;
  }
  if (conjunctions.lookup(word)) info.conj = true;
  if (toMe.lookup(word)) info.toMe = true;
  return info;
}

/** Nothing in any lexicon knows the word. */
function unknown(info: WordInfo): boolean {
  return (
    info.langs === 0 &&
    info.num === undefined &&
    info.currency === undefined &&
    info.month === undefined &&
    info.dateUnit === undefined &&
    info.nonMoney !== true &&
    info.ago !== true &&
    info.conj !== true &&
    info.toMe !== true
  );
}

/** Words worth correcting a typo into: money words, verbs, categories (function words are too short to guess). */
const fuzzy = new FuzzyIndex([
  categories.keys(),
  verbs.keys(),
  cues.keys(),
  currencies.keys(),
  numbers.keys(),
]);
/** Scale and currency words, the only ones a three-letter word right after a number is corrected into ("300 mig"). */
const fuzzyUnits = new FuzzyIndex([
  currencies.keys(),
  [...numbers.entries()].filter(([, v]) => v.kind === 'scale').map(([k]) => k),
]);

/** A word within one typo of exactly one meaning ("tkasi" → taksi, "продуктв", "lnuch"), or undefined. */
function corrected(
  word: string,
  index: FuzzyIndex,
  minLength: number,
  accept: (info: WordInfo) => boolean,
): WordInfo | undefined {
  let found: { info: WordInfo; as: string; sig: string } | undefined;
  for (const as of index.corrections(word, minLength)) {
    const info = analyzeExact(as);
    if (unknown(info) || !accept(info)) continue;
    const sig = meaning(info);
    if (found !== undefined && found.sig !== sig) return undefined; // two readings: do not guess
    found ??= { info, as, sig };
  }
  return found === undefined ? undefined : { ...found.info, readAs: found.as };
}

/** What a word means to the parser, for telling two typo readings apart. */
function meaning(info: WordInfo): string {
  const cats = (info.cats ?? []).map((h) => `${h.side}:${h.key}`).join(',');
  return `${cats}|${info.verb?.type ?? ''}|${info.cue ?? ''}|${info.currency ?? ''}|${info.num?.micro ?? ''}`;
}

let readingUnknownWords = true;

/**
 * Switches the reading of unknown words (Latin-typed Russian, typos) off or on, to measure what it changes
 * (typos.spec.ts: nothing on the phrase tables written before it). On by default.
 */
export function setUnknownWordReading(on: boolean): void {
  readingUnknownWords = on;
  cache.clear();
}

/**
 * How an unknown word may be read: as Russian typed in Latin letters, or (from four letters on) as a typo one slip
 * from a single meaning. Undefined when neither applies. Real words of Russian, Uzbek and English (REAL_WORDS,
 * generated from spelling dictionaries by scripts/make-real-words.ts) are never read as another word.
 */
export function readUnknown(word: string, guard = true): WordInfo | undefined {
  if (guard && REAL_WORDS.has(word)) return undefined;
  for (const cyr of latinToCyrillic(word)) {
    const tr = cyr.length < 2 ? undefined : analyzeExact(cyr);
    if (tr !== undefined && !unknown(tr)) return { ...tr, readAs: cyr };
  }
  return word.length >= 4 ? corrected(word, fuzzy, 4, () => true) : undefined;
}

/**
 * Everything the lexicons know about one folded word (cached); a word no lexicon knows may be read as another
 * (readUnknown), never a known one.
 */
export function analyze(word: string): WordInfo {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let info = analyzeExact(word);
  if (unknown(info) && readingUnknownWords) info = readUnknown(word) ?? info;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, info);
  return info;
}

/** Nothing in any lexicon knows the word (exported for scripts/make-real-words.ts). */
export function isUnknownWord(word: string): boolean {
  return unknown(analyzeExact(word));
}

const unitCache = new Map<string, WordInfo | null>();

/** A word right after a number: also a three-letter typo of a scale or currency word ("300 mig", "35 мнг"). */
export function analyzeUnit(word: string): WordInfo | undefined {
  if (word.length !== 3 || !readingUnknownWords) return undefined;
  let info = unitCache.get(word);
  if (info === undefined) {
    info = unknown(analyze(word)) ? (readUnitTypo(word) ?? null) : null;
    if (unitCache.size >= CACHE_LIMIT) unitCache.clear();
    unitCache.set(word, info);
  }
  return info ?? undefined;
}

/** The three-letter typo reading of analyzeUnit (exported for scripts/make-real-words.ts). */
export function readUnitTypo(word: string, guard = true): WordInfo | undefined {
  if (word.length !== 3 || (guard && REAL_WORDS.has(word))) return undefined;
  return corrected(word, fuzzyUnits, 3, (i) => i.currency !== undefined || i.num?.kind === 'scale');
}
