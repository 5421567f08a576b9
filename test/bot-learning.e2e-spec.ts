/**
 * Learning from corrections, end to end (docs/learning.md): a category changed with the bot's 🏷 buttons or over
 * REST teaches the record's key word; the next phrases naming it (typed, inflected, or parsed over REST) get that
 * category first; /categories and GET/DELETE /api/categories/learned/ show and forget what was learned; the export
 * carries it and /deletemydata erases it. Updates go through the real webhook, rows are read from the database,
 * replies from the fake Bot API. Expected texts are written out here, not imported from the code.
 */
import { parsePhrase } from '../src/modules/nlu';
import { FakeStt, voiceFixtures } from './fakes/fake-stt';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp } from './helpers/test-app';
import {
  callbackUpdate,
  deliverUpdate,
  messageUpdate,
  postUpdate,
  textUpdate,
  voiceContent,
} from './helpers/updates';

let nextUpdateId = 5_100_000;
let nextChatId = 940_000_000;

type Markup = { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined;
const buttons = (markup: unknown) =>
  ((markup as Markup)?.inline_keyboard ?? []).flat().map((b) => [b.text, b.callback_data ?? '']);

/** What the parser alone makes of a phrase's first item (so these tests follow the parser as it improves). */
const parserCategory = (text: string): string =>
  parsePhrase(text, { defaultCurrency: 'UZS', now: new Date(), timeZone: 'Asia/Tashkent' }).items[0]
    ?.category ?? 'none';

interface Learned {
  keyword: string;
  type: string;
  category: string;
}

describe('Learning categories from corrections (e2e, webhook + REST)', () => {
  let t: TestApp;
  const stt = new FakeStt();

  beforeAll(async () => {
    await stt.start();
    t = await startTestApp({ STT_PROVIDER: 'openai', STT_BASE_URL: stt.url, STT_API_KEY: 'sk-test' });
  });
  afterAll(async () => {
    await t?.close();
    await stt.stop();
  });

  const deliver = (update: object) => deliverUpdate(t, update);

  /** A message; the one message the bot sent back. */
  const say = async (chatId: number, text: string) => {
    const update = textUpdate(++nextUpdateId, chatId, text);
    const sent = (await deliver(update)).filter((c) => c.method === 'sendMessage');
    expect(sent).toHaveLength(1);
    return {
      text: String(sent[0].params.text),
      markup: sent[0].params.reply_markup,
      updateId: Number(update.update_id),
    };
  };

  /** A button press; the toast and the edit of the message it is under. */
  const press = async (chatId: number, data: string) => {
    const calls = await deliver(callbackUpdate(++nextUpdateId, chatId, data));
    const answers = calls.filter((c) => c.method === 'answerCallbackQuery');
    expect(answers).toHaveLength(1);
    const edit = calls.find((c) => c.method === 'editMessageText' || c.method === 'editMessageReplyMarkup');
    return {
      toast: String(answers[0].params.text ?? ''),
      alert: answers[0].params.show_alert === true,
      edit: edit?.params,
    };
  };

  const register = async () => {
    const chatId = ++nextChatId;
    await deliver(textUpdate(++nextUpdateId, chatId, '/start'));
    const [user] = (await t.db.query('SELECT id FROM users WHERE telegram_chat_id = $1', [chatId])) as Array<{
      id: string;
    }>;
    return { chatId, userId: user.id };
  };

  const lastRow = async (userId: string) =>
    (
      (await t.db.query(
        `SELECT type, amount::text AS amount, category, description FROM transactions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
        [userId],
      )) as Array<Record<string, string>>
    )[0];

  const learned = async (userId: string): Promise<Learned[]> =>
    t.db.query(
      `SELECT keyword, type, category FROM learned_categories WHERE user_id = $1 ORDER BY keyword, type`,
      [userId],
    );

  /** Moves the first item of a recorded reply to `category` (a default key or custom:<uuid>) with the 🏷 buttons; the toast. */
  const pickCategory = async (chatId: number, updateId: number, category: string) => {
    const list = await press(chatId, `c:${updateId}`);
    const code = category.startsWith('custom:')
      ? `~${category.slice('custom:'.length).replace(/-/g, '')}`
      : category;
    const pick = buttons(list.edit?.reply_markup).find(([, data]) => data === `s:${updateId}:0:${code}`);
    expect(pick).toBeDefined();
    return (await press(chatId, pick![1])).toast;
  };

  /** Records a phrase, then moves its first item to `category`; the toast. */
  const correct = async (chatId: number, phrase: string, category: string) =>
    pickCategory(chatId, (await say(chatId, phrase)).updateId, category);

  const bearer = async (chatId: number) => ({
    Authorization: `Bearer ${(await accessTokenFor(t, chatId)).token}`,
  });

  describe('the 🏷 buttons teach, the next phrases use it', () => {
    it('"ziyofat" → Cafe after one correction; "ziyofat 50 ming" and "ziyofatga" then record as cafe', async () => {
      expect(parserCategory('ziyofat 45 ming')).not.toBe('cafe'); // the parser alone does not know it (else pick another category here)
      const { chatId, userId } = await register();
      const first = await say(chatId, 'ziyofat 45 ming');
      expect(await lastRow(userId)).toEqual({
        type: 'expense',
        amount: '45000.00',
        category: parserCategory('ziyofat 45 ming'),
        description: 'ziyofat',
      });

      const toast = await pickCategory(chatId, first.updateId, 'cafe');
      expect(toast).toBe('🏷 Кафе и рестораны\n🧠 Запомнил: «ziyofat» теперь сюда (забыть — /categories)');
      expect(await learned(userId)).toEqual([{ keyword: 'ziyofat', type: 'expense', category: 'cafe' }]);

      const next = await say(chatId, 'ziyofat 50 ming');
      expect(await lastRow(userId)).toEqual({
        type: 'expense',
        amount: '50000.00',
        category: 'cafe',
        description: 'ziyofat',
      });
      expect(next.text).toContain('💸 50,000.00 UZS — Кафе и рестораны, ziyofat');
      await say(chatId, 'ziyofatga 30 ming berdim');
      expect(await lastRow(userId)).toMatchObject({ amount: '30000.00', category: 'cafe' });
    });

    it('Russian: "обед" moved to an own category; "за обед 60 тыс", "обеда", and an amount asked for later follow it', async () => {
      const { chatId, userId } = await register();
      const own = await t.http
        .post('/api/categories/')
        .set(await bearer(chatId))
        .send({ type: 'expense', name: 'Обеды на работе' })
        .expect(201);
      expect(parserCategory('обед 45 тыс')).not.toBe(own.body.key);

      await correct(chatId, 'обед 45 тыс', own.body.key);
      expect(await learned(userId)).toEqual([{ keyword: 'обед', type: 'expense', category: own.body.key }]);

      const reply = await say(chatId, 'за обед 60 тыс');
      expect(await lastRow(userId)).toMatchObject({
        amount: '60000.00',
        category: own.body.key,
        description: 'обед',
      });
      expect(reply.text).toContain('Обеды на работе');
      await say(chatId, 'обеда 30 тыс');
      expect(await lastRow(userId)).toMatchObject({ amount: '30000.00', category: own.body.key });

      const question = await say(chatId, 'купил обед');
      expect(question.text).toContain('Обеды на работе');
      await say(chatId, '25000');
      expect(await lastRow(userId)).toMatchObject({ amount: '25000.00', category: own.body.key });

      // Deleting the own category forgets what was learned for it.
      await t.http
        .delete(`/api/categories/${own.body.id}/`)
        .set(await bearer(chatId))
        .expect(204);
      expect(await learned(userId)).toEqual([]);
      await say(chatId, 'обед 45 тыс');
      expect(await lastRow(userId)).toMatchObject({ category: parserCategory('обед 45 тыс') });
    });

    it('a voice note naming the word records in the learned category too', async () => {
      const { chatId, userId } = await register();
      await correct(chatId, 'ziyofat 45 ming', 'cafe');
      const [clip] = voiceFixtures();
      t.telegram.addFile(`voice-${chatId}`, clip.bytes);
      stt.respond = () => 'ziyofat 60 ming';
      const voice = voiceContent(`voice-${chatId}`, { duration: 2, size: clip.bytes.length });
      await postUpdate(t, messageUpdate(++nextUpdateId, chatId, voice, 'ru')).expect(200);
      const deadline = Date.now() + 20_000;
      let row = await lastRow(userId);
      while (row?.amount !== '60000.00' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        row = await lastRow(userId);
      }
      expect(row).toEqual({ type: 'expense', amount: '60000.00', category: 'cafe', description: 'ziyofat' });
    });

    it('the last correction wins, and one word keeps one rule (обеду replaces обед)', async () => {
      const { chatId, userId } = await register();
      await correct(chatId, 'обед 45 тыс', 'groceries');
      await correct(chatId, 'обеду 10 тыс', 'entertainment');
      expect(await learned(userId)).toEqual([
        { keyword: 'обеду', type: 'expense', category: 'entertainment' },
      ]);
      await say(chatId, 'обед 20 тыс');
      expect(await lastRow(userId)).toMatchObject({ category: 'entertainment' });
    });

    it('a rule for an expense does not change an income; unrelated words keep the parser’s category', async () => {
      const { chatId, userId } = await register();
      await correct(chatId, 'ziyofat 45 ming', 'cafe');

      await say(chatId, 'ziyofat uchun 100 ming tushdi');
      expect(await lastRow(userId)).toMatchObject({
        type: 'income',
        category: parserCategory('ziyofat uchun 100 ming tushdi'),
      });
      for (const phrase of ['ziyofatxona 10 ming', 'taksi 20 ming', 'kofe 15 ming']) {
        await say(chatId, phrase);
        expect({ phrase, category: (await lastRow(userId)).category }).toEqual({
          phrase,
          category: parserCategory(phrase),
        });
      }
      // Another user is not taught by this one.
      const other = await register();
      await say(other.chatId, 'ziyofat 50 ming');
      expect(await lastRow(other.userId)).toMatchObject({ category: parserCategory('ziyofat 50 ming') });
    });

    it('picking the category it already has learns nothing', async () => {
      const { chatId, userId } = await register();
      const current = parserCategory('такси 20000');
      const toast = await correct(chatId, 'такси 20000', current);
      expect(toast).toBe('🏷 Транспорт');
      expect(await learned(userId)).toEqual([]);
    });
  });

  describe('/categories shows what was learned and forgets it', () => {
    it('lists own categories and the learned words; ✖ forgets one and the parser’s category is back', async () => {
      const { chatId, userId } = await register();
      await t.http
        .post('/api/categories/')
        .set(await bearer(chatId))
        .send({ type: 'income', name: 'Подработка' })
        .expect(201);
      await correct(chatId, 'ziyofat 45 ming', 'cafe');

      const list = await say(chatId, '/categories');
      expect(list.text).toBe(
        [
          '🏷 Ваши категории',
          '',
          'Свои категории:',
          '💰 Подработка',
          '',
          '🧠 Запомненные слова — их категорию я ставлю первой:',
          '1. 💸 ziyofat → Кафе и рестораны',
          '',
          'Нажмите ✖ под словом, чтобы я его забыл.',
        ].join('\n'),
      );
      const [[label, data]] = buttons(list.markup);
      expect(label).toBe('✖ 1. ziyofat');
      expect(data).toMatch(/^lr:[0-9a-f]{32}$/);

      const forgot = await press(chatId, data);
      expect(forgot.toast).toBe('🗑 Забыл «ziyofat»');
      expect(forgot.edit?.text).toContain('🧠 Запомненных слов пока нет.');
      expect(buttons(forgot.edit?.reply_markup)).toEqual([]);
      expect(await learned(userId)).toEqual([]);

      await say(chatId, 'ziyofat 50 ming');
      expect(await lastRow(userId)).toMatchObject({ category: parserCategory('ziyofat 50 ming') });

      const again = await press(chatId, data);
      expect(again).toMatchObject({ toast: '⚠️ Этого слова уже нет в списке.', alert: true });
    });

    it('someone else’s ✖ button forgets nothing', async () => {
      const owner = await register();
      await correct(owner.chatId, 'ziyofat 45 ming', 'cafe');
      const [[, data]] = buttons((await say(owner.chatId, '/categories')).markup);
      const stranger = await register();
      expect(await press(stranger.chatId, data)).toMatchObject({ alert: true });
      expect(await learned(owner.userId)).toHaveLength(1);
    });

    it('with nothing learned it says how to teach', async () => {
      const { chatId } = await register();
      const list = await say(chatId, '/categories');
      expect(list.text).toContain('Своих категорий пока нет');
      expect(list.text).toContain(
        '🧠 Запомненных слов пока нет. Поменяйте категорию записи кнопкой 🏷 — и я запомню её слово.',
      );
      expect(list.markup).toBeUndefined();
    });
  });

  describe('REST', () => {
    it('GET /api/categories/learned/ lists, DELETE forgets; another user’s id is 404 and changes nothing', async () => {
      const alice = await register();
      const bob = await register();
      await correct(alice.chatId, 'ziyofat 45 ming', 'cafe');
      const a = await bearer(alice.chatId);
      const b = await bearer(bob.chatId);

      const list = await t.http.get('/api/categories/learned/').set(a).expect(200);
      expect(list.body).toEqual([
        {
          id: expect.any(String),
          keyword: 'ziyofat',
          type: 'expense',
          category: 'cafe',
          category_name: 'Кафе и рестораны',
          created_at: expect.any(String),
          updated_at: expect.any(String),
        },
      ]);
      expect((await t.http.get('/api/categories/learned').set(b).expect(200)).body).toEqual([]);

      const id = list.body[0].id as string;
      expect((await t.http.delete(`/api/categories/learned/${id}/`).set(b).expect(404)).body).toEqual({
        detail: 'Not found.',
      });
      await t.http.delete('/api/categories/learned/not-a-uuid/').set(a).expect(404);
      expect(await learned(alice.userId)).toHaveLength(1);

      await t.http.delete(`/api/categories/learned/${id}/`).set(a).expect(204);
      expect((await t.http.get('/api/categories/learned/').set(a).expect(200)).body).toEqual([]);
      await t.http.delete(`/api/categories/learned/${id}/`).set(a).expect(404);
      await t.http.get('/api/categories/learned/').expect(401);
    });

    it('a category changed by PATCH or PUT teaches; the bot and POST /api/transactions/parse/ then use it', async () => {
      const { chatId, userId } = await register();
      const h = await bearer(chatId);
      const target = parserCategory('fitnes 300 ming') === 'health' ? 'entertainment' : 'health';
      const tx = await t.http
        .post('/api/transactions/')
        .set(h)
        .send({ type: 'expense', amount: '300000.00', currency: 'UZS', description: 'Fitnes zal' })
        .expect(201);

      await t.http
        .patch(`/api/transactions/${tx.body.id}/`)
        .set(h)
        .send({ description: 'Fitnes zal, noyabr' })
        .expect(200);
      expect(await learned(userId)).toEqual([]); // no category change, nothing learned
      await t.http.patch(`/api/transactions/${tx.body.id}/`).set(h).send({ category: target }).expect(200);
      expect(await learned(userId)).toEqual([{ keyword: 'fitnes', type: 'expense', category: target }]);

      const parsed = await t.http
        .post('/api/transactions/parse/')
        .set(h)
        .send({ text: 'fitnes 300 ming' })
        .expect(200);
      expect(parsed.body.items).toEqual([
        expect.objectContaining({
          type: 'expense',
          amount: '300000.00',
          category: target,
          description: 'fitnes',
        }),
      ]);
      await say(chatId, 'fitnesga 250 ming');
      expect(await lastRow(userId)).toMatchObject({ amount: '250000.00', category: target });

      // PUT teaches too, and the last correction wins.
      await t.http
        .put(`/api/transactions/${tx.body.id}/`)
        .set(h)
        .send({
          type: 'expense',
          amount: '300000.00',
          currency: 'UZS',
          category: 'education',
          description: 'fitnes',
        })
        .expect(200);
      expect(await learned(userId)).toEqual([{ keyword: 'fitnes', type: 'expense', category: 'education' }]);
      // Another user's parse is not affected.
      const other = await register();
      const theirs = await t.http
        .post('/api/transactions/parse/')
        .set(await bearer(other.chatId))
        .send({ text: 'fitnes 300 ming' })
        .expect(200);
      expect(theirs.body.items[0].category).toBe(parserCategory('fitnes 300 ming'));
    });

    it('is in the OpenAPI document with response schemas', async () => {
      const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
      };
      const list = doc.paths['/api/categories/learned']?.get;
      expect(JSON.stringify(list?.responses['200'])).toContain('LearnedCategoryResponseDto');
      expect(doc.paths['/api/categories/learned/{id}']?.delete?.responses).toHaveProperty('204');
    });
  });

  describe('your data', () => {
    it('the export carries the learned words; /deletemydata erases them', async () => {
      const { chatId, userId } = await register();
      await correct(chatId, 'ziyofat 45 ming', 'cafe');
      const exported = await t.http
        .get('/api/users/me/export/')
        .set(await bearer(chatId))
        .expect(200);
      expect(exported.body.learned_categories).toEqual([
        expect.objectContaining({ keyword: 'ziyofat', type: 'expense', category: 'cafe' }),
      ]);

      const ask = await say(chatId, '/deletemydata');
      const yes = buttons(ask.markup).find(([, data]) => data.startsWith('del:yes:'))!;
      await press(chatId, yes[1]);
      expect(await learned(userId)).toEqual([]);
    });
  });
});
