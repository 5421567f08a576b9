/**
 * Budgets said in a phrase (docs/phrases.md, "Budgets and recurring payments"): "лимит на кафе 500 тыс в месяц",
 * "kafe uchun oylik limit 500 ming", "set a budget of 2 mln for food", "на такси не больше 300к в неделю", "общий
 * лимит 10 млн в месяц" (no category), "семейный лимит на продукты 4 млн" (the household's), and the question what is
 * left of one ("сколько осталось по лимиту на кафе", "kafe limitidan qancha qoldi"). The one matcher of budgets; the
 * words are in the lexicon files (`plans`, read by plan-words.ts). Pure: the parser's tokens and word analyses in.
 *
 * Not a budget: a record ("оплатил аренду 3 млн" names no limit; "потратил 200 тыс из лимита" is in the past), a card's
 * or a loan's limit ("лимит карты 10 млн", "credit limit"), a record into the household budget ("в семейный бюджет
 * такси 30 тыс": the wallet, not a limit) and a limit without an amount (nothing to set; the bot asks nothing).
 */
import type { Currency } from '../../common/money';
import type { HouseholdMention } from './household';
import type { WordInfo } from './lexicon';
import type { BudgetPhrase, BudgetQuery, CategoryKey } from './nlu.types';
import type { Token } from './normalize';
import { FOOD_CATEGORIES, hasRole, isPastVerb, planRoles, readPlanMoney, type PlanRole } from './plan-words';

/** Uzbek case endings on a wallet noun say the money goes into it or comes from it ("byudjetga", "budjetdan"). */
const UZ_CASE_RE = /(ga|ka|qa|dan|da|ni|га|дан|да|ни)$/;

export interface BudgetContext {
  tokens: Token[];
  infos: Array<WordInfo | undefined>;
  /** The family words of the phrase (household.ts). */
  mentions: HouseholdMention[];
  defaultCurrency: Currency;
}

export type BudgetReading =
  | { kind: 'set'; budget: BudgetPhrase }
  | { kind: 'query'; query: BudgetQuery }
  /** "лимит карты 10 млн", "credit limit 5000$": the bank's limit, neither a budget nor money spent. */
  | { kind: 'bank_limit' };

/**
 * The limit words that make the phrase about a budget. One that is the wallet noun of a family word counts only when
 * the family word leads ("семейный бюджет на продукты 4 млн") and the noun has no case ending: "в семейный бюджет",
 * "из семейного бюджета", "oilaviy byudjetdan" put money in or take it out.
 */
function limitWords(ctx: BudgetContext): number[] {
  const { tokens, mentions } = ctx;
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!hasRole(tokens, i, 'limit')) continue;
    const m = mentions.find((x) => x.used.includes(i));
    if (m !== undefined) {
      // "в семейный бюджет", "to the family budget": a preposition leads, the money goes into the wallet
      if (
        ctx.infos[m.used[0]]?.stop === true ||
        (!tokens[i].cyr && UZ_CASE_RE.test(tokens[i].f) && tokens[i].f.length > 7)
      )
        continue;
      if (tokens[i].cyr && /(е|а|у|ом)$/.test(tokens[i].f)) continue;
    }
    out.push(i);
  }
  return out;
}

/** "не больше", "no more than", "ortiq emas", "максимум", "oshmasin": a cap said without a limit word. */
function capAt(tokens: Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (hasRole(tokens, i, 'cap')) out.push(i);
    else if (hasRole(tokens, i, 'more') && (hasRole(tokens, i - 1, 'not') || hasRole(tokens, i + 1, 'not')))
      out.push(i, hasRole(tokens, i - 1, 'not') ? i - 1 : i + 1);
  }
  return out;
}

/** The period the phrase names: a week ("в неделю", "haftasiga", "weekly", "per week"), else a month; null: a day. */
function periodOf(tokens: Token[], used: Uint8Array): 'month' | 'week' | null {
  let period: 'month' | 'week' | null = 'month';
  let week = false;
  let day = false;
  for (let i = 0; i < tokens.length; i++) {
    const r = planRoles(tokens[i]);
    const mark = (): void => {
      used[i] = 1;
      for (const role of ['per', 'every', 'span'] as const) if (hasRole(tokens, i - 1, role)) used[i - 1] = 1;
    };
    if (r.includes('weekly') || r.includes('weekAdj') || r.includes('week')) {
      week = true;
      mark();
    } else if (r.includes('monthly') || r.includes('monthAdj') || r.includes('month')) mark();
    else if (
      r.includes('daily') ||
      (r.includes('day') && (hasRole(tokens, i - 1, 'per') || hasRole(tokens, i - 1, 'every')))
    ) {
      day = true;
      mark();
    }
  }
  if (week) period = 'week';
  else if (day) period = null;
  return period;
}

