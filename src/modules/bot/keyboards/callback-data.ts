import type { InlineKeyboardButton } from 'telegraf/types';
/**
 * callback_data of every inline button of the bot, in one codec: short, ASCII, at most 64 bytes (Telegram's limit).
 * Pure functions. The strings are what buttons already sent carry: they must keep being read as they are.
 *
 * A recorded reply is addressed by the update id that recorded it (transactions.source_update_id, per user), so
 * one button serves every item of a multi-item reply; an item is its index in that update (source_item).
 *
 *   u:<update>                  ↩️ Undo: delete every row recorded by that update
 *   c:<update>                  🏷 Category: the item chooser (several items) or the category list (one item)
 *   c:<update>:<item>           the category list for one item
 *   s:<update>:<item>:<cat>     pick a category: a default key ("transport") or "~" + the custom uuid's 32 hex digits
 *   b:<update>                  ⬅️ Back to the Undo / Category buttons
 *   w:<update>:<p|h>            move every row of that update to the personal (p) or household (h) wallet
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
 *
 * The goal and debt buttons (routed by PLAN_CALLBACK_RE before the others):
 *
 *   pg:<goal>            a goal's contribution amounts        pa:<goal>:<minor>   contribute that amount
 *   pc:<goal>            complete the goal by hand            pb:g / pb:d         back to the goals / debts buttons
 *   pd:<debt>            a debt's repayment amounts           pr:<debt>:<minor>   repay that amount
 *   px:<debt>            close the debt
 *
 * The ✖ buttons under /categories (LEARNED_CALLBACK_RE): lr:<learned word's id as 32 hex digits>.
 *
 * The report buttons (REPORT_CALLBACK_RE):
 *
 *   st:<week|month|prev_month|year>   the /stats chart for that period
 *   sf:<week|month|prev_month|year>   the household's /stats chart for that period (docs/households.md)
 *   del:yes:<unix seconds>            confirm /deletemydata (valid for DELETE_CONFIRM_SECONDS after it was asked)
 *   del:no                            keep the data
 *
 * A planned payment's reminder is sent by notifications/ with the f:<update>:d / f:<update>:s buttons
 * (notifications/reminder-buttons.ts); they are read here as the `planned` action.
 *
 * The recurring payments' buttons (rr: rs: ra: under the due-day ask, re: rp: rx: under /recurring, ro: under the offer
 * of a noticed pattern) have their codec in recurring/recurring.buttons.ts: the scheduler that sends the ask is not
 * in the bot (RECURRING_CALLBACK_RE routes them).
 */
import { CURRENCIES, Currency } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { customCategoryId, customCategoryKey, DEFAULT_CATEGORY_KEYS } from '../../categories/category-keys';
import { LANGUAGES } from '../../../common/text/languages';
import type { Wallet } from '../../transactions/wallet';

export const CALLBACK_DATA_MAX_BYTES = 64;

export type CallbackAction =
  | { kind: 'undo'; updateId: bigint }
  | { kind: 'category'; updateId: bigint; item?: number }
  | { kind: 'set_category'; updateId: bigint; item: number; category: string }
  | { kind: 'back'; updateId: bigint }
  | { kind: 'move_wallet'; updateId: bigint; wallet: Wallet }
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
    case 'move_wallet':
      return `w:${action.updateId}:${action.wallet === 'household' ? 'h' : 'p'}`;
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

/** An inline button that sends `action` when pressed. */
export function callbackButton(text: string, action: CallbackAction): InlineKeyboardButton.CallbackButton {
  return { text, callback_data: encodeCallback(action) };
}

