/**
 * What the bot says about goals, per language (ru, uz Latin, en), and the pure formatters that fill it in.
 * A missing translation fails the type check (Record<Language, …>).
 */
import { formatAmount, formatMoney, MAX_AMOUNT_MINOR } from '../../common/money';
import { fitList } from '../../common/text/message-limit';
import type { Language } from '../../config/app-config';
import { progressBar, progressPercent } from './progress';

/** "2027-03-01" → "01.03.2027". */
export function formatIsoDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}

const G = {
  ru: {
    created: '🎯 Новая цель:',
    listTitle: '🎯 Ваши цели:',
    empty: '🎯 Целей пока нет.\nСоздайте, например: «цель: телефон 3 млн к 1 марта»',
    until: (date: string) => `до ${date}`,
    contributed: (amount: string, title: string) => `✅ Отложено ${amount} на «${title}»`,
    reached: (title: string) => `🎉 Цель «${title}» достигнута!`,
    completed: (title: string) => `🏁 Цель «${title}» выполнена.`,
    needAmount: '💬 Сколько нужно накопить? Например: «цель: телефон 3 млн к 1 марта»',
    needTitle: '💬 На что копим? Например: «цель: телефон 3 млн к 1 марта»',
    notFound: (target: string) => `🤔 Не нашёл цель «${target}». Ваши цели: /goals`,
    whichGoal: '🤔 На какую цель? Например: «отложил 500 тысяч на телефон». Ваши цели: /goals',
    noGoals: '🎯 Целей пока нет. Создайте: «цель: телефон 3 млн к 1 марта»',
    currencyMismatch: (title: string, currency: string) =>
      `⚠️ Цель «${title}» в ${currency}: напишите сумму в ${currency}.`,
    tooLarge: (max: string) => `❌ Слишком большая сумма: не больше ${max}.`,
    more: (n: number) => `… и ещё ${n}`,
    hint: 'Пополнить: «отложил 500 тысяч на телефон» или кнопкой ниже.',
    chooseAmount: (title: string) => `➕ Сколько отложить на «${title}»?`,
    addButton: (title: string) => `➕ ${title}`,
    allButton: (amount: string) => `Остаток: ${amount}`,
    completeButton: '🏁 Выполнена',
    backButton: '⬅️ Назад',
    gone: '⚠️ Этой цели больше нет.',
  },
  uz: {
    created: '🎯 Yangi maqsad:',
    listTitle: '🎯 Maqsadlaringiz:',
    empty: '🎯 Hozircha maqsadlar yoʻq.\nMasalan, shunday yarating: «maqsad: mashina 100 million soʻm»',
    until: (date: string) => `${date} gacha`,
    contributed: (amount: string, title: string) => `✅ «${title}» uchun ${amount} ajratildi`,
    reached: (title: string) => `🎉 «${title}» maqsadiga erishildi!`,
    completed: (title: string) => `🏁 «${title}» maqsadi bajarildi.`,
    needAmount: '💬 Qancha yigʻmoqchisiz? Masalan: «maqsad: mashina 100 million soʻm»',
    needTitle: '💬 Nima uchun yigʻamiz? Masalan: «maqsad: mashina 100 million soʻm»',
    notFound: (target: string) => `🤔 «${target}» maqsadi topilmadi. Maqsadlaringiz: /goals`,
    whichGoal: '🤔 Qaysi maqsad uchun? Masalan: «telefonga 500 ming ajratdim». Maqsadlaringiz: /goals',
    noGoals: '🎯 Hozircha maqsadlar yoʻq. Yarating: «maqsad: mashina 100 million soʻm»',
    currencyMismatch: (title: string, currency: string) =>
      `⚠️ «${title}» maqsadi ${currency} da: summani ${currency} da yozing.`,
    tooLarge: (max: string) => `❌ Summa juda katta: koʻpi bilan ${max}.`,
    more: (n: number) => `… yana ${n} ta`,
    hint: 'Toʻldirish: «telefonga 500 ming ajratdim» yoki quyidagi tugma bilan.',
    chooseAmount: (title: string) => `➕ «${title}» uchun qancha ajratamiz?`,
    addButton: (title: string) => `➕ ${title}`,
    allButton: (amount: string) => `Qolgani: ${amount}`,
    completeButton: '🏁 Bajarildi',
    backButton: '⬅️ Orqaga',
    gone: '⚠️ Bu maqsad endi mavjud emas.',
  },
  en: {
    created: '🎯 New goal:',
    listTitle: '🎯 Your goals:',
    empty: '🎯 No goals yet.\nCreate one, e.g.: “goal: laptop 1200 dollars by June 1”',
    until: (date: string) => `by ${date}`,
    contributed: (amount: string, title: string) => `✅ Saved ${amount} towards “${title}”`,
    reached: (title: string) => `🎉 Goal “${title}” reached!`,
    completed: (title: string) => `🏁 Goal “${title}” marked as done.`,
    needAmount: '💬 How much do you want to save? E.g.: “goal: laptop 1200 dollars by June 1”',
    needTitle: '💬 What are you saving for? E.g.: “goal: laptop 1200 dollars by June 1”',
    notFound: (target: string) => `🤔 I couldn't find the goal “${target}”. Your goals: /goals`,
    whichGoal: '🤔 Which goal? E.g.: “saved 100 dollars for laptop”. Your goals: /goals',
    noGoals: '🎯 No goals yet. Create one: “goal: laptop 1200 dollars by June 1”',
    currencyMismatch: (title: string, currency: string) =>
      `⚠️ The goal “${title}” is in ${currency}: please give the amount in ${currency}.`,
    tooLarge: (max: string) => `❌ That amount is too large: at most ${max}.`,
    more: (n: number) => `… and ${n} more`,
    hint: 'Add money: “saved 100 dollars for laptop” or with a button below.',
    chooseAmount: (title: string) => `➕ How much to put towards “${title}”?`,
    addButton: (title: string) => `➕ ${title}`,
    allButton: (amount: string) => `The rest: ${amount}`,
    completeButton: '🏁 Done',
    backButton: '⬅️ Back',
    gone: '⚠️ This goal no longer exists.',
  },
} satisfies Record<Language, Record<string, unknown>>;

