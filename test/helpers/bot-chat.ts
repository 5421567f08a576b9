import type { BotApiCall } from '../fakes/fake-telegram';
import type { TestApp } from './test-app';
import { callbackUpdate, editedMessageUpdate, messageUpdate, postUpdate } from './updates';

/** A transaction row as a user would check it: local date and time in Tashkent. */
export interface ChatRow {
  id: string;
  type: string;
  amount: string;
  currency: string;
  category: string;
  description: string;
  /** YYYY-MM-DD, Tashkent. */
  local: string;
  /** HH:MI, Tashkent. */
  time: string;
  source_update_id: string | null;
  source_item: number;
}

/** What the bot sent in answer to one update. */
export interface ChatAnswer {
  updateId: number;
  messageId: number;
  calls: BotApiCall[];
  /** sendMessage texts and sendPhoto / sendDocument captions, in order. */
  replies: Array<{ method: string; text: string; markup: unknown }>;
}

/** A press on an inline button: the toast and the edit of the message it is under (if any). */
export interface PressAnswer {
  calls: BotApiCall[];
  toast: string;
  alert: boolean;
  /** The edited text (editMessageText), or undefined. */
  edit: string | undefined;
  markup: unknown;
}

let nextUpdateId = 6_000_000;

/** Tashkent keeps UTC+5 all year. */
const TASHKENT = '+05:00';

/**
 * One user's private chat with the bot, driven through the real webhook: messages (text, photos, stickers, forwards)
 * sent at a clock the test moves (message.date, which the bot reads "today" from), edits, button presses, and the
 * user's rows read back from the database.
 */
export class BotChat {
  userId = '';
  /** Messages sent so far (edits and presses not counted). */
  messages = 0;
  private clock = Date.now();
  /** Step between two messages sent without moving the clock. */
  private readonly tick = 60_000;

  constructor(
    readonly t: TestApp,
    readonly chatId: number,
    readonly languageCode: string,
  ) {}

  /** Moves the clock to a wall time in Tashkent: "2026-11-23 08:05". */
  at(local: string): this {
    const ms = Date.parse(`${local.replace(' ', 'T')}:00${TASHKENT}`);
    if (Number.isNaN(ms)) throw new Error(`not a local time: ${local}`);
    this.clock = ms;
    return this;
  }

  /** The clock (ms): message.date of the next message. */
  get now(): number {
    return this.clock;
  }

  /** POSTs an update (200 expected); the Bot API calls it caused. */
  async deliver(update: object): Promise<BotApiCall[]> {
    const before = this.t.telegram.calls.length;
    await postUpdate(this.t, update).expect(200);
    return this.t.telegram.calls.slice(before);
  }

  /** /start; remembers the user's id. */
  async start(): Promise<ChatAnswer> {
    const answer = await this.send('/start');
    const found: Array<{ id: string }> = await this.t.db.query(
      'SELECT id FROM users WHERE telegram_chat_id = $1',
      [this.chatId],
    );
    this.userId = found[0].id;
    return answer;
  }

  /** Sends a message (a text, or content such as a photo with a caption) at the clock, then moves the clock a minute. */
  async send(content: string | Record<string, unknown>): Promise<ChatAnswer> {
    const updateId = ++nextUpdateId;
    const update = messageUpdate(
      updateId,
      this.chatId,
      typeof content === 'string' ? { text: content } : content,
      {
        sentAt: this.clock,
        languageCode: this.languageCode,
      },
    );
    this.clock += this.tick;
    this.messages++;
    const calls = await this.deliver(update);
    return {
      updateId,
      messageId: (update.message as { message_id: number }).message_id,
      calls,
      replies: replies(calls, this.chatId),
    };
  }

