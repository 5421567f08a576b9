/**
 * What the bot's use cases take and give back, as plain values (no Telegraf context): who wrote, the reply to send,
 * and the answer to a button press. The handlers (bot.update.ts) pass the sender resolved once per update
 * (`UpdateSender`, infra/update-sender.ts, a `SenderProfile` with its user and language) and send the
 * `Reply` / `CallbackReply` they get back.
 */
import type { KnownAboutUser } from './infra/sender-reads';
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from 'telegraf/types';
import type { Transaction } from '../transactions/transaction.entity';

/** Who wrote, as plain values taken from the update, with the profile fields /start (or the first message) stores. */
export interface SenderProfile {
  chatId: number;
  /** Telegram's language_code: picks the language until the user has one of their own. */
  languageCode?: string;
  firstName?: string;
  lastName?: string;
  username?: string;
}

/** A text to read as a phrase (a message, its caption, or what speech-to-text heard in a voice note). */
export interface PhraseInput {
  chatId: number;
  text: string;
  updateId: number;
  /** When the user sent it (message.date); "today" and the time of today's records are taken from it. */
  sentAt: Date;
  /** Set when `text` is what speech-to-text heard in a voice note: the rows are recorded as source `voice`. */
  transcript?: string;
  /** A forwarded text: when its author wrote it; a card notification without its own date is dated by it. */
  writtenAt?: Date;
  /** What the update's claim read about the user (infra/sender-reads.ts): not read again when recording. */
  known?: KnownAboutUser | null;
}

/** A press on an inline button: who pressed, its callback_data, and the update that brought it. */
export interface CallbackInput {
  chatId: number;
  data: string | undefined;
  updateId: number;
}

/**
 * What a message did besides being answered, for following its later edits (message-edits.service.ts): `records` —
 * it recorded these rows (tied to its update id); `action` — it changed something an edit must not redo (a goal, a
 * debt, an undo). A reply without an effect only answered: an edit of that message is read as a new message.
 */
export type ReplyEffect = { kind: 'records'; rows: Transaction[] } | { kind: 'action' };

/** A text reply: the text and, optionally, inline buttons or a reply keyboard (or its removal). */
export interface Reply<M = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove> {
  text: string;
  markup?: M;
  /** What the message did (read by MessageEditsService to follow the message's edits). */
  effect?: ReplyEffect;
  /** Called with the message_id of the reply once it is sent (null: sending failed), e.g. to follow the message's edits. */
  sent?: (replyMessageId: number | null) => Promise<void>;
  /** A second message sent after this one, with buttons of its own (e.g. "make it recurring?" after a record). */
  followUp?: Reply<InlineKeyboardMarkup>;
}

/** A text reply whose buttons, if any, are inline (it can be edited in place). */
export type InlineReply = Reply<InlineKeyboardMarkup>;

/** A reply that is a file: the stats chart (photo) or the CSV export (document); or a text. */
export type FileReply =
  | ({ kind: 'text' } & Reply)
  | { kind: 'photo'; photo: Buffer; filename: string; caption: string; markup?: InlineKeyboardMarkup }
  | { kind: 'document'; document: Buffer; filename: string; caption: string };

/**
 * What a button press gets: the toast (or alert); optionally a change of the message the button is under, then a
 * new reply.
 */
export interface CallbackReply {
  answer: { text: string; alert?: boolean };
  /** `text` set: editMessageText (no `markup` removes the buttons); else editMessageReplyMarkup with `markup`. */
  edit?: { text?: string; markup?: InlineKeyboardMarkup };
  /** Sent after the toast and the edit (e.g. the chart of another period). */
  reply?: FileReply;
}
