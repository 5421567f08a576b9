/**
 * Reads one number starting at a token: digits ("50 000", "2.5"), number words in any of the three languages
 * ("двадцать пять тысяч пятьсот", "bir million ikki yuz ming", "two and a half thousand"), or both ("5 миллионов",
 * "1.5 млн", "35к", "20 ming"). All arithmetic is bigint in micro-units (1e-6), so "полтора миллиона" is exact.
 */
import type { Currency } from '../../common/money';
import { LANG_BIT, type WordInfo } from './lexicon';
import type { Token } from './normalize';

export const MICRO = 1_000_000n;

export interface NumberMatch {
  start: number;
  /** Exclusive end token index. */
  end: number;
  micro: bigint;
  /** Some part was written in words. */
  words: boolean;
  /** Some part was digits. */
  digits: boolean;
  /** A scale (thousand, million …) was applied. */
  scaled: boolean;
}

/** Letters glued to digits that mean ×1000 ("35к", "25k", "35тыс"); ×1e6 ("2m" is metres, so only "2mln"). */
const ATTACHED_THOUSAND = new Set(['к', 'k', 'т', 'тыс', 'тр']);
/** "штук" after a number is slang for thousands ("за обед 60 штук", "полторы штуки баксов") unless a thing follows. */
const SLANG_THOUSAND = new Set(['штук', 'штука', 'штуки', 'штуку']);
/** Plural scale words said before the number, the way Russian approximates: "тыщ 15", "тысяч двадцать". */
const INVERTED_SCALE = new Set(['тысяч', 'тыщ', 'тыс', 'косарей', 'миллионов', 'лямов']);
/** A spoken decimal point: "three point five million", "три запятая пять", "uch butun besh". */
const DECIMAL_POINT = new Set(['point', 'запятая', 'целых', 'butun', 'бутун']);

function isNumberWord(info: WordInfo | undefined): boolean {
  return info?.num !== undefined;
}

