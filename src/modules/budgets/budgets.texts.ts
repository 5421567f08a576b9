/**
 * What the bot says about budgets (docs/budgets.md), per language (ru, uz Latin, en), and the pure formatters that
 * fill it in: the lines under a recorded expense, the /budget list, the 80% / 100% warnings, a new budget.
 */
import { formatAmount } from '../../common/money';
import type { Language } from '../../common/text/languages';
import { defaultCategoryName } from '../categories/category-names';
import { isAnyDefaultCategory } from '../categories/category-keys';
import type { BudgetLine } from './budget-status';

/** What a formatter needs of a budget line (BudgetLine without the ids). */
export type LineView = Pick<
  BudgetLine,
  | 'category'
  | 'customName'
  | 'wallet'
  | 'period'
  | 'currency'
  | 'amountMinor'
  | 'spentMinor'
  | 'remainingMinor'
  | 'percent'
>;

const EMOJI: Record<string, string> = {
  groceries: '🛒',
  cafe: '☕',
  transport: '🚕',
  housing: '🏠',
  communication: '📱',
  health: '💊',
  clothing: '👕',
  shopping: '🛍',
  entertainment: '🎬',
  education: '📚',
  gifts: '🎁',
  other: '📦',
  food: '🍽',
};

interface Texts {
  all: string;
  food: string;
  left: (left: string, of: string) => string;
  over: (over: string, of: string) => string;
  unknown: string;
  perMonth: string;
  perWeek: string;
  household: string;
  listTitle: string;
  listEmpty: string;
  alert80: (name: string, percent: number, left: string) => string;
  alert100: (name: string, spent: string, limit: string) => string;
  created: (name: string, amount: string, period: string) => string;
  deleted: string;
  gone: string;
  duplicate: string;
  notInHousehold: string;
  badCategory: string;
  noSuchBudget: string;
  /** ➕ New budget (docs/budgets.md "In the bot"): the buttons and the questions. */
  newButton: string;
  pickCategory: string;
  pickPeriod: (name: string) => string;
  monthButton: string;
  weekButton: string;
  pickWallet: (name: string) => string;
  familyButton: string;
  personalButton: string;
  howMuch: (period: string, name: string) => string;
  stale: string;
}

