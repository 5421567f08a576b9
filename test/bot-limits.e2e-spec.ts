/**
 * Replies that grow with the data stay within Telegram's 4,096 characters (the fake Bot API refuses longer ones, as
 * Telegram does), and every row is recorded: a phrase with hundreds of items, ↩️ Undo of all of them, /goals and
 * /debts with hundreds of entries. Amounts too large to store are a 400 on the amount field over REST.
 */
import { MAX_ITEMS_PER_MESSAGE } from '../src/modules/nlu/parser';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TEST_BOT_TOKEN, TestApp } from './helpers/test-app';
import { callbackUpdate, deliverUpdate, textUpdate } from './helpers/updates';

const LIMIT = 4096;

let nextUpdateId = 870_000;
let nextChatId = 918_000_000;

const pressUpdate = (chatId: number, data: string) =>
  callbackUpdate(++nextUpdateId, chatId, data, { firstName: 'Ali' });

/** "1,234.00 UZS" → 123400n. */
const minor = (money: string) => BigInt(money.replace(/[,.]/g, ''));

describe('Replies within one Telegram message (e2e, webhook)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const deliver = (update: object) => deliverUpdate(t, update);
  /** The one message the bot sent back to `text` (no apology, no failed send). */
  const say = async (chatId: number, text: string) => {
    const updateId = ++nextUpdateId;
    const calls = await deliver(textUpdate(updateId, chatId, text));
    const sent = calls.filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    return { text: String(sent[0].params.text), updateId };
  };
  const rowsOf = (
    chatId: number,
  ): Promise<Array<{ amount: string; currency: string; type: string; source_item: number }>> =>
    t.db.query(
      `SELECT t.amount::text AS amount, t.currency, t.type, t.source_item FROM transactions t JOIN users u ON u.id = t.user_id
        WHERE u.telegram_chat_id = $1 ORDER BY t.source_item`,
      [chatId],
    );

  it('the fake Bot API refuses an over-long text like Telegram does (so every test here can fail)', async () => {
    const send = (text: string) =>
      fetch(`${t.telegram.url}/bot${TEST_BOT_TOKEN}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ chat_id: 1, text }),
      });
    const refused = await send('я'.repeat(LIMIT + 1));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: message is too long',
    });
    expect((await send('я'.repeat(LIMIT))).status).toBe(200);
  });

  it('"1 " 300 times: more items than one message may hold — nothing recorded, a clear reply', async () => {
    const chatId = ++nextChatId;
    await say(chatId, '/start');
    const reply = await say(chatId, '1 '.repeat(300).trim());
    expect(reply.text).toContain('300');
    expect(reply.text).toContain(String(MAX_ITEMS_PER_MESSAGE));
    expect(await rowsOf(chatId)).toEqual([]);
  });

  it.each([
    [
      'a long list of groceries (as many as one message may hold)',
      () => {
        const items = ['хлеб 5000', 'молоко 8000', 'сыр 45000', 'яйца 18000', 'кофе 15000', 'чай 12000'];
        return Array.from({ length: MAX_ITEMS_PER_MESSAGE }, (_, i) => items[i % items.length]).join(', ');
      },
    ],
  ])(
    '%s: every item recorded; the reply is ≤ 4096 characters, the first items and what the rest add up to',
    async (_label, phrase) => {
      const chatId = ++nextChatId;
      await say(chatId, '/start');
      const text = phrase();
      expect(text.length).toBeLessThanOrEqual(LIMIT);
      const reply = await say(chatId, text);
      const rows = await rowsOf(chatId);
      expect(rows.length).toBe(MAX_ITEMS_PER_MESSAGE);

      expect(reply.text.length).toBeLessThanOrEqual(LIMIT);
      const lines = reply.text.split('\n');
      expect(lines[0]).toBe('✅ Записано:');
      const items = lines.slice(1, -1);
      // Whole lines, numbered in spoken order, each the amount of its row.
      items.forEach((line, i) => {
        const m = /^(\d+)\. 💸 ([\d,]+\.\d\d) UZS — .+ · \d\d\.\d\d\.\d{4}$/.exec(line);
        expect(m).not.toBeNull();
        expect(Number(m![1])).toBe(i + 1);
        expect(minor(m![2])).toBe(minor(rows[i].amount));
      });
      // The rest: how many and what they add up to, equal to the rows not listed.
      const more = /^… и ещё (\d+): расходы ([\d,]+\.\d\d) UZS$/.exec(lines[lines.length - 1]);
      expect(more).not.toBeNull();
      expect(items.length + Number(more![1])).toBe(rows.length);
      expect(minor(more![2])).toBe(rows.slice(items.length).reduce((sum, r) => sum + minor(r.amount), 0n));

      // ↩️ Undo of them all: the edited message fits too and says how many records went.
      const calls = await deliver(pressUpdate(chatId, `u:${reply.updateId}`));
      const edit = calls.find((c) => c.method === 'editMessageText');
      expect(edit).toBeDefined();
      const undone = String(edit!.params.text);
      expect(undone.length).toBeLessThanOrEqual(LIMIT);
      expect(undone.split('\n')[0]).toBe(
        `↩️ Отменено, удалено ${rows.length} записей:`.replace(/удалено (\d*1) записей/, 'удалена $1 запись'),
      );
      expect(undone).toMatch(/\n… и ещё \d+: расходы [\d,]+\.\d\d UZS$/);
      expect(await rowsOf(chatId)).toEqual([]);
    },
  );

  it('/goals and /debts with hundreds of entries: one message each, the first entries and how many more', async () => {
    const chatId = ++nextChatId;
    await say(chatId, '/start');
    const { userId } = await accessTokenFor(t, chatId);
    await t.db.query(
      `INSERT INTO goals (user_id, title, target_amount, currency) SELECT $1, 'Цель ' || g || ' ' || repeat('ж', 80), 1000000, 'UZS' FROM generate_series(1, 250) g`,
      [userId],
    );
    await t.db.query(
      `INSERT INTO debts (user_id, direction, counterparty, amount, currency, due_date)
       SELECT $1, 'lent', 'Друг ' || g || ' ' || repeat('ж', 80), 20000, 'USD', DATE '2027-06-01' FROM generate_series(1, 250) g`,
      [userId],
    );
    const goals = await say(chatId, '/goals');
    expect(goals.text.length).toBeLessThanOrEqual(LIMIT);
    expect(goals.text).toMatch(
      /^🎯 Ваши цели:\n\n1\. Цель \d+ ж+\n░+ 0%\n0\.00 \/ 1,000,000\.00 UZS\n\n2\. /,
    );
    expect(goals.text).toMatch(/\n\n… и ещё \d+$/);
    const debts = await say(chatId, '/debts');
    expect(debts.text.length).toBeLessThanOrEqual(LIMIT);
    expect(debts.text).toMatch(
      /^📋 Открытые долги:\n1\. Вам должны: Друг \d+ ж+ — 20,000\.00 USD · до 01\.06\.2027\n/,
    );
    expect(debts.text).toMatch(/\n… и ещё \d+$/);
  });
});

describe('Amounts too large to store over REST: 400 on the amount field', () => {
  let t: TestApp;
  let token: string;
  let id: string;

  beforeAll(async () => {
    t = await startTestApp();
    ({ token } = await accessTokenFor(t, ++nextChatId));
    const created = await t.http
      .post('/api/transactions/')
      .set('Authorization', `Bearer ${token}`)
      .send({ type: 'expense', amount: '9999999999999.99' })
      .expect(201);
    id = created.body.id;
  });
  afterAll(() => t?.close());

  const TOO_MANY = 'Ensure that there are no more than 13 digits before the decimal point.';

  it.each([
    ['POST', '10000000000000.00'],
    ['POST', 1e15],
    ['PATCH', '10000000000000'],
    ['PATCH', 99999999999999.99],
    ['PUT', '12345678901234567890'],
  ])('%s amount %j → 400 {amount: […]}, nothing changed', async (method, amount) => {
    const auth = { Authorization: `Bearer ${token}` };
    const body = { type: 'expense', amount, currency: 'UZS' };
    const res =
      method === 'POST'
        ? await t.http.post('/api/transactions/').set(auth).send(body)
        : method === 'PATCH'
          ? await t.http.patch(`/api/transactions/${id}/`).set(auth).send({ amount })
          : await t.http.put(`/api/transactions/${id}/`).set(auth).send(body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ amount: [TOO_MANY] });
    const [row] = await t.db.query(
      `SELECT amount::text AS amount, count(*) OVER ()::int AS n FROM transactions WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ amount: '9999999999999.99', n: 1 });
  });
});