export function readNumber(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  start: number,
): NumberMatch | null {
  const inverted = readInverted(tokens, infos, start);
  if (inverted !== null) return inverted;
  let total = 0n;
  let cur = 0n;
  let any = false;
  let digits = false;
  let words = false;
  let scaled = false;
  let lastScale = 0n;
  let hasHund = false;
  let hasTen = false;
  let hasUnit = false;
  let hasHalf = false;
  let j = start;
  const n = tokens.length;

  const applyScale = (s: bigint): boolean => {
    if (lastScale !== 0n && s >= lastScale) return false;
    if (cur === 0n && any) return false;
    total += (cur === 0n ? MICRO : cur) * s;
    cur = 0n;
    lastScale = s;
    hasHund = hasTen = hasUnit = hasHalf = false;
    scaled = true;
    any = true;
    return true;
  };

  while (j < n) {
    const t = tokens[j];
    if (t.kind === 'num') {
      const v = t.micro ?? 0n;
      if (!any) {
        cur = v;
      } else if (cur === 0n && total > 0n && lastScale > 0n && v < lastScale * MICRO && !t.attached) {
        cur = v;
      } else {
        break;
      }
      any = digits = true;
      hasHund = hasTen = hasUnit = true;
      j++;
      continue;
    }
    if (t.kind !== 'word') break;
    const prev = j > start ? tokens[j - 1] : undefined;
    if (any && t.attached && prev?.kind === 'num' && ATTACHED_THOUSAND.has(t.f)) {
      if (!applyScale(1000n)) break;
      words = true;
      j++;
      continue;
    }
    const info = infos[j];
    const next = j + 1 < n ? infos[j + 1] : undefined;
    if (any && lastScale === 0n && SLANG_THOUSAND.has(t.f)) {
      // "10 штук яиц" counts eggs: a thing named after it keeps "штук" a count
      if (next?.cats !== undefined && next.currency === undefined) break;
      if (!applyScale(1000n)) break;
      words = true;
      j++;
      continue;
    }
    if (any && lastScale === 0n && !hasHalf && DECIMAL_POINT.has(t.f)) {
      const frac = readSpokenDecimals(tokens, infos, j + 1);
      if (frac === null) break;
      cur += frac.micro;
      hasUnit = hasTen = hasHund = hasHalf = true;
      words = true;
      j = frac.end;
      continue;
    }
    const nw = info?.num;
    if (nw?.needsPrev && !any) break;
    if (nw === undefined) {
      // joiners inside a number: "one hundred and twenty", "two and a half", "две с половиной"
      if (
        any &&
        (t.f === 'and' || t.f === 'с') &&
        next?.num !== undefined &&
        (t.f !== 'с' || next.num.kind === 'half')
      ) {
        j++;
        continue;
      }
      break;
    }
    if (nw.needsNext) {
      const nk = next?.num?.kind;
      if (t.f === 'a' || t.f === 'an') {
        if (nk !== 'half' && nk !== 'hmul' && nk !== 'scale') break;
        if (nk === 'half' || any) {
          // "two and a half", "half a million": the article only links
          j++;
          continue;
        }
      } else if (nw.kind === 'half') {
        // "пол миллиона"
        if (nk !== 'scale' || any) break;
      } else {
        // Uzbek "o'n": only with another Uzbek number word after it ("o'n besh", "o'n ming")
        if (next?.num === undefined || (next.langs & LANG_BIT.uz) === 0 || nk === 'teen') break;
      }
    }
    const v = nw.micro;
    let ok = true;
    switch (nw.kind) {
      case 'unit':
        if (hasUnit || hasHalf) ok = false;
        else {
          cur += v;
          hasUnit = true;
        }
        break;
      case 'teen':
        if (hasTen || hasUnit || hasHalf) ok = false;
        else {
          cur += v;
          hasTen = hasUnit = true;
        }
        break;
      case 'ten':
        if (hasTen || hasUnit || hasHalf) ok = false;
        else {
          cur += v;
          hasTen = true;
        }
        break;
      case 'hund':
        if (hasHund || hasTen || hasUnit || hasHalf) ok = false;
        else {
          cur += v;
          hasHund = true;
        }
        break;
      case 'hmul':
        if (hasHund || hasHalf) ok = false;
        else {
          cur = (cur === 0n ? MICRO : cur) * (v / MICRO);
          hasHund = true;
          hasTen = hasUnit = false;
        }
        break;
      case 'scale':
        ok = applyScale(v / MICRO === 0n ? 1n : v / MICRO);
        break;
      case 'frac':
        if (cur !== 0n || hasHalf) ok = false;
        else {
          cur = v;
          hasUnit = hasTen = hasHund = hasHalf = true;
        }
        break;
      case 'half':
        if (hasHalf) ok = false;
        else {
          cur += v;
          hasHalf = true;
          hasUnit = hasTen = hasHund = true;
        }
        break;
    }
    if (!ok) break;
    any = words = true;
    j++;
  }
  if (!any) return null;
  // "and"/"с" left dangling at the end belong to the sentence, not the number
  while (j > start && tokens[j - 1].kind === 'word' && (tokens[j - 1].f === 'and' || tokens[j - 1].f === 'с'))
    j--;
  // Spoken shorthand drops the thousands after a million: "миллион двести", "bir million ikki yuz", "1 млн 500"
  // mean 1,200,000 and 1,500,000 (below a million, "тысяча двести" stays 1,200).
  if (lastScale >= 1_000_000n && cur > 0n && cur < 1000n * MICRO) cur *= lastScale / 1000n;
  return { start, end: j, micro: total + cur, words, digits, scaled };
}

export { isNumberWord };