  /** Edits the message `messageId` (sent at `sentAt`) to `text`, a minute after the clock. */
  async edit(messageId: number, sentAt: number, text: string): Promise<ChatAnswer> {
    const updateId = ++nextUpdateId;
    const update = editedMessageUpdate(
      updateId,
      this.chatId,
      messageId,
      { text },
      { sentAt, editedAt: this.clock, languageCode: this.languageCode },
    );
    this.clock += this.tick;
    const calls = await this.deliver(update);
    return { updateId, messageId, calls, replies: replies(calls, this.chatId) };
  }

  /** Presses a button (callback_data) under the bot's message. */
  async press(data: string): Promise<PressAnswer> {
    const update = callbackUpdate(++nextUpdateId, this.chatId, data, { languageCode: this.languageCode });
    const calls = await this.deliver(update);
    const answers = calls.filter((c) => c.method === 'answerCallbackQuery');
    if (answers.length !== 1) throw new Error(`expected one answerCallbackQuery, got ${answers.length}`);
    const edit = calls.find((c) => c.method === 'editMessageText' || c.method === 'editMessageReplyMarkup');
    return {
      calls,
      toast: String(answers[0].params.text ?? ''),
      alert: answers[0].params.show_alert === true,
      edit: edit?.method === 'editMessageText' ? String(edit.params.text) : undefined,
      markup: edit?.params.reply_markup,
    };
  }

  /** Every row of the user, in the order of the updates that recorded them. */
  rows(where = 'TRUE', params: unknown[] = []): Promise<ChatRow[]> {
    return this.t.db.query(
      `SELECT id, type, amount::text AS amount, currency, category, description,
              to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'YYYY-MM-DD') AS local,
              to_char(occurred_at AT TIME ZONE 'Asia/Tashkent', 'HH24:MI') AS time,
              source_update_id::text AS source_update_id, source_item
         FROM transactions WHERE user_id = $1 AND (${where}) ORDER BY source_update_id, source_item, created_at`,
      [this.userId, ...params],
    );
  }

  /** The rows one update recorded. */
  rowsOf(updateId: number): Promise<ChatRow[]> {
    return this.rows('source_update_id = $2', [updateId]);
  }

  /** The user's goals: title, target, currency, status. */
  goals(): Promise<Array<{ title: string; target: string; currency: string; status: string }>> {
    return this.t.db.query(
      `SELECT title, target_amount::text AS target, currency, status FROM goals WHERE user_id = $1 ORDER BY created_at`,
      [this.userId],
    );
  }

  async count(): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await this.t.db.query(
      'SELECT count(*)::int AS n FROM transactions WHERE user_id = $1',
      [this.userId],
    );
    return n;
  }
}

function replies(calls: BotApiCall[], chatId: number): ChatAnswer['replies'] {
  return calls
    .filter(
      (c) =>
        ['sendMessage', 'sendPhoto', 'sendDocument'].includes(c.method) &&
        Number(c.params.chat_id) === chatId,
    )
    .map((c) => ({
      method: c.method,
      text: String(c.method === 'sendMessage' ? c.params.text : (c.params.caption ?? '')),
      markup: c.params.reply_markup,
    }));
}

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;

/** An inline keyboard as [label, callback_data] pairs per row. */
export function buttons(markup: unknown): string[][][] {
  return ((markup as Markup)?.inline_keyboard ?? []).map((row) =>
    row.map((b) => [b.text, b.callback_data ?? '']),
  );
}

/** "8500000.00" → "8,500,000.00" (the bot's money format, without the currency). */
export function grouped(amount: string): string {
  const [units, cents] = amount.split('.');
  return `${units.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents ?? '00'}`;
}

/** "2026-11-23" → "23.11.2026". */
export const dotted = (iso: string): string => iso.split('-').reverse().join('.');

/** Exact sums of decimal strings with two places ("45000.00"), as bigint cents. */
export function cents(amount: string): bigint {
  const [units, frac = ''] = amount.split('.');
  return BigInt(units) * 100n + BigInt((frac + '00').slice(0, 2)) * (units.startsWith('-') ? -1n : 1n);
}

/** bigint cents → "45000.00". */
export function decimal(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
