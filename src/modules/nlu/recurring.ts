/**
 * Recurring payments and incomes said in a phrase (docs/phrases.md, "Budgets and recurring payments"): "каждый месяц 1
 * числа аренда 3 млн", "har oy 10-sanada oylik 8 mln" (an income), "netflix 10 dollars every month", "every Monday
 * gym 50k", "ежемесячно 15 числа интернет 150 тыс", "har hafta juma kuni bozorga 300 ming", "аренда 3 млн в месяц".
 * The one matcher of recurring rules; the words are in the lexicon files (`plans`, read by plan-words.ts). Pure.
 *
 * Not a rule: a phrase with no "every" ("оплатил аренду 3 млн 1 числа"), one in the past ("каждый месяц платил"), a
 * question ("сколько я трачу каждый месяц на кафе"), a daily habit ("каждый день кофе", "трачу 20 тысяч на обед каждый
 * день": rules are monthly or weekly) and a rule naming neither an amount nor what it pays for.
 */
import type { Currency } from '../../common/money';
import { recordWallet, type HouseholdMention } from './household';
import { stripUzSuffix, type WordInfo } from './lexicon';
import {
  EXPENSE_CATEGORIES,
  INCOME_CATEGORIES,
  type CategoryKey,
  type RecurringPhrase,
  type TransactionType,
} from './nlu.types';
import type { Token } from './normalize';
import { MICRO } from './numbers';
import { hasRole, isPastVerb, planRoles, readPlanMoney, type PlanRole } from './plan-words';

export interface RecurringContext {
  tokens: Token[];
  infos: Array<WordInfo | undefined>;
  mentions: HouseholdMention[];
  defaultCurrency: Currency;
}

/** A weekday said of every week: "по понедельникам", "on Mondays", "juma kunlari" (plural forms). */
const PLURAL_WEEKDAY_RE = /(ам|ям|s|lari|лари)$/;
/** Role words that only say when: dropped from the amount, the category and the description. */
const WHEN_ROLES: PlanRole[] = ['every', 'monthly', 'weekly', 'daily', 'command'];

const INCOME = new Set<CategoryKey>(INCOME_CATEGORIES);
const EXPENSE = new Set<CategoryKey>(EXPENSE_CATEGORIES);

function dayNumber(t: Token | undefined): number | null {
  if (t?.kind !== 'num' || t.micro === undefined || t.micro % MICRO !== 0n) return null;
  const d = Number(t.micro / MICRO);
  return d >= 1 && d <= 31 ? d : null;
}

type Every = 'month' | 'week' | 'day';

/** A word naming a thing of its own ("groceries", "платёж"), not a number, a function or a plan word. */
function namesAThing(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  used: Uint8Array,
  i: number,
): boolean {
  const t = tokens[i];
  const info = infos[i];
  if (t?.kind !== 'word' || used[i] || planRoles(t).length > 0) return false;
  return !(info?.stop || info?.conj || info?.verb || info?.num || info?.currency);
}

/** The unit a word names: month, week or day (a bare unit; "в месяце", "в прошлом месяце" are not "every"). */
function unitOf(tokens: Token[], i: number): Every | null {
  const r = planRoles(tokens[i]);
  if (r.includes('month')) return 'month';
  if (r.includes('week')) return 'week';
  if (r.includes('day')) return 'day';
  return null;
}

/**
 * A recurring rule, or null. `every` from "каждый месяц", "har hafta", "every Monday", "ежемесячно", "в месяц",
 * "по пятницам"; the day from "1 числа", "10-sanada", "on the 5th" or the weekday; the amount, type and category from
 * the words left.
 */
