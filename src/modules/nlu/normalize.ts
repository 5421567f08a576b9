/**
 * Text normalisation and tokenising. Everything here is precompiled at module load; one pass per phrase.
 *
 * Folding (used for every lexicon key and every token): lower case, `ё`→`е`, Uzbek Cyrillic `ў қ ғ ҳ` →
 * `у к г х`, and every apostrophe form (' ‘ ’ ʻ ʼ ` ´ ′) removed — so `so'm`, `so‘m`, `soʻm` and `som` are one key,
 * and `тўқсон` / `туксон` are one key.
 */

export type TokenKind = 'num' | 'word' | 'sym' | 'sep';

export interface Token {
  kind: TokenKind;
  /** Surface text, lower-cased, apostrophes unified to `'`. */
  raw: string;
  /** Folded key (see above). */
  f: string;
  /** No whitespace between this token and the previous one. */
  attached: boolean;
  /** For `num`: the value in micro-units (1e-6), exact. */
  micro?: bigint;
  /** The word contains Cyrillic letters. */
  cyr: boolean;
  /** The word contains letters only Uzbek Cyrillic has (ў қ ғ ҳ). */
  uzCyr: boolean;
  /** The word has an Uzbek Latin apostrophe (o', g', a' …), a strong Uzbek hint. */
  apos: boolean;
}

const FOLD_RE = /[ёўқғҳ'‘’ʻʼ`´′]/g;
const FOLD_MAP: Record<string, string> = { ё: 'е', ў: 'у', қ: 'к', ғ: 'г', ҳ: 'х' };
const APOS_RE = /[‘’ʻʼ`´′]/g;

/** Folds one lower-case word into its lexicon key. */
export function fold(word: string): string {
  return word.replace(FOLD_RE, (c) => FOLD_MAP[c] ?? '');
}

/** Folds a lexicon pattern (any case). */
export function foldKey(word: string): string {
  return fold(word.toLowerCase());
}

// Numbers: "50 000" / "1 500 000" (space groups of exactly 3 digits), or digits with . and , separators.
// Words: letters (any script) with inner apostrophes. Symbols: currency signs, %, +, :. Separators: , ; . ! ? — –
const TOKEN_RE =
  /(\d{1,3}(?:[ \u00a0\u202f]\d{3}(?!\d))+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+(?:['‘’ʻʼ`´′][\p{L}\p{M}]+)*)|([$€₽£%+:№#×*@])|([,;.!?—–\n])/gu;
const CYR_RE = /[\u0400-\u04ff]/;
const UZCYR_RE = /[ўқғҳ]/;
/** o' g' a' (so'm, g'isht, ta'lim): Uzbek Latin; English 's 't 'm 're do not count. */
const INNER_APOS_RE = /[oga]['‘’ʻʼ`´′]\p{L}/u;
/** Abbreviations whose trailing period is not a sentence break. */
const ABBREV = new Set([
  'тыс',
  'млн',
  'млрд',
  'руб',
  'долл',
  'шт',
  'кг',
  'ул',
  'г',
  'р',
  'т',
  'д',
  'mln',
  'mlrd',
  'ming',
]);
/** The value given to a digit string longer than any amount (10^16 units, beyond what a record holds). */
const TOO_LONG_MICRO = 10n ** 22n;
const UE_RE = /(^|[^\p{L}])у\.\s?е\.?/gu;
const MAX_INPUT = 4096; // Telegram's message limit

export function tokenize(text: string): Token[] {
  let src = (text.length > MAX_INPUT ? text.slice(0, MAX_INPUT) : text).toLowerCase();
  // "у.е." (conventional units, i.e. dollars) is one word, not two abbreviations
  if (src.includes('у.')) src = src.replace(UE_RE, '$1уе ');
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let prevEnd = -1;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(src)) !== null) {
    const attached = m.index === prevEnd;
    prevEnd = m.index + m[0].length;
    if (m[1] !== undefined) {
      // more digits than any amount has: kept as a number too large to record, so the reply can say so
      const micro = parseDigitString(m[1]) ?? TOO_LONG_MICRO;
      out.push({ kind: 'num', raw: m[1], f: m[1], attached, micro, cyr: false, uzCyr: false, apos: false });
    } else if (m[2] !== undefined) {
      const raw = m[2].replace(APOS_RE, "'");
      const f = fold(raw);
      if (f.length === 0) continue;
      out.push({
        kind: 'word',
        raw,
        f,
        attached,
        cyr: CYR_RE.test(raw),
        uzCyr: UZCYR_RE.test(raw),
        apos: INNER_APOS_RE.test(raw),
      });
    } else if (m[3] !== undefined) {
      out.push({ kind: 'sym', raw: m[3], f: m[3], attached, cyr: false, uzCyr: false, apos: false });
    } else if (m[4] !== undefined) {
      const prev = out.length > 0 ? out[out.length - 1] : undefined;
      if (m[4] === '.' && prev !== undefined && prev.kind === 'word' && attached && ABBREV.has(prev.f))
        continue;
      if (prev !== undefined && prev.kind === 'sep') continue; // collapse runs of separators
      out.push({ kind: 'sep', raw: m[4], f: m[4], attached, cyr: false, uzCyr: false, apos: false });
    }
  }
  return out;
}

const MICRO = 1_000_000n;
const MAX_INT_DIGITS = 16;
const SPACES_RE = /[ \u00a0\u202f]/g;
const SEP_SPLIT_RE = /[.,]/;
const ZEROS_RE = /^0+$/;
const LEADING_ZEROS_RE = /^0+(?=\d)/;

/**
 * Exact value of a digit string in micro-units (1e-6), or null when absurdly long.
 * `50,000` / `50.000` / `1.500.000` → thousands (3 digits after each separator); `12.50`, `99,90`, `2.5` → decimals;
 * with both separators the last one is the decimal point (`1,234.56`, `1.234,56`).
 */
export function parseDigitString(s: string): bigint | null {
  const t = s.replace(SPACES_RE, '');
  const parts = t.split(SEP_SPLIT_RE);
  let intPart: string;
  let frac = '';
  if (parts.length === 1) {
    intPart = t;
  } else {
    const hasDot = t.includes('.');
    const hasComma = t.includes(',');
    const last = parts[parts.length - 1];
    const middleAllThree = parts.slice(1, -1).every((p) => p.length === 3);
    if (hasDot && hasComma) {
      intPart = parts.slice(0, -1).join('');
      frac = last;
    } else if (parts.length > 2) {
      if (middleAllThree && last.length === 3) intPart = parts.join('');
      else {
        intPart = parts.slice(0, -1).join('');
        frac = last;
      }
    } else if (last.length === 3 && !ZEROS_RE.test(parts[0])) {
      intPart = parts.join('');
    } else {
      intPart = parts[0];
      frac = last;
    }
  }
  intPart = intPart.replace(LEADING_ZEROS_RE, '');
  if (intPart.length > MAX_INT_DIGITS) return null;
  const frac6 = (frac + '000000').slice(0, 6);
  return BigInt(intPart) * MICRO + BigInt(frac6);
}
