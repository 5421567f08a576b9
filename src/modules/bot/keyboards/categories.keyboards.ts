/**
 * The ✖ buttons under /categories and their callback_data (pure). A button forgets one learned word:
 *
 *   lr:<learned word's id as 32 hex digits>
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../config/app-config';
import { LEARNED_SHOWN, learnedTexts } from '../../categories/learned.texts';
import { hexToUuid, uuidToHex } from './callback-data';

/** callback_data that belongs to these buttons (the bot routes it here before its own). */
export const LEARNED_CALLBACK_RE = /^lr:/;

const LABEL_MAX = 32;
const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);

export function encodeForget(id: string): string {
  return `lr:${uuidToHex(id)}`;
}

/** The learned word's id a button names, or null for anything else. */
export function decodeForget(data: string | undefined): string | null {
  const m = /^lr:([0-9a-f]{32})$/.exec(data ?? '');
  return m ? hexToUuid(m[1]) : null;
}

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
