/**
 * The buttons of recurring payments (docs/recurring.md) as plain data (Bot API reply_markup JSON): the scheduler
 * sends the ask with them, the bot reads their presses (bot/flows/recurring.bot.ts). Ids travel as 32 hex digits.
 *
 *   rr:<occurrence>   ✅ record the rule's amount        rs:<occurrence>   ⏭ skip
 *   ra:<occurrence>   ✏️ another amount (asked in the next message)
 *   rp:<rule>         ⏸ pause / ▶️ resume               rx:<rule>         🗑 delete
 *   re:<rule>         ✏️ edit (the new amount, and optionally the day, asked in the next message)
 *   ro:<offer>:y      ✅ make a noticed pattern recurring  ro:<offer>:n     ✖ no (remembered)
 */
import type { Language } from '../../config/app-config';
import { RECURRING_TEXTS } from './recurring.texts';

export type RecurringAction =
  | { kind: 'record'; occurrenceId: string }
  | { kind: 'skip'; occurrenceId: string }
  | { kind: 'other_amount'; occurrenceId: string }
  | { kind: 'toggle_pause'; ruleId: string }
  | { kind: 'delete'; ruleId: string }
  | { kind: 'edit'; ruleId: string }
  | { kind: 'offer'; offerId: string; accept: boolean };

/** callback_data that belongs to these buttons (the bot routes it here before its own). */
export const RECURRING_CALLBACK_RE = /^r[rsapxeo]:/;

const hex = (id: string) => id.replace(/-/g, '').toLowerCase();
const uuid = (h: string) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;

export function encodeRecurring(a: RecurringAction): string {
  switch (a.kind) {
    case 'record':
      return `rr:${hex(a.occurrenceId)}`;
    case 'skip':
      return `rs:${hex(a.occurrenceId)}`;
    case 'other_amount':
      return `ra:${hex(a.occurrenceId)}`;
    case 'toggle_pause':
      return `rp:${hex(a.ruleId)}`;
    case 'delete':
      return `rx:${hex(a.ruleId)}`;
    case 'edit':
      return `re:${hex(a.ruleId)}`;
    case 'offer':
      return `ro:${hex(a.offerId)}:${a.accept ? 'y' : 'n'}`;
  }
}

export function decodeRecurring(data: string | undefined): RecurringAction | null {
  const offer = /^ro:([0-9a-f]{32}):([yn])$/.exec(data ?? '');
  if (offer) return { kind: 'offer', offerId: uuid(offer[1]), accept: offer[2] === 'y' };
  const m = /^r([rsapxe]):([0-9a-f]{32})$/.exec(data ?? '');
  if (!m) return null;
  const id = uuid(m[2]);
  switch (m[1]) {
    case 'r':
      return { kind: 'record', occurrenceId: id };
    case 's':
      return { kind: 'skip', occurrenceId: id };
    case 'a':
      return { kind: 'other_amount', occurrenceId: id };
    case 'p':
      return { kind: 'toggle_pause', ruleId: id };
    case 'e':
      return { kind: 'edit', ruleId: id };
    default:
      return { kind: 'delete', ruleId: id };
  }
}

interface Markup {
  inline_keyboard: Array<Array<{ text: string; callback_data: string }>>;
}

/** Under the ask on the due day: ✅ Record · ⏭ Skip · ✏️ Another amount. */
export function askKeyboard(lang: Language, occurrenceId: string): Markup {
  const t = RECURRING_TEXTS[lang];
  return {
    inline_keyboard: [
      [
        { text: t.recordButton, callback_data: encodeRecurring({ kind: 'record', occurrenceId }) },
        { text: t.skipButton, callback_data: encodeRecurring({ kind: 'skip', occurrenceId }) },
      ],
      [{ text: t.otherButton, callback_data: encodeRecurring({ kind: 'other_amount', occurrenceId }) }],
    ],
  };
}

/** Under a rule (its creation, the /recurring list): edit, pause or resume, delete. */
export function ruleButtons(
  lang: Language,
  rule: { id: string; paused: boolean },
  label = '',
): Array<{ text: string; callback_data: string }> {
  const t = RECURRING_TEXTS[lang];
  const prefix = label ? `${label} ` : '';
  return [
    {
      text: `${prefix}${t.editButton}`,
      callback_data: encodeRecurring({ kind: 'edit', ruleId: rule.id }),
    },
    {
      text: `${prefix}${rule.paused ? t.resumeButton : t.pauseButton}`,
      callback_data: encodeRecurring({ kind: 'toggle_pause', ruleId: rule.id }),
    },
    {
      text: `${prefix}${t.deleteButton}`,
      callback_data: encodeRecurring({ kind: 'delete', ruleId: rule.id }),
    },
  ];
}

/** Under the offer of a noticed pattern: ✅ Yes · ✖ No. */
export function offerKeyboard(lang: Language, offerId: string): Markup {
  const t = RECURRING_TEXTS[lang];
  return {
    inline_keyboard: [
      [
        { text: t.offerYesButton, callback_data: encodeRecurring({ kind: 'offer', offerId, accept: true }) },
        { text: t.offerNoButton, callback_data: encodeRecurring({ kind: 'offer', offerId, accept: false }) },
      ],
    ],
  };
}
