/**
 * Keeping a reply within one Telegram message. Telegram refuses a text longer than 4,096 characters (and a caption
 * longer than 1,024) with "400 message is too long"; after the rows of a phrase were recorded that would be the
 * worst moment to fail (the person retries and records it twice). The formatters whose output grows with the data
 * (a recorded phrase with many items, undo of many rows, goal and debt lists, the balance) render through `fitList`,
 * which keeps the first items that fit and one summary line for the rest, never cutting a line. See
 * docs/bot-texts.md.
 */

/** Telegram's limit of a text message, in UTF-16 code units (what String#length counts; never fewer than characters). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Telegram's limit of a photo or document caption. */
export const TELEGRAM_CAPTION_LIMIT = 1024;

/**
 * Room kept above a reply for the quote of a voice transcript (voice.texts.ts quotes at most 500 characters plus
 * a few of decoration): any reply may be the answer to a voice note.
 */
export const QUOTE_RESERVE = 600;

/** What a formatter's reply may take, so that it still fits under a quoted transcript. */
export const REPLY_TEXT_LIMIT = TELEGRAM_TEXT_LIMIT - QUOTE_RESERVE;

const ELLIPSIS = '…';

/**
 * The longest start of `text` within `limit`, ending at a line break when there is one (then "…" on its own line),
 * else cut between characters (never inside a surrogate pair) with "…". The last resort of `fitList`.
 */
export function clipText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  if (limit <= ELLIPSIS.length) return ELLIPSIS.slice(0, Math.max(0, limit));
  const room = limit - ELLIPSIS.length;
  const lineEnd = text.lastIndexOf('\n', room - 1);
  if (lineEnd > 0) return `${text.slice(0, lineEnd).trimEnd()}\n${ELLIPSIS}`;
  let cut = room;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // a high surrogate whose pair would be cut off
  return `${text.slice(0, cut)}${ELLIPSIS}`;
}

/**
 * A list reply within `limit`: `render(shown)` draws the message with the first `shown` of `count` items (and, when
 * `shown < count`, its own summary line for the rest). Returns the whole list when it fits, else the largest
 * `shown` that fits (at least none, just the summary), else the rendering clipped at a line break.
 *
 * `render(shown)` must grow with `shown` while `shown < count` (one more whole item per step), which any list does.
 */
export function fitList(count: number, render: (shown: number) => string, limit = REPLY_TEXT_LIMIT): string {
  const all = render(count);
  if (all.length <= limit || count === 0) return clipText(all, limit);
  let lo = 0;
  let hi = count - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (render(mid).length <= limit) {
      best = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best >= 0 ? render(best) : clipText(render(0), limit);
}