/** The patterns of decodeCallback, compiled once. */
const UNDO_RE = new RegExp(`^u:${UPDATE}$`);
const BACK_RE = new RegExp(`^b:${UPDATE}$`);
const CATEGORY_RE = new RegExp(`^c:${UPDATE}(?::${ITEM})?$`);
const SET_CATEGORY_RE = new RegExp(`^s:${UPDATE}:${ITEM}:(\\S+)$`);
const CARD_SIDE_RE = new RegExp(`^m:${UPDATE}:(\\d{4})$`);
const PICK_CURRENCY_RE = new RegExp(`^k:${UPDATE}:([A-Z]{3})$`);
const PLANNED_RE = new RegExp(`^f:${UPDATE}:([a-z])$`);
const GOAL_OFFER_RE = new RegExp(`^g:${UPDATE}$`);
const MOVE_WALLET_RE = new RegExp(`^w:${UPDATE}:([ph])$`);

/** The action a button press asks for, or null for anything else (stale or foreign data). */
export function decodeCallback(data: string | undefined): CallbackAction | null {
  if (!data || Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return null;
  let m: RegExpExecArray | null;
  if ((m = UNDO_RE.exec(data))) return { kind: 'undo', updateId: BigInt(m[1]) };
  if ((m = BACK_RE.exec(data))) return { kind: 'back', updateId: BigInt(m[1]) };
  if ((m = MOVE_WALLET_RE.exec(data)))
    return { kind: 'move_wallet', updateId: BigInt(m[1]), wallet: m[2] === 'h' ? 'household' : 'personal' };
  if ((m = CATEGORY_RE.exec(data))) {
    return m[2] === undefined
      ? { kind: 'category', updateId: BigInt(m[1]) }
      : { kind: 'category', updateId: BigInt(m[1]), item: Number(m[2]) };
  }
  if ((m = SET_CATEGORY_RE.exec(data))) {
    const category = decodeCategory(m[3]);
    return category ? { kind: 'set_category', updateId: BigInt(m[1]), item: Number(m[2]), category } : null;
  }
  if ((m = CARD_SIDE_RE.exec(data))) return { kind: 'card_side', updateId: BigInt(m[1]), card: m[2] };
  if ((m = /^lang:([a-z]{2})$/.exec(data)) && (LANGUAGES as readonly string[]).includes(m[1]))
    return { kind: 'language', language: m[1] as Language };
  if ((m = /^cur:([A-Z]{3})$/.exec(data)) && (CURRENCIES as readonly string[]).includes(m[1]))
    return { kind: 'currency', currency: m[1] as Currency };
  if ((m = PICK_CURRENCY_RE.exec(data)) && (CURRENCIES as readonly string[]).includes(m[2])) {
    return { kind: 'pick_currency', updateId: BigInt(m[1]), currency: m[2] as Currency };
  }
  if ((m = PLANNED_RE.exec(data)) && STEP_BY_CODE.has(m[2]))
    return { kind: 'planned', updateId: BigInt(m[1]), step: STEP_BY_CODE.get(m[2])! };
  if ((m = GOAL_OFFER_RE.exec(data))) return { kind: 'goal_offer', updateId: BigInt(m[1]) };
  return null;
}

// --- The goal and debt buttons (flows/plans.bot.ts). Ids travel as 32 hex digits. ------------------------------

export type PlanAction =
  | { kind: 'goal'; id: string }
  | { kind: 'contribute'; id: string; amountMinor: bigint }
  | { kind: 'complete'; id: string }
  | { kind: 'debt'; id: string }
  | { kind: 'repay'; id: string; amountMinor: bigint }
  | { kind: 'close'; id: string }
  | { kind: 'back'; list: 'goals' | 'debts' };

/** callback_data that belongs to these buttons (the bot routes it here before its own). */
export const PLAN_CALLBACK_RE = /^p[gacdrxb]:/;

export function encodePlan(action: PlanAction): string {
  switch (action.kind) {
    case 'goal':
      return `pg:${uuidToHex(action.id)}`;
    case 'contribute':
      return `pa:${uuidToHex(action.id)}:${action.amountMinor}`;
    case 'complete':
      return `pc:${uuidToHex(action.id)}`;
    case 'debt':
      return `pd:${uuidToHex(action.id)}`;
    case 'repay':
      return `pr:${uuidToHex(action.id)}:${action.amountMinor}`;
    case 'close':
      return `px:${uuidToHex(action.id)}`;
    case 'back':
      return `pb:${action.list === 'goals' ? 'g' : 'd'}`;
  }
}

export function decodePlan(data: string | undefined): PlanAction | null {
  if (!data || Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return null;
  let m: RegExpExecArray | null;
  if ((m = /^p([gcdx]):([0-9a-f]{32})$/.exec(data))) {
    const id = hexToUuid(m[2]);
    return {
      g: { kind: 'goal', id },
      c: { kind: 'complete', id },
      d: { kind: 'debt', id },
      x: { kind: 'close', id },
    }[m[1] as 'g' | 'c' | 'd' | 'x'] as PlanAction;
  }
  if ((m = /^p([ar]):([0-9a-f]{32}):([1-9]\d{0,14})$/.exec(data))) {
    return { kind: m[1] === 'a' ? 'contribute' : 'repay', id: hexToUuid(m[2]), amountMinor: BigInt(m[3]) };
  }
  if ((m = /^pb:([gd])$/.exec(data))) return { kind: 'back', list: m[1] === 'g' ? 'goals' : 'debts' };
  return null;
}

// --- The ✖ buttons under /categories (flows/categories.bot.ts). -------------------------------------------------

/** callback_data that belongs to these buttons (the bot routes it here before its own). */
export const LEARNED_CALLBACK_RE = /^lr:/;

export function encodeForget(id: string): string {
  return `lr:${uuidToHex(id)}`;
}

/** The learned word's id a button names, or null for anything else. */
export function decodeForget(data: string | undefined): string | null {
  const m = /^lr:([0-9a-f]{32})$/.exec(data ?? '');
  return m ? hexToUuid(m[1]) : null;
}

// --- The report buttons (flows/bot.reports.ts). -----------------------------------------------------------------

export type StatsButtonPeriod = 'week' | 'month' | 'prev_month' | 'year';

export type ReportAction =
  | { kind: 'stats'; period: StatsButtonPeriod; family?: boolean }
  /** Confirm /deletemydata; `askedAt` is when it was asked (unix seconds). */
  | { kind: 'delete_yes'; askedAt: number }
  | { kind: 'delete_no' };

/** callback_data that belongs to the report buttons (the bot routes it to them before its own). */
export const REPORT_CALLBACK_RE = /^(st|sf|del):/;

export function encodeReport(action: ReportAction): string {
  switch (action.kind) {
    case 'stats':
      return `${action.family ? 'sf' : 'st'}:${action.period}`;
    case 'delete_yes':
      return `del:yes:${action.askedAt}`;
    case 'delete_no':
      return 'del:no';
  }
}

/** The report action a button names, or null for anything else. */
export function decodeReport(data: string): ReportAction | null {
  let m: RegExpExecArray | null;
  if ((m = /^(st|sf):(week|month|prev_month|year)$/.exec(data)))
    return m[1] === 'sf'
      ? { kind: 'stats', period: m[2] as StatsButtonPeriod, family: true }
      : { kind: 'stats', period: m[2] as StatsButtonPeriod };
  if (data === 'del:no') return { kind: 'delete_no' };
  if ((m = /^del:yes:(\d{1,12})$/.exec(data))) return { kind: 'delete_yes', askedAt: Number(m[1]) };
  return null;
}

/**
 * The "Link to my family" button the bot posts when it is added to a group (docs/households.md, "Group chats"). Group
 * updates never reach BotUpdate: the group router (infra/group-router.ts) reads this one.
 */
export const GROUP_LINK_CALLBACK = 'gl:link';

// --- The household buttons (flows/family.bot.ts, docs/households.md "Bot"). ------------------------------------
//
//   hf:c                 create a household: asks its name       hf:v          back to the household card
//   hf:i                 a new invite link (owner)               hf:n          rename: asks the new name (owner)
//   hf:r:<member>        remove that member? (owner)             hf:R:<member> remove them
//   hf:t:<member>        hand ownership to that member?          hf:T:<member> hand it over
//   hf:l / hf:L          leave? / leave                          hf:d / hf:D   dissolve? / dissolve (owner)
//   hf:w:<1|0>           records go to the family by default: on / off
//   hf:o                 notify me of family expenses over …: asks the amount    hf:o:0  turn it off
//   hf:j:<token>         accept the invite with this token (43 characters: 48 bytes in all)
//   hf:x:<token>         revoke this invite (owner; under the invite link)

export type FamilyAction =
  | { kind: 'create' }
  | { kind: 'view' }
  | { kind: 'invite' }
  | { kind: 'rename' }
  | { kind: 'remove'; memberId: string; confirmed: boolean }
  | { kind: 'transfer'; memberId: string; confirmed: boolean }
  | { kind: 'leave'; confirmed: boolean }
  | { kind: 'dissolve'; confirmed: boolean }
  | { kind: 'default_wallet'; on: boolean }
  | { kind: 'notify_ask' }
  | { kind: 'notify_off' }
  | { kind: 'join'; token: string }
  | { kind: 'revoke'; token: string };

/** callback_data that belongs to the household buttons (the bot routes it here before its own). */
export const FAMILY_CALLBACK_RE = /^hf:/;

export function encodeFamily(action: FamilyAction): string {
  switch (action.kind) {
    case 'create':
      return 'hf:c';
    case 'view':
      return 'hf:v';
    case 'invite':
      return 'hf:i';
    case 'rename':
      return 'hf:n';
    case 'remove':
      return `hf:${action.confirmed ? 'R' : 'r'}:${uuidToHex(action.memberId)}`;
    case 'transfer':
      return `hf:${action.confirmed ? 'T' : 't'}:${uuidToHex(action.memberId)}`;
    case 'leave':
      return action.confirmed ? 'hf:L' : 'hf:l';
    case 'dissolve':
      return action.confirmed ? 'hf:D' : 'hf:d';
    case 'default_wallet':
      return `hf:w:${action.on ? 1 : 0}`;
    case 'notify_ask':
      return 'hf:o';
    case 'notify_off':
      return 'hf:o:0';
    case 'join':
      return `hf:j:${action.token}`;
    case 'revoke':
      return `hf:x:${action.token}`;
  }
}

const FAMILY_SIMPLE: Record<string, FamilyAction> = {
  'hf:c': { kind: 'create' },
  'hf:v': { kind: 'view' },
  'hf:i': { kind: 'invite' },
  'hf:n': { kind: 'rename' },
  'hf:l': { kind: 'leave', confirmed: false },
  'hf:L': { kind: 'leave', confirmed: true },
  'hf:d': { kind: 'dissolve', confirmed: false },
  'hf:D': { kind: 'dissolve', confirmed: true },
  'hf:w:1': { kind: 'default_wallet', on: true },
  'hf:w:0': { kind: 'default_wallet', on: false },
  'hf:o': { kind: 'notify_ask' },
  'hf:o:0': { kind: 'notify_off' },
};

/** The household action a button names, or null for anything else. */
export function decodeFamily(data: string | undefined): FamilyAction | null {
  if (!data || Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return null;
  if (Object.prototype.hasOwnProperty.call(FAMILY_SIMPLE, data)) return FAMILY_SIMPLE[data];
  let m: RegExpExecArray | null;
  if ((m = /^hf:([rRtT]):([0-9a-f]{32})$/.exec(data))) {
    const memberId = hexToUuid(m[2]);
    const confirmed = m[1] === 'R' || m[1] === 'T';
    return m[1].toLowerCase() === 'r'
      ? { kind: 'remove', memberId, confirmed }
      : { kind: 'transfer', memberId, confirmed };
  }
  if ((m = /^hf:([jx]):([A-Za-z0-9_-]{43})$/.exec(data)))
    return { kind: m[1] === 'j' ? 'join' : 'revoke', token: m[2] };
  return null;
}

// --- The ✖ buttons under /budget (flows/budgets.bot.ts; docs/budgets.md). ----------------------------------------

/**
 * callback_data that belongs to these buttons (the bot routes it here before its own): bx:<budget id, 32 hex> for ✖,
 * and the steps of ➕ New budget (BudgetNewAction below). Never the record's back button "b:<update id>".
 */
export const BUDGET_CALLBACK_RE = /^b[xncpw]:/;

export function encodeBudgetDelete(id: string): string {
  return `bx:${uuidToHex(id)}`;
}

/** The budget a ✖ button names, or null for anything else. */
export function decodeBudgetDelete(data: string | undefined): string | null {
  const m = /^bx:([0-9a-f]{32})$/.exec(data ?? '');
  return m ? hexToUuid(m[1]) : null;
}

// --- ➕ New budget under /budget (flows/budgets.bot.ts; docs/budgets.md "In the bot"). -----------------------------
//
//   bn:                     ➕ New budget: pick a category
//   bc:<cat>                that category: pick the period
//   bp:<cat>:<m|w>          that period: pick the wallet (a household member) or type the amount
//   bw:<cat>:<m|w>:<h|p>    that wallet (household / personal): type the amount
//
// <cat> is a default expense key, "food" (groceries and cafe) or "*" (all spending): at most 16 bytes in all.

export type BudgetPeriodCode = 'month' | 'week';

export type BudgetNewAction =
  | { kind: 'start' }
  | { kind: 'category'; category: string | null }
  | { kind: 'period'; category: string | null; period: BudgetPeriodCode }
  | { kind: 'wallet'; category: string | null; period: BudgetPeriodCode; wallet: Wallet };

/** The categories a budget can be made for with buttons: the default expense keys, "food", null (all spending). */
export const BUDGET_BUTTON_CATEGORIES: ReadonlyArray<string | null> = [
  ...DEFAULT_CATEGORY_KEYS.expense,
  'food',
  null,
];

const budgetCategoryCode = (category: string | null): string => category ?? '*';

function budgetCategoryOf(code: string): string | null | undefined {
  if (code === '*') return null;
  return BUDGET_BUTTON_CATEGORIES.includes(code) ? code : undefined;
}

export function encodeBudgetNew(action: BudgetNewAction): string {
  switch (action.kind) {
    case 'start':
      return 'bn:';
    case 'category':
      return `bc:${budgetCategoryCode(action.category)}`;
    case 'period':
      return `bp:${budgetCategoryCode(action.category)}:${action.period[0]}`;
    case 'wallet':
      return `bw:${budgetCategoryCode(action.category)}:${action.period[0]}:${action.wallet[0]}`;
  }
}

/** The step of ➕ New budget a button names, or null for anything else (strictly: unknown categories included). */
export function decodeBudgetNew(data: string | undefined): BudgetNewAction | null {
  if (data === 'bn:') return { kind: 'start' };
  const m = /^b([cpw]):([a-z_]{1,16}|\*)(?::([mw]))?(?::([hp]))?$/.exec(data ?? '');
  if (!m) return null;
  const category = budgetCategoryOf(m[2]);
  if (category === undefined) return null;
  const period: BudgetPeriodCode = m[3] === 'w' ? 'week' : 'month';
  if (m[1] === 'c') return m[3] === undefined && m[4] === undefined ? { kind: 'category', category } : null;
  if (m[1] === 'p')
    return m[3] !== undefined && m[4] === undefined ? { kind: 'period', category, period } : null;
  if (m[3] === undefined || m[4] === undefined) return null;
  return { kind: 'wallet', category, period, wallet: m[4] === 'h' ? 'household' : 'personal' };
}
