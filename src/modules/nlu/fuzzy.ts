/**
 * Typo tolerance for words no lexicon knows: "tkasi" → taksi, "продуктв" → продукт, "lnuch" → lunch,
 * "electrisity" → electricity. A word is corrected when a prefix of it is exactly one typo (see `isTypo`) from a
 * lexicon key; at most a short ending may follow the prefix, and then only after a stem of five letters or more.
 * Lookups go through an index of every key and its one-letter deletions (the symmetric-delete method), so a word
 * costs a few dozen map lookups however large the lexicon is.
 */

/** Endings after a corrected stem: "комуналка" → коммунал + "ка", "electrisity" → electric + "ity". */
const MAX_ENDING = 3;
/** A corrected stem followed by an ending must be this long: a short stem plus letters is too often another word. */
const MIN_STEM_WITH_ENDING = 5;

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/** Keyboard rows (Latin QWERTY, Russian ЙЦУКЕН); each row sits half a key right of the one above. */
const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'йцукенгшщзхъ', 'фывапролджэ', 'ячсмитьбю'];
const POSITION = new Map<string, [number, number]>();
ROWS.forEach((row, r) => [...row].forEach((c, i) => POSITION.set(c, [r, i])));

/** Two letters next to each other on the keyboard (a slip of the finger). */
export function adjacentKeys(a: string, b: string): boolean {
  const pa = POSITION.get(a);
  const pb = POSITION.get(b);
  if (pa === undefined || pb === undefined || Math.floor(pa[0] / 3) !== Math.floor(pb[0] / 3)) return false;
  const [upper, lower] = pa[0] <= pb[0] ? [pa, pb] : [pb, pa];
  if (upper[0] === lower[0]) return Math.abs(upper[1] - lower[1]) === 1;
  return lower[0] === upper[0] + 1 && (lower[1] === upper[1] || lower[1] === upper[1] - 1);
}

/**
 * Is `typed` one typo away from `key`? The typos people make: two neighbours swapped, a letter hit next to the
 * right one, a letter missed or typed twice — never in the first letter, and a missed or extra letter never at the
 * end of the word (there it is usually another form of the word: отдам/отдал, завтра/завтрак).
 */
export function isTypo(typed: string, key: string, atWordEnd: boolean): boolean {
  const n = typed.length;
  const m = key.length;
  let i = 0;
  while (i < n && i < m && typed[i] === key[i]) i++;
  if (i === 0) return false;
  if (n === m) {
    if (i === n) return false; // the same
    if (typed.slice(i + 1) === key.slice(i + 1)) return adjacentKeys(typed[i], key[i]);
    return (
      i + 1 < n &&
      typed[i] === key[i + 1] &&
      typed[i + 1] === key[i] &&
      typed.slice(i + 2) === key.slice(i + 2)
    );
  }
  // a missed letter: key[i] is not in typed (a doubled letter may shift the first difference; try each position)
  if (n === m - 1) {
    for (let k = i; k >= 1 && (k === i || key[k] === key[i]); k--) {
      if (typed.slice(k) === key.slice(k + 1) && !(atWordEnd && k === m - 1)) return true;
    }
    return false;
  }
  if (n === m + 1) {
    for (let k = i; k >= 1 && (k === i || typed[k] === typed[i]); k--) {
      if (typed.slice(k + 1) === key.slice(k) && !(atWordEnd && k === n - 1)) return true;
    }
    return false;
  }
  return false;
}

export class FuzzyIndex {
  private readonly byVariant = new Map<string, string[]>();

  constructor(sources: Iterable<Iterable<string>>) {
    for (const source of sources) {
      for (const key of source) {
        if (key.length < 3 || /[^\p{L}]/u.test(key)) continue;
        for (const v of [key, ...deletions(key)]) {
          const list = this.byVariant.get(v);
          if (list === undefined) this.byVariant.set(v, [key]);
          else if (!list.includes(key)) list.push(key);
        }
      }
    }
  }

  /**
   * Readings of `word` with one typo mended: a key one edit from a prefix of at least `minLength` letters, followed
   * by the rest of the word (at most a short ending). Keys shorter than `minLength` are never used.
   */
  corrections(word: string, minLength: number): string[] {
    const out = new Set<string>();
    for (let len = word.length; len >= minLength && word.length - len <= MAX_ENDING; len--) {
      const prefix = word.slice(0, len);
      for (const v of [prefix, ...deletions(prefix)]) {
        const keys = this.byVariant.get(v);
        if (keys === undefined) continue;
        for (const key of keys) {
          if (key === prefix || key.length < minLength || Math.abs(key.length - prefix.length) > 1) continue;
          if (len < word.length && key.length < MIN_STEM_WITH_ENDING) continue;
          if (isTypo(prefix, key, len === word.length)) out.add(key + word.slice(len));
        }
      }
    }
    return [...out];
  }
}