/** The category the words left name: food (groceries and cafes), the strongest spending category, or none. */
function categoryOf(
  tokens: Token[],
  infos: Array<WordInfo | undefined>,
  used: Uint8Array,
): { category: CategoryKey | null; categories?: CategoryKey[] } {
  let best: { key: CategoryKey; weight: number } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || tokens[i].kind !== 'word') continue;
    // "oziq-ovqat", "озиқ-овқат": groceries, the second half of a compound is not food of both kinds
    const compound = infos[i - 1]?.cats?.some((h) => h.key === 'groceries') === true;
    if (hasRole(tokens, i, 'food') && !compound)
      return { category: FOOD_CATEGORIES[0], categories: [...FOOD_CATEGORIES] };
    if (planRoles(tokens[i]).length > 0) continue;
    for (const hit of infos[i]?.cats ?? []) {
      if (hit.side !== 'expense' || hit.key === 'other') continue;
      if (best === undefined || hit.weight > best.weight) best = { key: hit.key, weight: hit.weight };
    }
  }
  return { category: best?.key ?? null };
}

/**
 * A budget phrase: setting one (with an amount) or asking what is left of one (without). Null for anything else (the
 * parser reads it on as before).
 */
export function readBudget(ctx: BudgetContext): BudgetReading | null {
  const { tokens, infos } = ctx;
  const limits = limitWords(ctx);
  const caps = limits.length === 0 ? capAt(tokens) : [];
  if (limits.length === 0 && caps.length === 0) return null;
  // a card's, a loan's or a transfer's limit is the bank's, not a budget
  for (let i = 0; i < tokens.length; i++)
    if (hasRole(tokens, i, 'notBudget')) {
      const spent = tokens.some((t, k) => isPastVerb(t, infos[k], tokens[k - 1]));
      return limits.length > 0 && !spent ? { kind: 'bank_limit' } : null;
    }
  const used = new Uint8Array(tokens.length);
  for (const p of [...limits, ...caps]) used[p] = 1;
  const overall = tokens.some((_, i) => hasRole(tokens, i, 'overall'));
  const own = ctx.mentions.filter(
    (m) => !m.company && !m.others && !m.used.some((p) => hasRole(tokens, p, 'overall')),
  );
  for (const m of ctx.mentions) for (const p of m.used) used[p] = 1;
  // "household limit", "oilaviy limit": a family word right beside the limit word
  let family = own.length > 0;
  for (const p of limits)
    for (const q of [p - 1, p + 1])
      if (hasRole(tokens, q, 'household')) {
        family = true;
        used[q] = 1;
      }
  const wallet = family ? { wallet: 'household' as const } : {};
  const period = periodOf(tokens, used);
  for (let i = 0; i < tokens.length; i++) {
    const r: PlanRole[] = planRoles(tokens[i]);
    if (r.includes('overall') || r.includes('command') || r.includes('remainder') || r.includes('question'))
      used[i] = 1;
  }
  const money = readPlanMoney(tokens, infos, used);
  const asked = tokens.some((_, i) => hasRole(tokens, i, 'remainder') || hasRole(tokens, i, 'question'));
  const { category, categories } = overall
    ? { category: null, categories: undefined }
    : categoryOf(tokens, infos, used);
  const food = categories !== undefined ? { categories } : {};

  if (money === null) {
    // "сколько осталось по лимиту на кафе", "how much is left of my food budget"; a spending verb asks about spending
    if (limits.length === 0 || !asked) return null;
    const remainder = tokens.some((_, i) => hasRole(tokens, i, 'remainder'));
    if (!remainder && infos.some((info) => info?.verb !== undefined)) return null;
    return { kind: 'query', query: { category, ...food, ...wallet } };
  }
  // "потратил 200 тыс из лимита": what happened, not a limit to set
  for (let i = 0; i < tokens.length; i++) if (isPastVerb(tokens[i], infos[i], tokens[i - 1])) return null;
  // a cap is a budget with a category or a period ("на такси не больше 300к", "не больше 5 млн в месяц")
  if (limits.length === 0 && category === null && !tokens.some((_, i) => periodWord(tokens, i))) return null;
  if (period === null) return null;
  return {
    kind: 'set',
    budget: {
      category,
      ...food,
      amountMinor: money.minor,
      currency: money.currency ?? ctx.defaultCurrency,
      period,
      ...wallet,
    },
  };
}

function periodWord(tokens: Token[], i: number): boolean {
  const r = planRoles(tokens[i]);
  return ['week', 'month', 'weekly', 'monthly', 'weekAdj', 'monthAdj'].some((x) => r.includes(x as PlanRole));
}
