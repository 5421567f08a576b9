import type { BotApiCall } from '../fakes/fake-telegram';
import { TEST_WEBHOOK_SECRET, TestApp } from './test-app';

export const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
export const WEBHOOK = '/telegram/webhook/';

/**
 * The one builder of Telegram updates for every test that talks to the bot: message, edited message, callback query
 * and my_chat_member updates in a private chat, shaped as Telegram sends them (the Bot API's Update object), with the
 * media, forwards and contacts as `content`. Tests keep their own update-id counters and pass the ids in.
 */

/** A Telegram user as it appears in `from`. */
export type TelegramUser = {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
};

/** A private chat, or (to check that the bot ignores them) a group. */
export type TelegramChat = {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  first_name?: string;
  username?: string;
  title?: string;
};

export type TelegramMessage = {
  message_id: number;
  from: TelegramUser;
  chat: TelegramChat;
  date: number;
  [field: string]: unknown;
};

export type MessageUpdate = { update_id: number; message: TelegramMessage };
export type EditedMessageUpdate = {
  update_id: number;
  edited_message: TelegramMessage & { edit_date: number };
};
export type CallbackUpdate = {
  update_id: number;
  callback_query: {
    id: string;
    from: TelegramUser;
    message: TelegramMessage;
    chat_instance: string;
    data: string;
  };
};
export type ChatMemberUpdate = {
  update_id: number;
  my_chat_member: {
    chat: TelegramChat;
    from: TelegramUser;
    date: number;
    old_chat_member: { user: TelegramUser; status: string };
    new_chat_member: { user: TelegramUser; status: string; until_date?: number };
  };
};

/** The bot itself, as the author of the messages under which buttons are pressed. */
export const BOT_USER: TelegramUser = { id: 7000000001, is_bot: true, first_name: 'OvozPay' };

/** A private-chat text message update, shaped as Telegram sends it. */
export function textUpdate(
  updateId: number,
  chatId: number,
  text: string,
  languageCode = 'ru',
): MessageUpdate {
  return messageUpdate(updateId, chatId, { text }, { languageCode });
}

/** POSTs an update (object or raw string) to the webhook with the test secret. */
export function postUpdate(t: TestApp, body: object | string, secret: string | null = TEST_WEBHOOK_SECRET) {
  const req = t.http.post(WEBHOOK).set('Content-Type', 'application/json');
  if (secret !== null) req.set(SECRET_HEADER, secret);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** POSTs an update through the webhook (200 expected) and returns the Bot API calls it caused, in order. */
export async function deliverUpdate(t: TestApp, update: object): Promise<BotApiCall[]> {
  const before = t.telegram.calls.length;
  await postUpdate(t, update).expect(200);
  return t.telegram.calls.slice(before);
}

/** Options of a button press built by callbackUpdate. */
export interface CallbackOptions {
  /** The bot's message the button is under; default 4242. */
  messageId?: number;
  /** The presser's language_code; default none. */
  languageCode?: string;
  firstName?: string;
  /** Who pressed, when not the chat's own user. */
  fromId?: number;
  /** callback_query.id; default `cb<update id>`. */
  id?: string;
}

/** A press on an inline button (callback_data `data`) under the bot's message in a private chat. */
export function callbackUpdate(
  updateId: number,
  chatId: number,
  data: string,
  o: CallbackOptions = {},
): CallbackUpdate {
  return {
    update_id: updateId,
    callback_query: {
      id: o.id ?? `cb${updateId}`,
      from: user(o.fromId ?? chatId, o),
      message: {
        message_id: o.messageId ?? 4242,
        from: BOT_USER,
        chat: { id: chatId, type: 'private' },
        date: 1,
        text: '…',
      },
      chat_instance: '-1',
      data,
    },
  };
}

/** The user blocking the bot (`kicked`) or unblocking it (`member`): a my_chat_member update. */
export function chatMemberUpdate(
  updateId: number,
  chatId: number,
  status: 'kicked' | 'member',
  o: { firstName?: string; date?: number } = {},
): ChatMemberUpdate {
  return {
    update_id: updateId,
    my_chat_member: {
      chat: { id: chatId, type: 'private' },
      from: user(chatId, o),
      date: o.date ?? 1,
      old_chat_member: { user: BOT_USER, status: status === 'kicked' ? 'member' : 'kicked' },
      new_chat_member:
        status === 'kicked'
          ? { user: BOT_USER, status: 'kicked', until_date: 0 }
          : { user: BOT_USER, status },
    },
  };
}

/** Options of a message built by messageUpdate / editedMessageUpdate. */
export interface MessageOptions {
  /** message.date, ms since the epoch (the bot reads "today" from it); default now. */
  sentAt?: number;
  /** Default: the update id (unique enough within one chat of a test). */
  messageId?: number;
  languageCode?: string;
  firstName?: string;
  lastName?: string;
  /** The sender's (and the chat's) @username; default none. */
  username?: string;
  /** A group chat instead of the sender's private chat (`chatId` is then the group's id). */
  group?: { type: 'group' | 'supergroup'; title: string };
  /** The sender, when not the chat's own user (a forged or foreign message). */
  fromId?: number;
  /** A leading /command gets its bot_command entity, as Telegram adds it; false: no entities. Default true. */
  commandEntity?: boolean;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

function user(
  id: number,
  o: { firstName?: string; lastName?: string; username?: string; languageCode?: string },
): TelegramUser {
  return {
    id,
    is_bot: false,
    first_name: o.firstName ?? 'Test',
    ...(o.lastName ? { last_name: o.lastName } : {}),
    ...(o.username ? { username: o.username } : {}),
    ...(o.languageCode ? { language_code: o.languageCode } : {}),
  };
}

function sender(chatId: number, o: MessageOptions): { from: TelegramUser; chat: TelegramChat } {
  if (o.group) return { from: user(o.fromId ?? chatId, o), chat: { id: chatId, ...o.group } };
  return {
    from: user(o.fromId ?? chatId, o),
    chat: {
      id: chatId,
      first_name: o.firstName ?? 'Test',
      ...(o.username ? { username: o.username } : {}),
      type: 'private',
    },
  };
}

/**
 * A private-chat message update carrying `content`: `{ text }` (a leading /command gets its bot_command entity),
 * a photo with a caption (`photoContent`), a sticker (`STICKER`), a forward (`forwardedText`), `{contact: …}`,
 * `{voice: …}` … The options may be just the sender's language code.
 */
export function messageUpdate(
  updateId: number,
  chatId: number,
  content: Record<string, unknown>,
  options: MessageOptions | string = {},
): MessageUpdate {
  const o: MessageOptions = typeof options === 'string' ? { languageCode: options } : options;
  const command =
    o.commandEntity !== false && typeof content.text === 'string' ? /^\/\S+/.exec(content.text) : null;
  return {
    update_id: updateId,
    message: {
      message_id: o.messageId ?? updateId % 2_000_000_000,
      ...sender(chatId, o),
      date: seconds(o.sentAt ?? Date.now()),
      ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command[0].length }] } : {}),
      ...content,
    },
  };
}