/** What a formatter needs of a goal. */
export interface GoalView {
  title: string;
  targetMinor: bigint;
  savedMinor: bigint;
  currency: string;
  deadline: string | null;
  status: 'active' | 'completed';
}

/**
 * One goal, three lines:
 *   Телефон
 *   ▓▓▓▓░░░░░░ 40%
 *   1,200,000.00 / 3,000,000.00 UZS · до 01.03.2027
 */
export function goalBlock(lang: Language, goal: GoalView, prefix = ''): string {
  const t = G[lang];
  const head = `${prefix}${goal.status === 'completed' ? '✅ ' : ''}${goal.title}`;
  const amounts = `${formatMoney(goal.savedMinor, goal.currency).replace(/ [A-Z]{3}$/, '')} / ${formatMoney(goal.targetMinor, goal.currency)}`;
  const until = goal.deadline ? ` · ${t.until(formatIsoDate(goal.deadline))}` : '';
  return [head, progressBar(progressPercent(goal.savedMinor, goal.targetMinor)), `${amounts}${until}`].join(
    '\n',
  );
}

export function goalCreatedText(lang: Language, goal: GoalView): string {
  return `${G[lang].created}\n${goalBlock(lang, goal)}\n\n${G[lang].hint}`;
}

/** The /goals answer: every goal with its progress bar, active ones first (as many as one message holds). */
export function goalsListText(lang: Language, goals: readonly GoalView[]): string {
  const t = G[lang];
  if (!goals.length) return t.empty;
  const blocks = goals.map((g, i) => goalBlock(lang, g, `${i + 1}. `));
  return fitList(blocks.length, (shown) =>
    [
      t.listTitle,
      ...blocks.slice(0, shown),
      ...(shown < blocks.length ? [t.more(blocks.length - shown)] : []),
    ].join('\n\n'),
  );
}

/** After a contribution: what was saved, the goal's progress, and 🎉 when it was reached just now. */
export function contributedText(
  lang: Language,
  amountMinor: bigint,
  goal: GoalView,
  reachedNow: boolean,
): string {
  const t = G[lang];
  const lines = [t.contributed(formatMoney(amountMinor, goal.currency), goal.title), goalBlock(lang, goal)];
  if (reachedNow) lines.push(t.reached(goal.title));
  return lines.join('\n\n');
}

export const goalTexts = (lang: Language) => G[lang];

/** An amount over what a goal can hold, the maximum said. */
export const goalTooLargeText = (lang: Language): string => G[lang].tooLarge(formatAmount(MAX_AMOUNT_MINOR));