const T: Record<Language, Texts> = {
  ru: {
    all: 'Все расходы',
    food: 'Еда',
    left: (left, of) => `осталось ${left} из ${of}`,
    over: (over, of) => `перерасход ${over} (лимит ${of})`,
    unknown: 'нет курса валют, остаток не посчитать',
    perMonth: 'в месяц',
    perWeek: 'в неделю',
    household: '👨‍👩‍👧 семья',
    listTitle: '📊 Бюджеты',
    listEmpty:
      'Бюджетов пока нет. Скажите, например: «лимит на кафе 500 тыс в месяц» — и я предупрежу на 80% и 100%.',
    alert80: (name, percent, left) => `⚠️ ${name}: потрачено ${percent}% бюджета, осталось ${left}.`,
    alert100: (name, spent, limit) => `🚨 ${name}: бюджет исчерпан — потрачено ${spent} из ${limit}.`,
    created: (name, amount, period) => `✅ Бюджет «${name}»: ${amount} ${period}. Предупрежу на 80% и 100%.`,
    deleted: 'Бюджет удалён',
    gone: 'Этого бюджета уже нет',
    duplicate: 'Такой бюджет уже есть: измените его в /budget.',
    notInHousehold: 'Вы не в семье: семейный бюджет не задать.',
    badCategory: 'Такой категории расходов нет.',
    noSuchBudget: 'Такого бюджета нет. Все бюджеты — /budget.',
    newButton: '➕ Новый бюджет',
    pickCategory: 'Новый бюджет: на какие расходы?',
    pickPeriod: (name) => `Бюджет «${name}»: на какой срок?`,
    monthButton: 'в месяц',
    weekButton: 'в неделю',
    pickWallet: (name) => `Бюджет «${name}»: семейный или личный?`,
    familyButton: '👨‍👩‍👧 Семья',
    personalButton: '🔒 Личное',
    howMuch: (period, name) =>
      `Сколько ${period} на «${name}»? Напишите сумму, например: 500 тыс. Отмена — /cancel.`,
    stale: 'Эта кнопка устарела: откройте /budget заново.',
  },
  uz: {
    all: 'Barcha xarajatlar',
    food: 'Ovqat',
    left: (left, of) => `${of} dan ${left} qoldi`,
    over: (over, of) => `${over} ortiqcha sarflandi (limit ${of})`,
    unknown: 'valyuta kursi yoʻq, qoldiqni hisoblab boʻlmaydi',
    perMonth: 'oyiga',
    perWeek: 'haftasiga',
    household: '👨‍👩‍👧 oila',
    listTitle: '📊 Byudjetlar',
    listEmpty:
      'Hali byudjet yoʻq. Masalan, ayting: «kafe uchun oylik limit 500 ming» — 80% va 100% da ogohlantiraman.',
    alert80: (name, percent, left) => `⚠️ ${name}: byudjetning ${percent}% sarflandi, ${left} qoldi.`,
    alert100: (name, spent, limit) => `🚨 ${name}: byudjet tugadi — ${limit} dan ${spent} sarflandi.`,
    created: (name, amount, period) =>
      `✅ «${name}» byudjeti: ${period} ${amount}. 80% va 100% da ogohlantiraman.`,
    deleted: 'Byudjet oʻchirildi',
    gone: 'Bu byudjet endi yoʻq',
    duplicate: 'Bunday byudjet bor: uni /budget da oʻzgartiring.',
    notInHousehold: 'Siz oilada emassiz: oilaviy byudjet qoʻyib boʻlmaydi.',
    badCategory: 'Bunday xarajat toifasi yoʻq.',
    noSuchBudget: 'Bunday byudjet yoʻq. Barcha byudjetlar — /budget.',
    newButton: '➕ Yangi byudjet',
    pickCategory: 'Yangi byudjet: qaysi xarajatlarga?',
    pickPeriod: (name) => `«${name}» byudjeti: qancha muddatga?`,
    monthButton: 'oyiga',
    weekButton: 'haftasiga',
    pickWallet: (name) => `«${name}» byudjeti: oilaviymi yoki shaxsiy?`,
    familyButton: '👨‍👩‍👧 Oila',
    personalButton: '🔒 Shaxsiy',
    howMuch: (period, name) =>
      `«${name}» uchun ${period} qancha? Summani yozing, masalan: 500 ming. Bekor qilish — /cancel.`,
    stale: 'Bu tugma eskirgan: /budget ni qayta oching.',
  },
  en: {
    all: 'All spending',
    food: 'Food',
    left: (left, of) => `${left} left of ${of}`,
    over: (over, of) => `${over} over (limit ${of})`,
    unknown: 'no exchange rate, cannot tell what is left',
    perMonth: 'a month',
    perWeek: 'a week',
    household: '👨‍👩‍👧 family',
    listTitle: '📊 Budgets',
    listEmpty:
      'No budgets yet. Say, for example, “set a budget of 2 mln for food” — I will warn you at 80% and 100%.',
    alert80: (name, percent, left) => `⚠️ ${name}: ${percent}% of the budget spent, ${left} left.`,
    alert100: (name, spent, limit) => `🚨 ${name}: budget used up — ${spent} of ${limit} spent.`,
    created: (name, amount, period) =>
      `✅ Budget “${name}”: ${amount} ${period}. I will warn you at 80% and 100%.`,
    deleted: 'Budget deleted',
    gone: 'This budget is gone',
    duplicate: 'There is such a budget already: change it in /budget.',
    notInHousehold: 'You are not in a household: no family budget.',
    badCategory: 'There is no such expense category.',
    noSuchBudget: 'There is no such budget. All budgets: /budget.',
    newButton: '➕ New budget',
    pickCategory: 'New budget: for which spending?',
    pickPeriod: (name) => `Budget “${name}”: for what period?`,
    monthButton: 'a month',
    weekButton: 'a week',
    pickWallet: (name) => `Budget “${name}”: family or personal?`,
    familyButton: '👨‍👩‍👧 Family',
    personalButton: '🔒 Personal',
    howMuch: (period, name) =>
      `How much ${period} for “${name}”? Type the amount, e.g. 500k. To stop: /cancel.`,
    stale: 'This button is out of date: open /budget again.',
  },
};

export const budgetTexts = (lang: Language): Texts => T[lang] ?? T.ru;

