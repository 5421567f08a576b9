/**
 * The buttons of /budget (pure): ✖ per budget and ➕ New budget under the list, then the steps of ➕ (docs/budgets.md
 * "In the bot"); their callback_data is encoded in callback-data.ts.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../common/text/languages';
import { budgetName, budgetTexts, type LineView } from '../../budgets/budgets.texts';
import { LIST_BUTTONS_MAX } from './bot.keyboards';
import {
  BUDGET_BUTTON_CATEGORIES,
  type BudgetPeriodCode,
  encodeBudgetDelete,
  encodeBudgetNew,
} from './callback-data';

const LABEL_MAX = 32;
const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/** "✖ ☕ Кафе…" per budget, one per row, then "➕ Новый бюджет" (alone when there are no budgets). */
export function budgetsKeyboard(
  lang: Language,
  lines: ReadonlyArray<LineView & { id: string }>,
): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      ...lines
        .slice(0, LIST_BUTTONS_MAX)
        .map((l) => [{ text: clip(`✖ ${budgetName(lang, l)}`), callback_data: encodeBudgetDelete(l.id) }]),
      [{ text: budgetTexts(lang).newButton, callback_data: encodeBudgetNew({ kind: 'start' }) }],
    ],
  };
}

/** ➕'s first step: the default expense categories, 🍽 food and 💰 all spending, two per row. */
export function budgetCategoryKeyboard(lang: Language): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = BUDGET_BUTTON_CATEGORIES.map((category) => ({
    text: clip(budgetName(lang, { category, customName: null })),
    callback_data: encodeBudgetNew({ kind: 'category', category }),
  }));
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return { inline_keyboard: rows };
}

/** The second step: "в месяц" · "в неделю". */
export function budgetPeriodKeyboard(lang: Language, category: string | null): InlineKeyboardMarkup {
  const t = budgetTexts(lang);
  const button = (text: string, period: BudgetPeriodCode) => ({
    text,
    callback_data: encodeBudgetNew({ kind: 'period', category, period }),
  });
  return { inline_keyboard: [[button(t.monthButton, 'month'), button(t.weekButton, 'week')]] };
}

/** The third step, for a household member: "👨‍👩‍👧 Семья" · "🔒 Личное". */
export function budgetWalletKeyboard(
  lang: Language,
  category: string | null,
  period: BudgetPeriodCode,
): InlineKeyboardMarkup {
  const t = budgetTexts(lang);
  return {
    inline_keyboard: [
      [
        {
          text: t.familyButton,
          callback_data: encodeBudgetNew({ kind: 'wallet', category, period, wallet: 'household' }),
        },
        {
          text: t.personalButton,
          callback_data: encodeBudgetNew({ kind: 'wallet', category, period, wallet: 'personal' }),
        },
      ],
    ],
  };
}
