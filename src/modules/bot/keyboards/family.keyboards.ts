/** The household's inline keyboards (pure; callback_data: callback-data.ts, "household buttons"). */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../config/app-config';
import { familyTexts } from '../texts/family.texts';
import { encodeFamily, FamilyAction } from './callback-data';

const LABEL_MAX = 40;
const clip = (text: string) => (text.length > LABEL_MAX ? `${text.slice(0, LABEL_MAX - 1)}…` : text);
const button = (text: string, action: FamilyAction): InlineKeyboardButton.CallbackButton => ({
  text: clip(text),
  callback_data: encodeFamily(action),
});

/** At most this many members get their own remove / hand-over buttons (Telegram refuses a huge markup). */
export const MEMBER_BUTTONS_MAX = 20;

/** The card's buttons, for one reader. */
export interface FamilyKeyboardView {
  isOwner: boolean;
  /** The other members, oldest first. */
  others: ReadonlyArray<{ userId: string; firstName: string }>;
  recordsToHousehold: boolean;
  notifyOn: boolean;
}

/** Without a household: one button that creates it. */
export function noFamilyKeyboard(lang: Language): InlineKeyboardMarkup {
  return { inline_keyboard: [[button(familyTexts(lang).createButton, { kind: 'create' })]] };
}

/**
 * The card: the owner's invite and rename, a remove and a hand-over button per member; everyone's default-wallet
 * toggle and notification setting; dissolve (owner) or leave.
 */
export function familyKeyboard(lang: Language, v: FamilyKeyboardView): InlineKeyboardMarkup {
  const t = familyTexts(lang);
  const rows: InlineKeyboardButton[][] = [];
  if (v.isOwner) {
    rows.push([button(t.inviteButton, { kind: 'invite' }), button(t.renameButton, { kind: 'rename' })]);
    for (const m of v.others.slice(0, MEMBER_BUTTONS_MAX))
      rows.push([
        button(t.removeButton(m.firstName), { kind: 'remove', memberId: m.userId, confirmed: false }),
        button(t.transferButton(m.firstName), { kind: 'transfer', memberId: m.userId, confirmed: false }),
      ]);
  }
  rows.push([
    button(t.walletButton(v.recordsToHousehold), { kind: 'default_wallet', on: !v.recordsToHousehold }),
  ]);
  rows.push(
    v.notifyOn
      ? [button(t.notifyButton, { kind: 'notify_ask' }), button(t.notifyOffButton, { kind: 'notify_off' })]
      : [button(t.notifyButton, { kind: 'notify_ask' })],
  );
  rows.push(
    v.isOwner
      ? [
          button(t.leaveButton, { kind: 'leave', confirmed: false }),
          button(t.dissolveButton, { kind: 'dissolve', confirmed: false }),
        ]
      : [button(t.leaveButton, { kind: 'leave', confirmed: false })],
  );
  return { inline_keyboard: rows };
}

/** A question before something that cannot be undone: yes, or back to the card. */
export function confirmKeyboard(lang: Language, yes: string, action: FamilyAction): InlineKeyboardMarkup {
  return {
    inline_keyboard: [[button(yes, action), button(familyTexts(lang).backButton, { kind: 'view' })]],
  };
}

/** Under the invitation: accept it. */
export function joinKeyboard(lang: Language, token: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[button(familyTexts(lang).joinButton, { kind: 'join', token })]] };
}

/** Under the invite link: revoke it. */
export function inviteKeyboard(lang: Language, token: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[button(familyTexts(lang).revokeButton, { kind: 'revoke', token })]] };
}