/** The digits after a spoken decimal point, one word or digit each: "five" → 0.5, "two five" → 0.25. */
function readSpokenDecimals(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  from: number,
): { micro: bigint; end: number } | null {
  let digits = '';
  let j = from;
  while (j < tokens.length && digits.length < 6) {
    const t = tokens[j];
    const nw = infos[j]?.num;
    if (t.kind === 'num' && /^\d$/.test(t.raw)) digits += t.raw;
    else if (t.kind === 'word' && nw?.kind === 'unit') digits += String(nw.micro / MICRO);
    else break;
    j++;
  }
  if (digits === '') return null;
  return { micro: BigInt(digits.padEnd(6, '0')), end: j };
}

/** "тыщ 15", "тысяч двадцать": a plural scale word, then a number below a thousand, is that many thousands. */
function readInverted(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  start: number,
): NumberMatch | null {
  const t = tokens[start];
  if (t.kind !== 'word' || !INVERTED_SCALE.has(t.f) || start + 1 >= tokens.length) return null;
  const scale = infos[start]?.num;
  if (scale?.kind !== 'scale') return null;
  const prev = start > 0 ? tokens[start - 1] : undefined;
  if (prev !== undefined && (prev.kind === 'num' || infos[start - 1]?.num !== undefined)) return null;
  const next = tokens[start + 1];
  let micro: bigint | undefined;
  let end = start + 2;
  if (next.kind === 'num') micro = next.micro;
  else if (infos[start + 1]?.num !== undefined) {
    const m = readNumber(tokens, infos, start + 1);
    if (m !== null && !m.scaled) {
      micro = m.micro;
      end = m.end;
    }
  }
  if (micro === undefined || micro <= 0n || micro >= 1000n * MICRO) return null;
  return {
    start,
    end,
    micro: micro * (scale.micro / MICRO),
    words: true,
    digits: next.kind === 'num',
    scaled: true,
  };
}

/** Currency signs that stand after or before an amount ("$50", "50 €"). */
export const SYMBOL_CURRENCY: Record<string, Currency> = { $: 'USD', '€': 'EUR', '₽': 'RUB' };
/** Currency codes that may stand before an amount ("usd 50"); currency words stand after it. */
const CODE_BEFORE = new Set(['usd', 'eur', 'rub', 'uzs']);

/** A number in the text and the currency written next to it, if any. */
export interface AmountRun extends NumberMatch {
  currency: Currency | undefined;
}

/**
 * The amount that starts at token `i` among the tokens not `taken` yet: a number (digits or number words; cut where a
 * taken token begins) with the currency sign or word right after it, or a sign or code right before it (then `start`
 * and `end` cover the currency too). null when no number starts there. Shared by the transaction parser and the
 * goal/debt parser, which decide for themselves what makes a number money.
 */
export function readAmountAt(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  taken: Uint8Array,
  i: number,
): AmountRun | null {
  if (taken[i]) return null;
  const t = tokens[i];
  if (t.kind !== 'num' && !(t.kind === 'word' && infos[i]?.num !== undefined)) return null;
  const m = readNumber(tokens, infos, i);
  if (m === null) return null;
  let end = m.end;
  for (let k = m.start; k < m.end; k++) {
    if (taken[k]) {
      end = k;
      break;
    }
  }
  if (end <= m.start) return null;
  let start = m.start;
  let currency: Currency | undefined;
  const after = end < tokens.length && !taken[end] ? tokens[end] : undefined;
  if (after?.kind === 'sym') currency = SYMBOL_CURRENCY[after.f];
  else if (after?.kind === 'word') currency = infos[end]?.currency;
  if (currency !== undefined) end++;
  else if (start > 0 && !taken[start - 1]) {
    const before = tokens[start - 1];
    if (before.kind === 'sym') currency = SYMBOL_CURRENCY[before.f];
    else if (before.kind === 'word' && CODE_BEFORE.has(before.f)) currency = infos[start - 1]?.currency;
    if (currency !== undefined) start--;
  }
  return { start, end, micro: m.micro, words: m.words, digits: m.digits, scaled: m.scaled, currency };
}