/** The message `messageId` edited to `content`: the date it was first sent, edit_date, a new update id. */
export function editedMessageUpdate(
  updateId: number,
  chatId: number,
  messageId: number,
  content: Record<string, unknown>,
  o: MessageOptions & { editedAt?: number } = {},
): EditedMessageUpdate {
  const sentAt = o.sentAt ?? Date.now();
  return {
    update_id: updateId,
    edited_message: {
      message_id: messageId,
      ...sender(chatId, o),
      date: seconds(sentAt),
      edit_date: seconds(o.editedAt ?? sentAt + 60_000),
      ...content,
    },
  };
}

/** A photo as Telegram sends it (two sizes), with a caption when given. */
export function photoContent(caption?: string): Record<string, unknown> {
  return {
    photo: [
      { file_id: 'AgAC-photo-s', file_unique_id: 'ph-s', width: 320, height: 240, file_size: 9_000 },
      { file_id: 'AgAC-photo-m', file_unique_id: 'ph-m', width: 1280, height: 960, file_size: 120_000 },
    ],
    ...(caption !== undefined ? { caption } : {}),
  };
}

export const STICKER: Record<string, unknown> = {
  sticker: {
    file_id: 'CAAC-sticker',
    file_unique_id: 'st1',
    type: 'regular',
    width: 512,
    height: 512,
    is_animated: false,
    is_video: false,
    emoji: '👍',
  },
};

/**
 * A text forwarded from someone else: a bank's bot (`isBot`, e.g. a card notification) or a person (a message written
 * to the user). `originalAt` is when the original was sent (ms).
 */
export function forwardedText(
  text: string,
  from: { name: string; isBot: boolean; id?: number },
  originalAt: number,
): Record<string, unknown> {
  const origin = { id: from.id ?? 777_000_111, is_bot: from.isBot, first_name: from.name };
  return {
    text,
    forward_origin: { type: 'user', sender_user: origin, date: seconds(originalAt) },
    forward_from: origin,
    forward_date: seconds(originalAt),
  };
}

/** A voice note, an audio file or a round video note as Telegram sends it (the content of messageUpdate). */
export function voiceContent(
  fileId: string,
  o: { kind?: 'voice' | 'audio' | 'video_note'; duration?: number; size?: number } = {},
): Record<string, unknown> {
  const media = {
    file_id: fileId,
    file_unique_id: `uniq-${fileId}`,
    duration: o.duration ?? 3,
    file_size: o.size ?? 8000,
  };
  const kind = o.kind ?? 'voice';
  return {
    [kind]:
      kind === 'voice'
        ? { ...media, mime_type: 'audio/ogg' }
        : kind === 'audio'
          ? { ...media, mime_type: 'audio/ogg', file_name: 'note.ogg' }
          : { ...media, length: 240 },
  };
}
