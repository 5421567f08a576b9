/**
 * The words of budgets and recurring rules (docs/phrases.md, "Budgets and recurring payments"), shared by the budget
 * matcher (plans-budget.ts) and the recurring one (recurring.ts). The word lists are in the lexicon files (`plans`);
 * this file only looks them up: as written, as Russian typed in Latin letters ("limit na kafe", "kazhdyj mesyac") and
 * with one typo in a longer word ("ежемесячо", "лимт"). Also the amount reader both use.
 */
import { MAX_AMOUNT_MINOR, type Currency } from '../../common/money';
import { FuzzyIndex } from './fuzzy';
import { EN } from './lexicon.en';
import { RU } from './lexicon.ru';
import { UZ } from './lexicon.uz';
import { StemMap, type WordInfo } from './lexicon';
import type { PlanWords } from './lexicon.types';
import type { CategoryKey } from './nlu.types';
import type { Token } from './normalize';
import { MICRO, readAmountAt } from './numbers';
import { latinToCyrillic } from './translit';

export type PlanRole = keyof PlanWords;

const ROLES: PlanRole[] = [
  'limit',
  'cap',
  'more',
  'not',
  'notBudget',
  'overall',
  'remainder',
  'question',
  'food',
  'every',
  'per',
  'span',
  'month',
  'week',
  'day',
  'monthly',
  'weekly',
  'daily',
  'monthAdj',
  'weekAdj',
  'dayOfMonth',
  'weekdayGlue',
  'command',
  'household',
  'givers',
  'relatives',
  'sends',
  'income',
];

/**
 * Russian typed in Latin letters loses its soft signs and й ("kazhdyj" → каждыи) and writes е as e ("edu" → эду):
 * both sides are compared without them.
 */
const plain = (w: string): string => w.replace(/[ьъ]/g, '').replace(/й/g, 'и').replace(/э/g, 'е');

const roles = new StemMap<PlanRole>();
const typedInLatin = new StemMap<PlanRole>();
/** Keys worth mending a typo into: the longer words only (a short one is too often another word). */
const typoKeys: string[] = [];
for (const src of [RU, UZ, EN]) {
  for (const role of ROLES) {
    for (const p of src.plans[role].split(/\s+/)) {
      if (p === '') continue;
      roles.add(p, role, src.lang);
      if (src.lang === 'ru') typedInLatin.add(plain(p), role, src.lang);
    }
  }
}
for (const key of roles.keys()) if (key.length >= 5) typoKeys.push(key);
const typos = new FuzzyIndex([typoKeys]);

const cache = new Map<string, PlanRole[]>();

function lookup(word: string): PlanRole[] {
  return (roles.lookup(word) ?? []).map((e) => e.value);
}

/** The roles of one folded word (empty: none). */
export function planRoles(t: Token | undefined): PlanRole[] {
  if (t?.kind !== 'word') return [];
  let found = cache.get(t.f);
  if (found === undefined) {
    found = lookup(t.f);
    if (found.length === 0 && !t.cyr) {
      for (const cyr of latinToCyrillic(t.f)) {
        found = (typedInLatin.lookup(plain(cyr)) ?? []).map((e) => e.value);
        if (found.length > 0) break;
      }
    }
    if (found.length === 0 && t.f.length >= 4) {
      // one typo from exactly one meaning ("ежемесячо", "limt"); two meanings: no guess
      const readings = new Set(typos.corrections(t.f, 4).map((w) => lookup(w).join(',')));
      readings.delete('');
      if (readings.size === 1) found = [...readings][0].split(',') as PlanRole[];
    }
    if (cache.size >= 10_000) cache.clear();
    cache.set(t.f, found);
  }
  return found;
}

export function hasRole(tokens: Token[], i: number, role: PlanRole): boolean {
  return planRoles(tokens[i]).includes(role);
}

/** The positions of the words with this role. */
export function rolePositions(tokens: Token[], role: PlanRole): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (hasRole(tokens, i, role)) out.push(i);
  return out;
}

/** A letter glued to digits meaning a million ("5m"); "5k" is read by numbers.ts already. */
const MILLION_AFTER = new Set(['m', 'м', 'mn']);

export interface PlanMoney {
  start: number;
  end: number;
  minor: bigint;
  currency: Currency | undefined;
}

/**
 * The first amount among the tokens not `used` (marked used): digits, number words, a scale or a currency. A lone
 * number word ("one"), digits glued to a word ("ps5") and a count of a unit ("2 раза", "3 kun") are not money.
 */
export function readPlanMoney(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  used: Uint8Array,
): PlanMoney | null {
  for (let i = 0; i < tokens.length; i++) {
    if (used[i]) continue;
    // a number stops at a word already read ("2 млн 10 числа": 10 is the day), its value too
    let stop = i + 1;
    while (stop < tokens.length && !used[stop]) stop++;
    const m = readAmountAt(tokens.slice(0, stop), infos.slice(0, stop), used, i);
    if (m === null) continue;
    if (!m.currency && !m.digits && !m.scaled) continue;
    if (!m.currency && !m.scaled && tokens[m.start].attached && tokens[m.start - 1]?.kind === 'word')
      continue;
    const next = infos[m.end];
    if (!m.currency && next?.nonMoney && !next.currency && !next.cats) continue;
    let { end, micro } = m;
    // "5m", "1м": millions, the way a budget or a salary is written in short
    const after = tokens[end];
    if (!m.scaled && m.digits && after?.kind === 'word' && after.attached && MILLION_AFTER.has(after.f)) {
      micro *= 1_000_000n;
      end++;
    }
    const minor = (micro * 100n) / MICRO;
    if (minor <= 0n || minor > MAX_AMOUNT_MINOR) continue;
    used.fill(1, m.start, end);
    return { start: m.start, end, minor, currency: m.currency };
  }
  return null;
}

/** Food of both kinds: a budget or a question on groceries and cafes together. */
export const FOOD_CATEGORIES: CategoryKey[] = ['groceries', 'cafe'];

/**
 * A verb in the past ("оплатил", "to'ladim", "paid"): the phrase tells what happened, so it is a record or a
 * question, never a rule. Uzbek present-future forms ("tushadi", "keladi") are not past.
 */
export function isPastVerb(t: Token, info: WordInfo | undefined, before?: Token): boolean {
  if (t.kind !== 'word' || info?.verb === undefined) return false;
  // an Uzbek present-future form as written, even when a typo reading made it past ("yuboradi" → yubordi)
  if (/(adi|ydi|aman|ayman|ади|йди|аман|айман)$/.test(t.raw.toLowerCase())) return false;
  // "get paid", "gets paid": a passive present
  if (before?.kind === 'word' && /^(get|gets|getting)$/.test(before.f)) return false;
  const f = t.f;
  if (t.cyr) return /(л|ла|ли|ло|лся|лась|лись|дим|дик|ди)$/.test(f) && !/(ади|йди)$/.test(f);
  if (/(dim|dik|di)$/.test(f)) return !/(adi|ydi)$/.test(f);
  return /ed$/.test(f) || /^(spent|paid|bought|got|sent|gave|made|earned|received)$/.test(f);
}
