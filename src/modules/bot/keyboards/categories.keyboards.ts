/** The ✖ buttons under /categories (pure); a button forgets one learned word (callback_data: callback-data.ts). */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../config/app-config';
import { LEARNED_SHOWN, learnedTexts } from '../../categories/learned.texts';
import { encodeForget } from './callback-data';

const LABEL_MAX = 32;
const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

/** "✖ 1. obed", "✖ 2. обед", … (numbered as the list in the text), two per row; none when nothing is learned. */
export function learnedKeyboard(
  lang: Language,
  learned: ReadonlyArray<{ id: string; keyword: string }>,
): InlineKeyboardMarkup | undefined {
  if (!learned.length) return undefined;
  const t = learnedTexts(lang);
  const buttons = learned
    .slice(0, LEARNED_SHOWN)
    .map((l, i) => ({ text: clip(t.removeButton(i + 1, l.keyword)), callback_data: encodeForget(l.id) }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return { inline_keyboard: rows };
}
