import { TEST_WEBHOOK_SECRET, TestApp } from './test-app';

export const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
export const WEBHOOK = '/telegram/webhook/';

/** A private-chat text message update, shaped as Telegram sends it. */
export function textUpdate(updateId: number, chatId: number, text: string, languageCode = 'ru'): Record<string, unknown> {
  const command = text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(/\s/)[0].length }] } : {};
  return messageUpdate(updateId, chatId, { text, ...command }, languageCode);
}

/** POSTs an update (object or raw string) to the webhook with the test secret. */
export function postUpdate(t: TestApp, body: object | string, secret: string | null = TEST_WEBHOOK_SECRET) {
  const req = t.http.post(WEBHOOK).set('Content-Type', 'application/json');
  if (secret !== null) req.set(SECRET_HEADER, secret);
  return req.send(typeof body === 'string' ? body : JSON.stringify(body));
}

/** A press on an inline button (callback_data `data`) under the bot's message `messageId` in a private chat. */
export function callbackUpdate(updateId: number, chatId: number, data: string, messageId = 4242, languageCode = 'ru'): Record<string, unknown> {
  return {
    update_id: updateId,
    callback_query: {
      id: `cb${updateId}`,
      from: { id: chatId, is_bot: false, first_name: 'Test', language_code: languageCode },
      message: { message_id: messageId, from: { id: 7000000001, is_bot: true, first_name: 'OvozPay' }, chat: { id: chatId, type: 'private' }, date: 1, text: '…' },
      chat_instance: '-1',
      data,
    },
  };
}

/** A private-chat message update carrying `content` (`{contact: …}`, `{voice: …}`, …), shaped as Telegram sends it. */
export function messageUpdate(updateId: number, chatId: number, content: Record<string, unknown>, languageCode = 'ru'): Record<string, unknown> {
  return {
    update_id: updateId,
    message: {
      message_id: updateId % 2_000_000_000,
      from: { id: chatId, is_bot: false, first_name: 'Test', language_code: languageCode },
      chat: { id: chatId, first_name: 'Test', type: 'private' },
      date: Math.floor(Date.now() / 1000),
      ...content,
    },
  };
}
