/**
 * Russian typed in Latin letters ("potratil 35 tysyach na apteku", "vchera v kafe ostavil") back to Cyrillic, the
 * way people type it on a Latin keyboard: sh/ch/zh/kh/ts/shch digraphs, ya/yu/yo, y as ы after a consonant and й
 * after a vowel, a word-initial e as э, an apostrophe as ь. The lexicon tries this only for Latin words it does not
 * know, and keeps the result only when the Cyrillic form is a word it knows (see lexicon.ts `analyze`).
 */

const DIGRAPHS: Array<[string, string]> = [
  ['shch', 'щ'],
  ['sch', 'щ'],
  ['sh', 'ш'],
  ['ch', 'ч'],
  ['zh', 'ж'],
  ['kh', 'х'],
  ['ts', 'ц'],
  ['tz', 'ц'],
  ['yo', 'ё'],
  ['jo', 'ё'],
  ['yu', 'ю'],
  ['ju', 'ю'],
  ['ya', 'я'],
  ['ja', 'я'],
  ['ye', 'е'],
  ['yy', 'ый'],
];

const SINGLE: Record<string, string> = {
  a: 'а',
  b: 'б',
  v: 'в',
  g: 'г',
  d: 'д',
  e: 'е',
  z: 'з',
  i: 'и',
  k: 'к',
  l: 'л',
  m: 'м',
  n: 'н',
  o: 'о',
  p: 'п',
  r: 'р',
  s: 'с',
  t: 'т',
  u: 'у',
  f: 'ф',
  h: 'х',
  c: 'к',
  w: 'в',
  q: 'к',
  x: 'кс',
  "'": 'ь',
};

const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
const LATIN_WORD_RE = /^[a-z']+$/;

/**
 * The Cyrillic readings of a lower-case Latin word, most likely first: as typed, then each with one soft sign
 * where people leave it out, after л н т д с р before a consonant ("skolko" → сколько, "tolko" → только). Empty
 * when the word is not plain Latin letters.
 */
export function latinToCyrillic(word: string): string[] {
  const plain = readLatin(word);
  if (plain === null) return [];
  const out = [plain];
  for (const m of plain.matchAll(SOFT_SIGN_RE)) {
    const at = (m.index ?? 0) + 1;
    out.push(`${plain.slice(0, at)}ь${plain.slice(at)}`);
    if (out.length > 4) break;
  }
  return out;
}

/** л н т д с р before a consonant: where Russian so often has ь. */
const SOFT_SIGN_RE = /[лнтдср](?=[бвгджзклмнпрстфхцчшщ])/g;

function readLatin(word: string): string | null {
  if (!LATIN_WORD_RE.test(word)) return null;
  let out = '';
  let i = 0;
  while (i < word.length) {
    const rest = word.slice(i);
    const prev = i > 0 ? word[i - 1] : '';
    if (i === 0 && rest[0] === 'e') {
      out += 'э';
      i++;
      continue;
    }
    const digraph = DIGRAPHS.find(([lat]) => rest.startsWith(lat));
    if (digraph !== undefined) {
      out += digraph[1];
      i += digraph[0].length;
      continue;
    }
    const c = rest[0];
    if (c === 'y') {
      out += prev !== '' && VOWELS.has(prev) ? 'й' : 'ы';
      i++;
      continue;
    }
    if (c === 'j') {
      out += prev !== '' && VOWELS.has(prev) ? 'й' : 'ж';
      i++;
      continue;
    }
    out += SINGLE[c] ?? '';
    i++;
  }
  return out;
}
