/** Inline buttons of the goal and debt replies (pure); their callback_data is encoded in callback-data.ts. */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import { formatMoney } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { debtTexts } from '../../debts/debts.texts';
import { goalTexts } from '../../goals/goals.texts';
import { LIST_BUTTONS_MAX } from './bot.keyboards';
import { encodePlan, PlanAction } from './callback-data';

const LABEL_MAX = 32;
const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);
const button = (text: string, action: PlanAction): InlineKeyboardButton.CallbackButton => ({
  text: clip(text),
  callback_data: encodePlan(action),
});

function rowsOf<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

/** Quick contribution amounts per currency, in minor units. */
const PRESETS: Record<string, bigint[]> = {
  UZS: [5_000_000n, 10_000_000n, 50_000_000n, 100_000_000n],
  USD: [1_000n, 5_000n, 10_000n, 50_000n],
  EUR: [1_000n, 5_000n, 10_000n, 50_000n],
  RUB: [50_000n, 100_000n, 500_000n, 1_000_000n],
};

/** "➕ Телефон" per active goal (two per row). */
export function goalsKeyboard(
  lang: Language,
  goals: ReadonlyArray<{ id: string; title: string; status: string }>,
): InlineKeyboardMarkup | undefined {
  const active = goals.filter((g) => g.status === 'active');
  if (!active.length) return undefined;
  return {
    inline_keyboard: rowsOf(
      active
        .slice(0, LIST_BUTTONS_MAX)
        .map((g) => button(goalTexts(lang).addButton(g.title), { kind: 'goal', id: g.id })),
      2,
    ),
  };
}

/** Amounts to put towards one goal (presets below what is left, and the rest), 🏁 done, ⬅️ back. */
export function contributeKeyboard(
  lang: Language,
  goal: { id: string; currency: string; targetMinor: bigint; savedMinor: bigint },
): InlineKeyboardMarkup {
  const t = goalTexts(lang);
  const left = goal.targetMinor - goal.savedMinor;
  const presets = (PRESETS[goal.currency] ?? PRESETS.USD).filter((p) => p < left);
  const amounts = presets.map((p) =>
    button(`+${formatMoney(p, goal.currency).replace('.00 ', ' ')}`, {
      kind: 'contribute',
      id: goal.id,
      amountMinor: p,
    }),
  );
  const rows = rowsOf(amounts, 2);
  if (left > 0n)
    rows.push([
      button(t.allButton(formatMoney(left, goal.currency)), {
        kind: 'contribute',
        id: goal.id,
        amountMinor: left,
      }),
    ]);
  rows.push([
    button(t.completeButton, { kind: 'complete', id: goal.id }),
    button(t.backButton, { kind: 'back', list: 'goals' }),
  ]);
  return { inline_keyboard: rows };
}

/** "💵 Алишер" per open debt (two per row). */
export function debtsKeyboard(
  lang: Language,
  debts: ReadonlyArray<{ id: string; counterparty: string }>,
): InlineKeyboardMarkup | undefined {
  if (!debts.length) return undefined;
  return {
    inline_keyboard: rowsOf(
      debts
        .slice(0, LIST_BUTTONS_MAX)
        .map((d) => button(debtTexts(lang).openButton(d.counterparty), { kind: 'debt', id: d.id })),
      2,
    ),
  };
}

/** Repay everything / half of what is left, close, back. */
export function repayKeyboard(
  lang: Language,
  debt: { id: string; currency: string; amountMinor: bigint; repaidMinor: bigint },
): InlineKeyboardMarkup {
  const t = debtTexts(lang);
  const left = debt.amountMinor - debt.repaidMinor;
  const rows: InlineKeyboardButton[][] = [
    [
      button(t.allButton(formatMoney(left, debt.currency)), {
        kind: 'repay',
        id: debt.id,
        amountMinor: left,
      }),
    ],
  ];
  const half = (left / 2n / 100n) * 100n; // whole units
  if (half > 0n && half < left)
    rows.push([
      button(t.halfButton(formatMoney(half, debt.currency)), {
        kind: 'repay',
        id: debt.id,
        amountMinor: half,
      }),
    ]);
  rows.push([
    button(t.closeButton, { kind: 'close', id: debt.id }),
    button(t.backButton, { kind: 'back', list: 'debts' }),
  ]);
  return { inline_keyboard: rows };
}