/** "500,000" for whole amounts, "12.50" otherwise. */
export function shortAmount(minor: bigint): string {
  return formatAmount(minor).replace(/\.00$/, '');
}

/** The budget's name with its emoji: "☕ Кафе", "🍽 Еда", "💰 Все расходы", a custom category's own name. */
export function budgetName(lang: Language, line: Pick<LineView, 'category' | 'customName'>): string {
  const t = budgetTexts(lang);
  if (line.category === null) return `💰 ${t.all}`;
  if (line.category === 'food') return `${EMOJI.food} ${t.food}`;
  if (isAnyDefaultCategory(line.category))
    return `${EMOJI[line.category] ?? '•'} ${defaultCategoryName(line.category, lang)}`;
  return `🏷 ${line.customName ?? line.category}`;
}

/** "осталось 120,000 из 500,000" / "перерасход 20,000 (лимит 500,000)" / the missing-rate note. */
function standing(lang: Language, line: LineView): string {
  const t = budgetTexts(lang);
  const of = `${shortAmount(line.amountMinor)} ${line.currency}`;
  if (line.remainingMinor === null) return t.unknown;
  if (line.remainingMinor < 0n) return t.over(shortAmount(-line.remainingMinor), of);
  return t.left(shortAmount(line.remainingMinor), of);
}

/** The lines under a recorded expense: "☕ Кафе: осталось 120,000 из 500,000 UZS", one per budget. */
export function budgetLinesText(lang: Language, lines: readonly LineView[]): string {
  return lines.map((l) => `${budgetName(lang, l)}: ${standing(lang, l)}`).join('\n');
}

/** One line of /budget: "☕ Кафе 380,000 / 500,000 UZS (76%) в месяц". */
export function budgetListLine(lang: Language, line: LineView): string {
  const t = budgetTexts(lang);
  const period = line.period === 'week' ? t.perWeek : t.perMonth;
  const family = line.wallet === 'household' ? ` · ${t.household}` : '';
  const progress =
    line.spentMinor === null
      ? `? / ${shortAmount(line.amountMinor)} ${line.currency} (${t.unknown})`
      : `${shortAmount(line.spentMinor)} / ${shortAmount(line.amountMinor)} ${line.currency} (${line.percent}%)`;
  return `${budgetName(lang, line)} ${progress} ${period}${family}`;
}

/** The /budget message. */
export function budgetListText(lang: Language, lines: readonly LineView[]): string {
  const t = budgetTexts(lang);
  if (!lines.length) return t.listEmpty;
  return [t.listTitle, ...lines.map((l) => budgetListLine(lang, l))].join('\n');
}

/** The warning sent at 80% or 100%. */
export function budgetAlertText(lang: Language, threshold: 80 | 100, line: LineView): string {
  const t = budgetTexts(lang);
  const name = budgetName(lang, line);
  const limit = `${shortAmount(line.amountMinor)} ${line.currency}`;
  const spent = `${shortAmount(line.spentMinor ?? 0n)} ${line.currency}`;
  if (threshold === 100) return t.alert100(name, spent, limit);
  const left = line.remainingMinor !== null && line.remainingMinor > 0n ? line.remainingMinor : 0n;
  return t.alert80(name, line.percent ?? 80, `${shortAmount(left)} ${line.currency}`);
}

/** The reply to a new budget. */
export function budgetCreatedText(lang: Language, line: LineView): string {
  const t = budgetTexts(lang);
  const family = line.wallet === 'household' ? ` (${t.household})` : '';
  return t.created(
    budgetName(lang, line) + family,
    `${shortAmount(line.amountMinor)} ${line.currency}`,
    line.period === 'week' ? t.perWeek : t.perMonth,
  );
}

/** "Сколько в месяц на «☕ Кафе и рестораны»? …" (with "(👨‍👩‍👧 семья)" for the household's budget). */
export function budgetHowMuchText(
  lang: Language,
  budget: { category: string | null; period: 'month' | 'week'; wallet: 'personal' | 'household' },
): string {
  const t = budgetTexts(lang);
  const family = budget.wallet === 'household' ? ` (${t.household})` : '';
  return t.howMuch(
    budget.period === 'week' ? t.perWeek : t.perMonth,
    budgetName(lang, { category: budget.category, customName: null }) + family,
  );
}