export function readRecurring(ctx: RecurringContext): RecurringPhrase | null {
  const { tokens, infos } = ctx;
  const n = tokens.length;
  const used = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (hasRole(tokens, i, 'question')) return null;
    if (isPastVerb(tokens[i], infos[i], tokens[i - 1])) return null;
  }
  const walletWords = recordWallet(ctx.mentions);
  if (walletWords !== null) for (const p of walletWords) used[p] = 1;

  let every: Every | null = null;
  let monthDay: number | null = null;
  let weekDay: number | null = null;
  const set = (e: Every): void => {
    if (every === null || every === 'day') every = e;
  };
  // the day of the month: "1 числа", "1-го числа", "10-sanada", "5-kuni", "5th"
  for (let i = 0; i < n; i++) {
    const d = dayNumber(tokens[i]);
    if (d === null || used[i]) continue;
    let k = i + 1;
    while (k < n && k < i + 3 && hasRole(tokens, k, 'dayOfMonth')) k++;
    if (k === i + 1) continue;
    monthDay ??= d;
    used.fill(1, i, k);
  }
  // the weekday: "every Monday", "по понедельникам", "har hafta juma kuni", "dushanba kunlari"
  for (let i = 0; i < n; i++) {
    const wd = infos[i]?.weekday;
    if (wd === undefined || tokens[i].kind !== 'word' || used[i]) continue;
    weekDay ??= wd === 0 ? 7 : wd;
    used[i] = 1;
    const glueAfter = hasRole(tokens, i + 1, 'weekdayGlue');
    if (glueAfter) used[i + 1] = 1;
    if (hasRole(tokens, i - 1, 'weekdayGlue')) used[i - 1] = 1;
    const plural =
      PLURAL_WEEKDAY_RE.test(tokens[i].f) || (glueAfter && PLURAL_WEEKDAY_RE.test(tokens[i + 1].f));
    if (hasRole(tokens, i - 1, 'every') || plural) {
      set('week');
      used[i - 1] = hasRole(tokens, i - 1, 'every') ? 1 : used[i - 1];
    }
  }
  // "каждый месяц", "har oyning", "every week", "ежемесячно", "oyiga", "в месяц", "per week", "a month"
  const dated = monthDay !== null || weekDay !== null;
  for (let i = 0; i < n; i++) {
    const r = planRoles(tokens[i]);
    // "weekly groceries 412k", "ежемесячный платёж 2 млн": an adjective before a noun names the thing (a record)
    // unless a day makes it a rule ("monthly rent 500 dollars on the 1st")
    const adjective =
      (r.includes('monthAdj') || r.includes('weekAdj')) && !dated && namesAThing(tokens, infos, used, i + 1);
    if (adjective) continue;
    if (r.includes('monthly') || (dated && r.includes('monthAdj'))) set('month');
    else if (r.includes('weekly') || (dated && r.includes('weekAdj'))) set('week');
    else if (r.includes('daily')) set('day');
    else if (r.includes('every')) {
      const unit = unitOf(tokens, i + 1);
      if (unit !== null) {
        set(unit);
        used[i + 1] = 1;
      } else if (monthDay !== null) set('month'); // "каждое 5 число"
    } else {
      const unit = unitOf(tokens, i);
      const bare = unit !== null && !(tokens[i].cyr && /(е|ом|ах)$/.test(tokens[i].f));
      const span = hasRole(tokens, i - 2, 'span');
      if (bare && hasRole(tokens, i - 1, 'per') && !span && !infos[i + 1]?.ago) {
        set(unit);
        used[i - 1] = 1;
        used[i] = 1;
      }
    }
    if (WHEN_ROLES.some((x) => r.includes(x))) used[i] = 1;
  }
  if (every === null || every === 'day') return null;
  const day = every === 'month' ? monthDay : weekDay;

  const money = readPlanMoney(tokens, infos, used);
  // the words left: income or spending, the category, the description
  let income = false;
  const hints: CategoryKey[] = [];
  let best: Record<TransactionType, { key: CategoryKey; weight: number; at: number } | undefined> = {
    income: undefined,
    expense: undefined,
  };
  for (let i = 0; i < n; i++) {
    if (used[i] || tokens[i].kind !== 'word') continue;
    const info = infos[i];
    if (hasRole(tokens, i, 'income') || info?.cue === 'income' || info?.verb?.type === 'income')
      income = true;
    if (info?.verb?.hint !== undefined) hints.push(info.verb.hint);
    for (const hit of info?.cats ?? []) {
      const b = best[hit.side];
      if (b === undefined || hit.weight > b.weight)
        best = { ...best, [hit.side]: { key: hit.key, weight: hit.weight, at: i } };
    }
  }
  const { income: inc, expense: exp } = best;
  // "мама присылает 1 млн", "dadam yuboradi", "mom sends": a relative sending money in; "100к маме": a gift out
  const sends = tokens.some((_, i) => !used[i] && hasRole(tokens, i, 'sends'));
  const giver = tokens.findIndex((_, i) => !used[i] && hasRole(tokens, i, 'givers'));
  const relative = tokens.findIndex(
    (_, i) => !used[i] && (hasRole(tokens, i, 'relatives') || hasRole(tokens, i, 'givers')),
  );
  if (sends && (giver >= 0 || infos.some((info) => info?.toMe === true))) income = true;
  const type: TransactionType =
    income || (inc !== undefined && inc.key !== 'gifts' && (exp === undefined || inc.weight > exp.weight))
      ? 'income'
      : 'expense';
  let hit = best[type];
  if ((hit === undefined || hit.key === 'other') && relative >= 0)
    hit = { key: 'gifts', weight: 1, at: relative };
  let description = '';
  if (hit !== undefined) {
    const t = tokens[hit.at];
    description = t.cyr && !t.uzCyr ? t.raw : stripUzSuffix(t.raw, hit.key);
  } else {
    for (let i = 0; i < n; i++) {
      const info = infos[i];
      if (used[i] || tokens[i].kind !== 'word' || tokens[i].f.length < 2) continue;
      if (info?.stop || info?.conj || info?.verb || info?.num || info?.currency || info?.cue) continue;
      if (planRoles(tokens[i]).length > 0) continue;
      description = tokens[i].raw;
      break;
    }
  }
  // a rule names what it pays for or how much
  if (money === null && description === '') return null;
  return {
    type,
    amountMinor: money?.minor ?? null,
    currency: money?.currency ?? ctx.defaultCurrency,
    category: hit?.key ?? hints.find((h) => (type === 'income' ? INCOME : EXPENSE).has(h)) ?? 'other',
    description,
    every,
    day,
    ...(walletWords !== null ? { wallet: 'household' as const } : {}),
  };
}
