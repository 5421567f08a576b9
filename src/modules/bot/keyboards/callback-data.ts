/**
 * callback_data of the bot's inline buttons: short, ASCII, at most 64 bytes (Telegram's limit). Pure functions.
 *
 * A recorded reply is addressed by the update id that recorded it (transactions.source_update_id, per user), so
 * one button serves every item of a multi-item reply; an item is its index in that update (source_item).
 *
 *   u:<update>                  ↩️ Undo: delete every row recorded by that update
 *   c:<update>                  🏷 Category: the item chooser (several items) or the category list (one item)
 *   c:<update>:<item>           the category list for one item
 *   s:<update>:<item>:<cat>     pick a category: a default key ("transport") or "~" + the custom uuid's 32 hex digits
 *   b:<update>                  ⬅️ Back to the Undo / Category buttons
 *   lang:<ru|uz|en>             language chooser
 *   cur:<UZS|USD|RUB|EUR>       default currency chooser
 *   m:<update>:<last4>          "my card is ***last4" under the question about the transfer receipt of that update
 *
 * Messages that name money but are not records (bot/asides), addressed by the update id of the message that said
 * it; whatever they record is tied to that update id, so a button pressed twice records once:
 *
 *   k:<update>:<UZS|USD|RUB|EUR>  "40 тыс" in a non-sum default currency: record the items in this currency
 *   f:<update>:<step>            money for a later day: r remind on its day, t tomorrow, w in a week, p paid already
 *                                (record today), n no; under the reminder: d record, s skip
 *   g:<update>                   a saving intention: create the goal
 */
import { CURRENCIES, Currency } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { customCategoryId, customCategoryKey } from '../../categories/category-keys';

export const CALLBACK_DATA_MAX_BYTES = 64;

export type CallbackAction =
  | { kind: 'undo'; updateId: bigint }
  | { kind: 'category'; updateId: bigint; item?: number }
  | { kind: 'set_category'; updateId: bigint; item: number; category: string }
  | { kind: 'back'; updateId: bigint }
  | { kind: 'language'; language: Language }
  | { kind: 'currency'; currency: Currency }
  | { kind: 'card_side'; updateId: bigint; card: string }
  | { kind: 'pick_currency'; updateId: bigint; currency: Currency }
  | { kind: 'planned'; updateId: bigint; step: PlannedStep }
  | { kind: 'goal_offer'; updateId: bigint };

/** The buttons of money for a later day (see the header). */
export const PLANNED_STEPS = ['remind', 'tomorrow', 'week', 'paid', 'no', 'record', 'skip'] as const;
export type PlannedStep = (typeof PLANNED_STEPS)[number];
const STEP_CODES: Record<PlannedStep, string> = {
  remind: 'r',
  tomorrow: 't',
  week: 'w',
  paid: 'p',
  no: 'n',
  record: 'd',
  skip: 's',
};
const STEP_BY_CODE = new Map(PLANNED_STEPS.map((step) => [STEP_CODES[step], step]));

const LANGS: readonly string[] = ['ru', 'uz', 'en'];
const UPDATE = '(\\d{1,19})';
const ITEM = '(\\d{1,3})';

/** A uuid as it travels in callback_data: its 32 hex digits. */
export function uuidToHex(id: string): string {
  return id.replace(/-/g, '').toLowerCase();
}

/** 32 hex digits back to a uuid. */
export function hexToUuid(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A category key as it travels in callback_data ("custom:<uuid>" → "~<32 hex>"). */
export function encodeCategory(key: string): string {
  const id = customCategoryId(key);
  return id ? `~${uuidToHex(id)}` : key;
}

export function decodeCategory(code: string): string | null {
  if (/^[a-z_]{1,32}$/.test(code)) return code;
  const m = /^~([0-9a-f]{32})$/.exec(code);
  return m ? customCategoryKey(hexToUuid(m[1])) : null;
}

export function encodeCallback(action: CallbackAction): string {
  switch (action.kind) {
    case 'undo':
      return `u:${action.updateId}`;
    case 'category':
      return action.item === undefined ? `c:${action.updateId}` : `c:${action.updateId}:${action.item}`;
    case 'set_category':
      return `s:${action.updateId}:${action.item}:${encodeCategory(action.category)}`;
    case 'back':
      return `b:${action.updateId}`;
    case 'language':
      return `lang:${action.language}`;
    case 'currency':
      return `cur:${action.currency}`;
    case 'card_side':
      return `m:${action.updateId}:${action.card}`;
    case 'pick_currency':
      return `k:${action.updateId}:${action.currency}`;
    case 'planned':
      return `f:${action.updateId}:${STEP_CODES[action.step]}`;
    case 'goal_offer':
      return `g:${action.updateId}`;
  }
}

/** The action a button press asks for, or null for anything else (stale or foreign data). */
export function decodeCallback(data: string | undefined): CallbackAction | null {
  if (!data || Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return null;
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^u:${UPDATE}$`).exec(data))) return { kind: 'undo', updateId: BigInt(m[1]) };
  if ((m = new RegExp(`^b:${UPDATE}$`).exec(data))) return { kind: 'back', updateId: BigInt(m[1]) };
  if ((m = new RegExp(`^c:${UPDATE}(?::${ITEM})?$`).exec(data))) {
    return m[2] === undefined
      ? { kind: 'category', updateId: BigInt(m[1]) }
      : { kind: 'category', updateId: BigInt(m[1]), item: Number(m[2]) };
  }
  if ((m = new RegExp(`^s:${UPDATE}:${ITEM}:(\\S+)$`).exec(data))) {
    const category = decodeCategory(m[3]);
    return category ? { kind: 'set_category', updateId: BigInt(m[1]), item: Number(m[2]), category } : null;
  }
  if ((m = new RegExp(`^m:${UPDATE}:(\\d{4})$`).exec(data)))
    return { kind: 'card_side', updateId: BigInt(m[1]), card: m[2] };
  if ((m = /^lang:([a-z]{2})$/.exec(data)) && LANGS.includes(m[1]))
    return { kind: 'language', language: m[1] as Language };
  if ((m = /^cur:([A-Z]{3})$/.exec(data)) && (CURRENCIES as readonly string[]).includes(m[1]))
    return { kind: 'currency', currency: m[1] as Currency };
  if (
    (m = new RegExp(`^k:${UPDATE}:([A-Z]{3})$`).exec(data)) &&
    (CURRENCIES as readonly string[]).includes(m[2])
  ) {
    return { kind: 'pick_currency', updateId: BigInt(m[1]), currency: m[2] as Currency };
  }
  if ((m = new RegExp(`^f:${UPDATE}:([a-z])$`).exec(data)) && STEP_BY_CODE.has(m[2]))
    return { kind: 'planned', updateId: BigInt(m[1]), step: STEP_BY_CODE.get(m[2])! };
  if ((m = new RegExp(`^g:${UPDATE}$`).exec(data))) return { kind: 'goal_offer', updateId: BigInt(m[1]) };
  return null;
}
