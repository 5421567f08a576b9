import { TEST_WEBHOOK_SECRET, TestApp } from './test-app';

export const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
export const WEBHOOK = '/telegram/webhook/';

/** A private-chat text message update, shaped as Telegram sends it. */
export function textUpdate(
  updateId: number,
  chatId: number,
  text: string,
  languageCode = 'ru',
): Record<string, unknown> {
  return messageUpdate(updateId, chatId, { text }, { languageCode });
}

/** POSTs an update (object or raw string) to the webhook with the test secret. */
export function postUpdate(t: TestApp, body: object | string, secret: string | null = TEST_WEBHOOK_SECRET) {
  const req = t.http.post(WEBHOOK).set('Content-Type', 'application/json');
  if (secret !== null) req.set(SECRET_HEADER, secret);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A press on an inline button (callback_data `data`) under the bot's message `messageId` in a private chat. */
export function callbackUpdate(
  updateId: number,
  chatId: number,
  data: string,
  messageId = 4242,
  languageCode = 'ru',
): Record<string, unknown> {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: chatId, is_bot: false, first_name: 'Test', language_code: languageCode },
      message: {
        message_id: messageId,
        from: { id: 7000000001, is_bot: true, first_name: 'OvozPay' },
        chat: { id: chatId, type: 'private' },
        date: 1,
        text: '…',
      },
      chat_instance: '-1',
      data,
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
}

const seconds = (ms: number) => Math.floor(ms / 1000);

function sender(chatId: number, o: MessageOptions) {
  return {
    from: {
      id: chatId,
      is_bot: false,
      first_name: o.firstName ?? 'Test',
      ...(o.languageCode ? { language_code: o.languageCode } : {}),
    },
    chat: { id: chatId, first_name: o.firstName ?? 'Test', type: 'private' },
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
): Record<string, unknown> {
  const o: MessageOptions = typeof options === 'string' ? { languageCode: options } : options;
  const command = typeof content.text === 'string' ? /^\/\S+/.exec(content.text) : null;
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
): Record<string, unknown> {
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
