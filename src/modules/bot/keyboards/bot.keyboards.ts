/** Inline keyboards of the bot's replies (pure): labels from bot.texts, callback_data from callback-data. */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { CURRENCIES } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { callbackButton } from './callback-data';
import { LANGUAGES } from '../../../common/text/languages';
import { buttonLabels, languageLabel } from '../texts/bot.texts';
import { otherWallet, walletTexts } from '../texts/wallet.texts';
import type { Wallet } from '../../transactions/wallet';

const LABEL_MAX = 32;

/**
 * Most buttons a list keyboard shows (one per item, goal or debt): Telegram refuses a reply markup that is too
 * large ("reply markup is too long"), and a wall of buttons helps nobody. The first ones, in the list's order.
 */
export const LIST_BUTTONS_MAX = 48;

function rowsOf<T>(items: readonly T[], perRow: number): T[][] {
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += perRow) rows.push(items.slice(i, i + perRow));
  return rows;
}

function clip(text: string): string {
  return text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text;
}

/**
 * ↩️ Undo and 🏷 Category under a recorded reply (every item of the update); for someone in a household, with
 * `wallet` (where the records are), a second row moves them to the other wallet.
 */
export function recordedKeyboard(lang: Language, updateId: bigint, wallet?: Wallet): InlineKeyboardMarkup {
  const l = buttonLabels(lang);
  const rows = [
    [
      callbackButton(l.undo, { kind: 'undo', updateId }),
      callbackButton(l.category, { kind: 'category', updateId }),
    ],
  ];
  if (wallet) {
    const to = otherWallet(wallet);
    rows.push([callbackButton(walletTexts(lang).moveTo(to), { kind: 'move_wallet', updateId, wallet: to })]);
  }
  return { inline_keyboard: rows };
}

/** Several items: which one gets a new category ("1. такси", "2. кофе"), then Back. */
export function itemChooserKeyboard(
  lang: Language,
  updateId: bigint,
  items: ReadonlyArray<{ item: number; label: string }>,
): InlineKeyboardMarkup {
  const buttons = items
    .slice(0, LIST_BUTTONS_MAX)
    .map((it, i) =>
      callbackButton(clip(`${i + 1}. ${it.label}`), { kind: 'category', updateId, item: it.item }),
    );
  return {
    inline_keyboard: [
      ...rowsOf(buttons, 2),
      [callbackButton(buttonLabels(lang).back, { kind: 'back', updateId })],
    ],
  };
}

/** The categories of the item's type, two per row, the current one marked, then Back. */
export function categoryKeyboard(
  lang: Language,
  updateId: bigint,
  item: number,
  categories: ReadonlyArray<{ key: string; name: string }>,
  current: string,
): InlineKeyboardMarkup {
  const buttons = categories.map((c) =>
    callbackButton(clip(`${c.key === current ? '✅ ' : ''}${c.name}`), {
      kind: 'set_category',
      updateId,
      item,
      category: c.key,
    }),
  );
  return {
    inline_keyboard: [
      ...rowsOf(buttons, 2),
      [callbackButton(buttonLabels(lang).back, { kind: 'back', updateId })],
    ],
  };
}

const mark = (label: string, isCurrent: boolean): string => (isCurrent ? `✅ ${label}` : label);

/** The three languages in one row; `current` (the user's) marked. */
export function languageKeyboard(current?: Language): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      LANGUAGES.map((language) =>
        callbackButton(mark(languageLabel(language), language === current), { kind: 'language', language }),
      ),
    ],
  };
}

/** The currencies, two per row; `current` (the user's default) marked. */
export function currencyKeyboard(current?: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: rowsOf(
      CURRENCIES.map((currency) =>
        callbackButton(mark(currency, currency === current), { kind: 'currency', currency }),
      ),
      2,
    ),
  };
}
