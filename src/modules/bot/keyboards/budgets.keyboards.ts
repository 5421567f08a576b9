/** The ✖ buttons under /budget (pure); their callback_data is encoded in callback-data.ts. */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../common/text/languages';
import { budgetName, type LineView } from '../../budgets/budgets.texts';
import { LIST_BUTTONS_MAX } from './bot.keyboards';
import { encodeBudgetDelete } from './callback-data';

const LABEL_MAX = 32;
const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/** "✖ ☕ Кафе…" per budget, one per row; none when there are no budgets. */
export function budgetsKeyboard(
  lang: Language,
  lines: ReadonlyArray<LineView & { id: string }>,
): InlineKeyboardMarkup | undefined {
  if (!lines.length) return undefined;
  return {
    inline_keyboard: lines
      .slice(0, LIST_BUTTONS_MAX)
      .map((l) => [{ text: clip(`✖ ${budgetName(lang, l)}`), callback_data: encodeBudgetDelete(l.id) }]),
  };
}
