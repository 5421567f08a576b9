/**
 * Key words of a record's description, for learning categories from the user's corrections ("obed" → cafe after
 * one correction; see docs/learning.md). Pure and total: never throws on user text.
 *
 * Words are folded exactly as the parser folds them (normalize.ts: lower case, ё→е, Uzbek Cyrillic ў қ ғ ҳ →
 * у к г х, apostrophes removed), and a word counts only when the parser's lexicons see content in it: numbers,
 * number words, currencies, stop-words, conjunctions, dates and units are skipped, and so are verbs unless they are
 * also a category word ("купил хлеб" → хлеб; "tushlikka" is both, and stays).
 *
 * Two words are the same key word when they are equal, or when what is left after taking one ending off either
 * of them (or both) is the same and at least three letters long:
 *   - Uzbek suffixes (Latin and Cyrillic): taksiga → taksi, kafeda → kafe, nonni → non, таксига → такси;
 *   - Russian case and number endings: обеда, обеду, обедом, обеды → обед; мяса ~ мясо; зарплату ~ зарплата;
 *     the commonest of them also in Russian typed in Latin letters: obeda, obedu → obed; produkty ~ produkt;
 *   - English plurals: taxis → taxi, lunches → lunch.
 * A word is never matched by a prefix or a part of it ("obed" is not "obedient", "кофе" is not "кофемашина").
 * The price of the endings: two different words sharing a stem and differing only in an ending from the lists
 * (такси / такса) count as one; learned rules are per user and per type, and shown to the user, who can remove one.
 */
import { analyze } from './lexicon';
import { tokenize } from './normalize';

/** Uzbek case, number and possessive suffixes, folded (g' → g, қ → к). */
const UZ_SUFFIXES = [
  'lardan',
  'larga',
  'larni',
  'larda',
  'lari',
  'lar',
  'ning',
  'dagi',
  'dan',
  'ga',
  'ka',
  'qa',
  'ni',
  'da',
  'ta',
];
const UZ_CYR_SUFFIXES = [
  'лардан',
  'ларга',
  'ларни',
  'ларда',
  'лари',
  'лар',
  'нинг',
  'даги',
  'дан',
  'га',
  'ка',
  'ни',
  'да',
  'та',
];
/** Russian noun and adjective endings (case, number). */
const RU_ENDINGS = [
  'ами',
  'ями',
  'ого',
  'его',
  'ому',
  'ему',
  'ой',
  'ей',
  'ом',
  'ем',
  'ам',
  'ям',
  'ах',
  'ях',
  'ов',
  'ев',
  'ую',
  'юю',
  'ая',
  'яя',
  'ое',
  'ее',
  'ые',
  'ие',
  'ый',
  'ий',
  'ых',
  'их',
  'а',
  'я',
  'у',
  'ю',
  'ы',
  'и',
  'е',
  'о',
  'ь',
];
/** The commonest Russian endings as people type Russian in Latin letters ("za obeda", "produkty"). */
const RU_LATIN_ENDINGS = ['ami', 'om', 'ov', 'a', 'u', 'y'];
const EN_ENDINGS = ['es', 's'];

const LATIN_ENDINGS = [...UZ_SUFFIXES, ...RU_LATIN_ENDINGS, ...EN_ENDINGS];
const CYRILLIC_ENDINGS = [...UZ_CYR_SUFFIXES, ...RU_ENDINGS];

/** The shortest stem an ending may leave. */
const MIN_STEM = 3;
/** A key word is at most this long (longer "words" are not words people correct). */
export const KEYWORD_MAX = 64;
/** Descriptions are read up to this many words. */
const MAX_WORDS = 20;

const CYRILLIC_RE = /[\u0400-\u04ff]/;

/** The content words of a description, folded, in order, each once. */
export function keywordsOf(description: string): string[] {
  if (typeof description !== 'string' || !description) return [];
  const out: string[] = [];
  for (const token of tokenize(description)) {
    if (token.kind !== 'word' || token.f.length < 2 || token.f.length > KEYWORD_MAX) continue;
    if (!isContent(token.f) || out.includes(token.f)) continue;
    out.push(token.f);
    if (out.length >= MAX_WORDS) break;
  }
  return out;
}

/** The key word of a record: the first content word of its description (the parser puts the category word first). */
export function keywordOf(description: string): string | null {
  return keywordsOf(description)[0] ?? null;
}

/** The forms a folded word may stand for: itself, and itself without one ending of its script. */
export function keywordForms(word: string): string[] {
  const endings = CYRILLIC_RE.test(word) ? CYRILLIC_ENDINGS : LATIN_ENDINGS;
  const forms = [word];
  for (const ending of endings) {
    if (word.length - ending.length >= MIN_STEM && word.endsWith(ending)) {
      const stem = word.slice(0, word.length - ending.length);
      if (!forms.includes(stem)) forms.push(stem);
    }
  }
  return forms;
}

/** Are two folded words the same key word (see the rule at the top of this file)? */
export function sameKeyword(a: string, b: string): boolean {
  if (a === b) return true;
  const formsOfB = keywordForms(b);
  return keywordForms(a).some((f) => formsOfB.includes(f));
}

/**
 * Which of `keywords` a description names: the index of the keyword matching its earliest content word (an exact
 * match before one through an ending, then the lower index), or -1.
 */
export function matchKeyword(description: string, keywords: readonly string[]): number {
  if (!keywords.length) return -1;
  for (const word of keywordsOf(description)) {
    const exact = keywords.indexOf(word);
    if (exact >= 0) return exact;
    const inflected = keywords.findIndex((k) => sameKeyword(word, k));
    if (inflected >= 0) return inflected;
  }
  return -1;
}

function isContent(word: string): boolean {
  const info = analyze(word);
  if (info.cats !== undefined) return true;
  if (
    info.stop ||
    info.conj ||
    info.num ||
    info.currency ||
    info.cue ||
    info.verb ||
    info.toMe ||
    info.nonMoney ||
    info.ago
  )
    return false;
  return (
    info.dayBack === undefined &&
    info.weekday === undefined &&
    info.month === undefined &&
    info.dateUnit === undefined
  );
}
