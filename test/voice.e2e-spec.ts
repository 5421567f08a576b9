/**
 * Voice notes end to end: a voice/audio/video_note Update POSTed to the webhook → acknowledged at once after the
 * note is queued (pg-boss) → the worker downloads the real Ogg/Opus fixture from the fake Bot API, sends it to a
 * fake OpenAI-compatible STT server on loopback (which checks it is a real Opus stream with model and language)
 * → the parser → the same record-and-reply flow as text, the reply quoting the transcript.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { VoiceService } from '../src/modules/voice/voice.service';
import { FakeApiError } from './fakes/fake-telegram';
import { FakeStt, openAiError, voiceFixtures } from './fakes/fake-stt';
import { MAX_ITEMS_PER_MESSAGE } from '../src/modules/nlu/parser';
import { accessTokenFor } from './helpers/auth';
import { startTestApp, TestApp, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { messageUpdate, voiceContent } from './helpers/updates';
import { createTestDatabase, TestDatabase } from './helpers/test-database';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
const SENT_AT = Date.parse('2026-03-10T07:00:00Z');
const FIXTURES = new Map(voiceFixtures().map((f) => [f.file, f]));

let nextUpdateId = 600_000;
let nextChatId = 930_000_000;
const newChatId = () => ++nextChatId;

type Kind = 'voice' | 'audio' | 'video_note';

function fixture(file: string) {
  const f = FIXTURES.get(file);
  if (!f) throw new Error(`no fixture ${file}`);
  return f;
}

function voiceUpdate(
  chatId: number,
  fileId: string,
  o: { duration?: number; languageCode?: string; kind?: Kind; size?: number } = {},
) {
  const media = voiceContent(fileId, o);
  return messageUpdate(++nextUpdateId, chatId, media, {
    sentAt: SENT_AT,
    firstName: 'Ali',
    languageCode: o.languageCode,
  });
}

async function until<T>(check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Row {
  type: string;
  amount: string;
  currency: string;
  category: string;
  source: string;
  transcript: string | null;
}

describe('Voice notes (STT_PROVIDER=openai against a fake OpenAI-compatible server)', () => {
  let t: TestApp;
  const stt = new FakeStt();

  beforeAll(async () => {
    await stt.start();
    t = await startTestApp({
      STT_PROVIDER: 'openai',
      STT_BASE_URL: stt.url,
      STT_API_KEY: 'sk-test',
      STT_MODEL: 'whisper-1',
      VOICE_RETRY_LIMIT: '1',
      VOICE_RETRY_DELAY_SECONDS: '1',
      STT_TIMEOUT_SECONDS: '2',
    });
  });
  afterAll(async () => {
    await t?.close();
    await stt.stop();
  });
  beforeEach(() => {
    stt.reset();
    t.telegram.reset();
  });

  const post = (update: object) =>
    t.http.post('/telegram/webhook/').set(SECRET_HEADER, TEST_WEBHOOK_SECRET).send(update);
  const rowsOf = (chatId: number): Promise<Row[]> =>
    t.db.query(
      `SELECT t.type, t.amount::text AS amount, t.currency, t.category, t.source, t.transcript
         FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_chat_id = $1 ORDER BY t.source_item`,
      [chatId],
    );
  const repliesTo = (chatId: number) =>
    t.telegram.sent('sendMessage').filter((m) => Number(m.chat_id) === chatId);
  const editsIn = (chatId: number) =>
    t.telegram.sent('editMessageText').filter((m) => Number(m.chat_id) === chatId);
  const firstReply = (chatId: number) => until(() => repliesTo(chatId)[0]);
  /** The note's one "still trying" message, then the edit that turned it into the final answer. */
  const stillTryingThenEdit = async (chatId: number) => {
    const edit = await until(() => editsIn(chatId)[0]);
    const sent = repliesTo(chatId);
    expect(sent.map((m) => m.text)).toEqual(['🎙 Всё ещё пытаюсь распознать ваше голосовое сообщение…']);
    const [progress] = t.telegram.calls.filter(
      (c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId,
    );
    expect(progress.params.reply_parameters).toMatchObject({ allow_sending_without_reply: true });
    return { progress: sent[0], edit };
  };
  /** Message ids the fake Bot API gave the bot's sendMessage calls to a chat, in order. */
  const progressRow = async (chatId: number) =>
    (
      await t.db.query(
        `SELECT status, error, progress_message_id::int AS progress_message_id, progress_claimed_at IS NOT NULL AS claimed FROM voice_messages WHERE chat_id = $1`,
        [chatId],
      )
    )[0];
  /** The note's row once it is marked done (just after the answer went out, so a test reading at once may be early). */
  const doneRow = (chatId: number) =>
    until(async () => {
      const row = (await progressRow(chatId)) as { status?: string } | undefined;
      return row?.status === 'done' ? row : undefined;
    }, 5_000);
  /** The bot's first sendMessage to the chat fails (Telegram answers 400); later ones succeed. */
  const failFirstReplyTo = (chatId: number) => {
    let failed = false;
    t.telegram.on('sendMessage', (call) => {
      if (Number(call.params.chat_id) === chatId && !failed) {
        failed = true;
        throw new Error('Bad Request: simulated failure');
      }
      return {
        message_id: 1,
        date: 0,
        chat: { id: Number(call.params.chat_id), type: 'private' },
        text: call.params.text,
      };
    });
  };

  it.each([
    [
      'ru-groceries.ogg',
      'ru',
      { type: 'expense', amount: '50000.00', currency: 'UZS', category: 'groceries' },
      /✅ Записано:\n💸 50,000.00 UZS/,
    ],
    [
      'uz-taxi.ogg',
      'uz',
      { type: 'expense', amount: '20000.00', currency: 'UZS', category: 'transport' },
      /✅ Yozib qoʻyildi:\n💸 20,000.00 UZS/,
    ],
    [
      'en-paid.ogg',
      'en',
      { type: 'income', amount: '500.00', currency: 'USD', category: 'salary' },
      /✅ Recorded:\n💰 500.00 USD/,
    ],
  ])(
    '%s (%s): acknowledged at once, transcribed, recorded once as source voice, answered quoting the transcript',
    async (file, lang, expected, replyWord) => {
      const chatId = newChatId();
      const f = fixture(file);
      t.telegram.addFile(`file-${chatId}`, f.bytes);
      const update = voiceUpdate(chatId, `file-${chatId}`, {
        languageCode: lang,
        duration: Math.ceil(f.duration_seconds),
      });

      const started = Date.now();
      const res = await post(update);
      expect(res.status).toBe(200);
      expect(Date.now() - started).toBeLessThan(2000); // the webhook does not wait for speech recognition

      const reply = await firstReply(chatId);
      expect(String(reply.text)).toMatch(
        new RegExp(`^🎙 «${f.phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}»\\n\\n`),
      );
      expect(String(reply.text)).toMatch(replyWord);
      expect(reply.reply_parameters).toMatchObject({ message_id: update.message.message_id });
      expect(
        (reply.reply_markup as { inline_keyboard?: unknown[] })?.inline_keyboard?.length,
      ).toBeGreaterThan(0);
      // "typing…" came before the answer; recognised at once, so no "still trying" and no edit.
      const methods = t.telegram.calls
        .filter((c) => Number(c.params.chat_id) === chatId)
        .map((c) => c.method);
      expect(methods.indexOf('sendChatAction')).toBeLessThan(methods.indexOf('sendMessage'));
      expect(methods.filter((m) => m === 'sendMessage' || m === 'editMessageText')).toEqual(['sendMessage']);
      expect(await doneRow(chatId)).toMatchObject({
        status: 'done',
        claimed: false,
        progress_message_id: null,
      });

      // The STT server got the very bytes Telegram served, as a real Opus file, with the expected fields.
      expect(stt.requests).toHaveLength(1);
      const request = stt.requests[0];
      expect(request.bytes.equals(f.bytes)).toBe(true);
      expect(request).toMatchObject({ model: 'whisper-1', language: lang, authorization: 'Bearer sk-test' });
      expect(request.prompt).toBeTruthy();

      expect(await rowsOf(chatId)).toEqual([{ ...expected, source: 'voice', transcript: f.phrase }]);

      // The same update again (Telegram retried): no second row, no second transcription, no second answer.
      expect((await post(update)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(stt.requests).toHaveLength(1);
      expect(await rowsOf(chatId)).toHaveLength(1);
      expect(repliesTo(chatId)).toHaveLength(1);
    },
  );

  it('the transcript is visible over REST with the transaction', async () => {
    const chatId = newChatId();
    const f = fixture('en-coffee.ogg');
    t.telegram.addFile(`file-${chatId}`, f.bytes);
    await post(voiceUpdate(chatId, `file-${chatId}`, { languageCode: 'en' }));
    await firstReply(chatId);
    const { token } = await accessTokenFor(t, chatId);
    const list = await t.http.get('/api/transactions/').set('Authorization', `Bearer ${token}`);
    expect(list.status).toBe(200);
    expect(list.body.results).toEqual([
      expect.objectContaining({
        type: 'expense',
        amount: '12.00',
        currency: 'USD',
        source: 'voice',
        transcript: 'spent 12 dollars on coffee',
      }),
    ]);
  });

  it.each<[Kind]>([['audio'], ['video_note']])('%s messages go the same way', async (kind) => {
    const chatId = newChatId();
    const f = fixture('ru-salary.ogg');
    t.telegram.addFile(`file-${chatId}`, f.bytes);
    await post(voiceUpdate(chatId, `file-${chatId}`, { kind }));
    const reply = await firstReply(chatId);
    expect(String(reply.text)).toContain('🎙 «Получил зарплату 3 миллиона сум»');
    expect(await rowsOf(chatId)).toEqual([
      {
        type: 'income',
        amount: '3000000.00',
        currency: 'UZS',
        category: 'salary',
        source: 'voice',
        transcript: f.phrase,
      },
    ]);
  });

  it('longer than VOICE_MAX_SECONDS: a polite refusal, nothing downloaded, nothing queued', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    const res = await post(voiceUpdate(chatId, `file-${chatId}`, { duration: 121 }));
    expect(res.status).toBe(200);
    expect(t.telegram.textsTo(chatId)).toEqual([expect.stringContaining('121')]);
    expect(t.telegram.sent('getFile')).toHaveLength(0);
    expect(t.telegram.downloads).toHaveLength(0);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM voice_messages WHERE chat_id = $1`, [
      chatId,
    ]);
    expect(n).toBe(0);
  });

  it('noise (an empty transcript): nothing recorded, a hint', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('noise.ogg').bytes);
    await post(voiceUpdate(chatId, `file-${chatId}`));
    const reply = await firstReply(chatId);
    expect(String(reply.text)).toMatch(/не удалось разобрать слов/);
    expect(await rowsOf(chatId)).toEqual([]);
  });

  it.each([['[музыка]'], ['...'], ['  ']])('a transcript of no words (%j) records nothing', async (heard) => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    stt.respond = () => heard;
    await post(voiceUpdate(chatId, `file-${chatId}`));
    expect(String((await firstReply(chatId)).text)).toMatch(/не удалось разобрать слов/);
    expect(await rowsOf(chatId)).toEqual([]);
  });

  it('STT down (500 on every try): "still trying" at the first failure, retried, then that message says to type it; no second message', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    stt.respond = () => openAiError(500, 'The server had an error while processing your request.');
    const update = voiceUpdate(chatId, `file-${chatId}`);
    const started = Date.now();
    await post(update);
    await firstReply(chatId);
    expect(Date.now() - started).toBeLessThan(5_000); // told at the first failure, not after the retries
    expect(stt.requests).toHaveLength(1);
    const { edit } = await stillTryingThenEdit(chatId);
    expect(String(edit.text)).toMatch(
      /Не удалось распознать голосовое сообщение.*недоступен.*Ничего не записано/s,
    );
    expect(String(edit.text)).toMatch(/напишите, пожалуйста, текстом/i);
    // 2 job attempts (VOICE_RETRY_LIMIT=1), one request each.
    expect(stt.requests.length).toBe(2);
    expect(await rowsOf(chatId)).toEqual([]);
    const row = await progressRow(chatId);
    expect(row).toEqual({
      status: 'failed',
      error: 'stt_unavailable',
      claimed: true,
      progress_message_id: Number(edit.message_id),
    });
    await post(update);
    await new Promise((r) => setTimeout(r, 300));
    expect(repliesTo(chatId)).toHaveLength(1);
    expect(editsIn(chatId)).toHaveLength(1);
  });

  it('STT down, then back: one "still trying" message, edited into the recorded reply with its buttons; recorded once', async () => {
    const chatId = newChatId();
    const f = fixture('ru-groceries.ogg');
    t.telegram.addFile(`file-${chatId}`, f.bytes);
    let calls = 0;
    stt.respond = (req) => (++calls <= 1 ? openAiError(503, 'overloaded', 0) : stt.phraseFor(req.bytes));
    const update = voiceUpdate(chatId, `file-${chatId}`);
    await post(update);
    const { progress, edit } = await stillTryingThenEdit(chatId);
    expect(progress.reply_parameters).toMatchObject({ message_id: update.message.message_id });
    expect(String(edit.text)).toMatch(
      /^🎙 «Потратил 50000 сум на продукты»\n\n✅ Записано:\n💸 50,000.00 UZS/,
    );
    expect(
      (
        edit.reply_markup as { inline_keyboard?: Array<Array<{ callback_data?: string }>> }
      ).inline_keyboard?.[0].map((b) => b.callback_data),
    ).toEqual([expect.stringMatching(/^u:\d+$/), expect.stringMatching(/^c:\d+$/)]);
    expect(calls).toBe(2);
    expect(await rowsOf(chatId)).toHaveLength(1);
    expect(await doneRow(chatId)).toMatchObject({
      status: 'done',
      progress_message_id: Number(edit.message_id),
    });
  });

  it('STT timing out once (STT_TIMEOUT_SECONDS): told "still trying" at the timeout, the next try records it, once', async () => {
    const chatId = newChatId();
    const f = fixture('en-paid.ogg');
    t.telegram.addFile(`file-${chatId}`, f.bytes);
    let calls = 0;
    stt.respond = async (req) => {
      if (++calls === 1) await new Promise((r) => setTimeout(r, 2500));
      return stt.phraseFor(req.bytes);
    };
    await post(voiceUpdate(chatId, `file-${chatId}`, { languageCode: 'en' }));
    const edit = await until(() => editsIn(chatId)[0]);
    expect(repliesTo(chatId).map((m) => m.text)).toEqual(['🎙 Still trying to recognise your voice note…']);
    expect(String(edit.text)).toContain('🎙 «got paid 500 dollars»');
    expect(calls).toBe(2);
    expect(await rowsOf(chatId)).toHaveLength(1);
  });

  it('the reply failing after the rows were recorded: the retried job neither transcribes nor records again', async () => {
    const chatId = newChatId();
    const f = fixture('ru-groceries.ogg');
    t.telegram.addFile(`file-${chatId}`, f.bytes);
    failFirstReplyTo(chatId);
    try {
      await post(voiceUpdate(chatId, `file-${chatId}`));
      await until(() => (repliesTo(chatId).length >= 2 ? true : undefined));
    } finally {
      t.telegram.off('sendMessage');
    }
    expect(stt.requests).toHaveLength(1);
    expect(await rowsOf(chatId)).toEqual([
      {
        type: 'expense',
        amount: '50000.00',
        currency: 'UZS',
        category: 'groceries',
        source: 'voice',
        transcript: f.phrase,
      },
    ]);
    expect(String(repliesTo(chatId)[1].text)).toMatch(/^🎙 «Потратил 50000 сум на продукты»\n\n✅ Записано/);
  });

  it('"undo the last one" by voice, its reply failing once: the retry sends the stored reply and undoes nothing more', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    const { token } = await accessTokenFor(t, chatId);
    for (const amount of ['100.00', '200.00', '300.00']) {
      await t.http
        .post('/api/transactions/')
        .set('Authorization', `Bearer ${token}`)
        .send({ type: 'expense', amount, currency: 'UZS' })
        .expect(201);
    }
    stt.respond = () => 'отмени последнюю';
    failFirstReplyTo(chatId);
    try {
      await post(voiceUpdate(chatId, `file-${chatId}`));
      await until(() => (repliesTo(chatId).length >= 2 ? true : undefined));
      await until(async () =>
        (await t.db.query(`SELECT status FROM voice_messages WHERE chat_id = $1`, [chatId]))[0]?.status ===
        'done'
          ? true
          : undefined,
      );
    } finally {
      t.telegram.off('sendMessage');
    }
    const left: Array<{ amount: string }> = await t.db.query(
      `SELECT t.amount::text AS amount FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_chat_id = $1 ORDER BY t.amount`,
      [chatId],
    );
    expect(left.map((r) => r.amount)).toEqual(['100.00', '200.00']); // one undone, not two
    const [first, second] = repliesTo(chatId);
    expect(second.text).toBe(first.text); // the very reply worked out on the first attempt
    expect(String(second.text)).toMatch(/^🎙 «отмени последнюю»/);
    expect(stt.requests).toHaveLength(1);
  });

  it("a very long transcript is quoted shortened, so the reply stays within Telegram's 4096 characters", async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    const long = `потратил 5000 на кофе ${'и ещё немного слов '.repeat(200)}`.trim();
    stt.respond = () => long;
    await post(voiceUpdate(chatId, `file-${chatId}`));
    const reply = String((await firstReply(chatId)).text);
    expect(reply.length).toBeLessThan(4096);
    expect(reply).toMatch(/^🎙 «потратил 5000 на кофе [^»]*…»/);
    const [row] = await t.db.query(`SELECT transcript FROM voice_messages WHERE chat_id = $1`, [chatId]);
    expect(row.transcript).toBe(long.slice(0, 4000)); // the row keeps what was heard
  });

  it('a spoken list of a hundred amounts: every row recorded, the quote and the list within one message', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    stt.respond = () => `потратил ${'1000 '.repeat(MAX_ITEMS_PER_MESSAGE).trim()}`;
    await post(voiceUpdate(chatId, `file-${chatId}`));
    const reply = String((await firstReply(chatId)).text);
    expect(reply.length).toBeLessThanOrEqual(4096);
    expect(reply).toMatch(/^🎙 «потратил 1000 1000 [^»]*…»\n\n✅ Записано:\n1\. 💸 1,000\.00 UZS/);
    const rows = await rowsOf(chatId);
    expect(rows.length).toBe(MAX_ITEMS_PER_MESSAGE);
    const more = /\n… и ещё (\d+): расходы ([\d,]+)\.00 UZS$/.exec(reply);
    expect(more).not.toBeNull();
    expect(reply.split('\n').filter((l) => /^\d+\. 💸/.test(l)).length + Number(more![1])).toBe(rows.length);
  });

  it('STT refuses the request (400): told at once, not retried', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    stt.respond = () => openAiError(400, 'Audio file is too short.');
    await post(voiceUpdate(chatId, `file-${chatId}`));
    expect(String((await firstReply(chatId)).text)).toMatch(
      /Не удалось распознать голосовое сообщение\. Ничего не записано/,
    );
    expect(stt.requests).toHaveLength(1);
    expect(await rowsOf(chatId)).toEqual([]);
  });

  it('Telegram file download failing every time: "still trying", then told in that message, nothing recorded, no STT call', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    t.telegram.fileStatus = 502;
    await post(voiceUpdate(chatId, `file-${chatId}`));
    const { edit } = await stillTryingThenEdit(chatId);
    expect(String(edit.text)).toMatch(/Не удалось получить голосовое сообщение от Telegram/);
    expect(t.telegram.downloads.length).toBe(2);
    expect(stt.requests).toHaveLength(0);
    expect(await rowsOf(chatId)).toEqual([]);
  });

  it('a burst of voice updates is acknowledged fast and each is recorded exactly once', async () => {
    const chats = Array.from({ length: 12 }, () => newChatId());
    const f = fixture('uz-taxi.ogg');
    const updates = chats.map((chatId) => {
      t.telegram.addFile(`file-${chatId}`, f.bytes);
      return voiceUpdate(chatId, `file-${chatId}`, { languageCode: 'uz' });
    });
    const acks = await Promise.all(updates.map((u) => post(u)));
    expect(acks.map((r) => r.status)).toEqual(acks.map(() => 200));
    // Telegram redelivers them all (e.g. it missed the answers): acknowledged, no second effect.
    const again = await Promise.all(updates.map((u) => post(u)));
    expect(again.map((r) => r.status)).toEqual(again.map(() => 200));
    await until(
      async () =>
        (await t.app.get(JobsService).countJobs('voice', ['created', 'retry', 'active'])) === 0 &&
        chats.every((c) => repliesTo(c).length)
          ? true
          : undefined,
      60_000,
    );
    for (const chatId of chats) {
      expect(await rowsOf(chatId)).toHaveLength(1);
      expect(repliesTo(chatId)).toHaveLength(1);
    }
  });

  it('Telegram refusing the "still trying" message: nothing was sent, so the claim is given back; the answer comes as a message', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    stt.respond = () => openAiError(503, 'overloaded', 0);
    t.telegram.on('sendMessage', (call) => {
      if (Number(call.params.chat_id) === chatId && String(call.params.text).startsWith('🎙 Всё ещё'))
        throw new FakeApiError(400, 'Bad Request: simulated refusal');
      return {
        message_id: 77,
        date: 0,
        chat: { id: Number(call.params.chat_id), type: 'private' },
        text: call.params.text,
      };
    });
    try {
      await post(voiceUpdate(chatId, `file-${chatId}`));
      await until(async () =>
        (await progressRow(chatId))?.status === 'failed' && repliesTo(chatId).length === 2 ? true : undefined,
      );
    } finally {
      t.telegram.off('sendMessage');
    }
    const texts = repliesTo(chatId).map((m) => String(m.text));
    expect(texts[0]).toBe('🎙 Всё ещё пытаюсь распознать ваше голосовое сообщение…'); // refused by Telegram
    expect(texts[1]).toMatch(/^😔 Не удалось распознать голосовое сообщение/);
    expect(editsIn(chatId)).toEqual([]);
    expect(await progressRow(chatId)).toMatchObject({ claimed: false, progress_message_id: null });
  });

  it('"still trying" sent but its id not stored (a crash in between): never sent twice, the answer comes as a new message', async () => {
    const chatId = newChatId();
    t.telegram.addFile(`file-${chatId}`, fixture('ru-groceries.ogg').bytes);
    stt.respond = () => openAiError(503, 'overloaded', 0);
    // Storing the message id fails for this chat, as if the instance died right after sending.
    await t.db.query(`
      CREATE FUNCTION test_lose_progress_id() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.progress_message_id IS NOT NULL AND NEW.chat_id = ${chatId} THEN RAISE EXCEPTION 'simulated crash'; END IF;
        RETURN NEW;
      END $$`);
    await t.db.query(
      `CREATE TRIGGER test_lose_progress_id BEFORE UPDATE ON voice_messages FOR EACH ROW EXECUTE FUNCTION test_lose_progress_id()`,
    );
    try {
      await post(voiceUpdate(chatId, `file-${chatId}`));
      await until(async () =>
        (await progressRow(chatId))?.status === 'failed' && repliesTo(chatId).length === 2 ? true : undefined,
      );
    } finally {
      await t.db.query(`DROP TRIGGER test_lose_progress_id ON voice_messages`);
      await t.db.query(`DROP FUNCTION test_lose_progress_id()`);
    }
    expect(stt.requests).toHaveLength(2);
    const texts = repliesTo(chatId).map((m) => String(m.text));
    expect(texts[0]).toBe('🎙 Всё ещё пытаюсь распознать ваше голосовое сообщение…');
    expect(texts[1]).toMatch(/^😔 Не удалось распознать голосовое сообщение/);
    expect(await progressRow(chatId)).toMatchObject({ claimed: true, progress_message_id: null });
  });

  it('attempts racing for the "still trying" message: exactly one gets it; none once the note is finished', async () => {
    const chatId = newChatId();
    const { userId } = await accessTokenFor(t, chatId);
    const insert = async (status: string) =>
      (
        await t.db.query(
          `INSERT INTO voice_messages (user_id, update_id, chat_id, message_id, kind, file_id, file_unique_id, mime_type, duration_seconds, sent_at, status)
           VALUES ($1, $2, $3, 1, 'voice', 'f', 'u', 'audio/ogg', 3, now(), $4) RETURNING id`,
          [userId, ++nextUpdateId, chatId, status],
        )
      )[0].id as string;
    const voice = t.app.get(VoiceService);
    const open = await insert('transcribed');
    expect(
      (await Promise.all(Array.from({ length: 6 }, () => voice.claimProgress(open)))).filter(Boolean),
    ).toHaveLength(1);
    expect(await voice.claimProgress(await insert('done'))).toBe(false);
    expect(await voice.claimProgress(await insert('failed'))).toBe(false);
  });
});

describe('Voice notes with STT_PROVIDER=none', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ STT_PROVIDER: 'none' });
  });
  afterAll(() => t?.close());

  it('answers the voice-info reply (docs/interface.md §4) and downloads nothing', async () => {
    const chatId = newChatId();
    const res = await t.http
      .post('/telegram/webhook/')
      .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
      .send(voiceUpdate(chatId, 'f', { duration: 5, size: 12345 }));
    expect(res.status).toBe(200);
    expect(t.telegram.textsTo(chatId)).toEqual([
      expect.stringMatching(/^🎙 Получено голосовое сообщение![\s\S]*5 сек[\s\S]*12345 байт/),
    ]);
    expect(t.telegram.sent('getFile')).toHaveLength(0);
  });
});

describe('Voice notes: queued work survives a restart', () => {
  /** One database for two app lifetimes: a server database, or an embedded engine's data directory. */
  async function sharedDatabase(): Promise<TestDatabase> {
    if (process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('pglite://'))
      return createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'ovozpay-voice-'));
    return { url: `pglite://${dir}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }

  it('a note whose STT failed before the restart is transcribed and recorded once by the next instance, which edits the "still trying" message', async () => {
    const database = await sharedDatabase();
    const stt = await new FakeStt(() => openAiError(503, 'overloaded', 0)).start();
    const env = {
      STT_PROVIDER: 'openai',
      STT_BASE_URL: stt.url,
      VOICE_RETRY_LIMIT: '3',
      VOICE_RETRY_DELAY_SECONDS: '2',
    };
    const f = fixture('ru-groceries.ogg');
    const chatId = newChatId();
    try {
      const first = await startTestApp(env, { database });
      first.telegram.addFile(`file-${chatId}`, f.bytes);
      await first.http
        .post('/telegram/webhook/')
        .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
        .send(voiceUpdate(chatId, `file-${chatId}`))
        .expect(200);
      // The first attempt failed, the person was told "still trying", and pg-boss scheduled the retry.
      await until(async () =>
        (await first.app.get(JobsService).countJobs('voice', ['retry'])) === 1 ? true : undefined,
      );
      const progress = await until(() =>
        first.telegram.calls.find((c) => c.method === 'sendMessage' && Number(c.params.chat_id) === chatId),
      );
      expect(progress.params.text).toBe('🎙 Всё ещё пытаюсь распознать ваше голосовое сообщение…');
      await until(async () =>
        (
          await first.db.query(`SELECT progress_message_id FROM voice_messages WHERE chat_id = $1`, [chatId])
        )[0]?.progress_message_id
          ? true
          : undefined,
      );
      const progressId = Number(
        (
          await first.db.query(
            `SELECT progress_message_id::int AS id FROM voice_messages WHERE chat_id = $1`,
            [chatId],
          )
        )[0].id,
      );
      await first.close(); // the job waits in pg-boss (state retry) while no instance runs

      stt.respond = (req) => stt.phraseFor(req.bytes);
      const second = await startTestApp(env, { database });
      try {
        second.telegram.addFile(`file-${chatId}`, f.bytes);
        const edit = await until(
          () => second.telegram.sent('editMessageText').find((m) => Number(m.chat_id) === chatId),
          30_000,
        );
        expect(Number(edit.message_id)).toBe(progressId);
        expect(String(edit.text)).toContain('🎙 «Потратил 50000 сум на продукты»');
        const rows = await second.db.query(
          `SELECT t.source FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_chat_id = $1`,
          [chatId],
        );
        expect(rows).toEqual([{ source: 'voice' }]);
        // One message in all: the "still trying" from before the restart, now the answer.
        expect(second.telegram.sent('sendMessage').filter((m) => Number(m.chat_id) === chatId)).toEqual([]);
        expect(first.telegram.sent('sendMessage').filter((m) => Number(m.chat_id) === chatId)).toHaveLength(
          1,
        );
      } finally {
        await second.close();
      }
    } finally {
      await stt.stop();
      await database.drop();
    }
  });
});

describe('Voice notes: recognition slower than VOICE_PROGRESS_SECONDS', () => {
  let t: TestApp;
  const stt = new FakeStt();

  beforeAll(async () => {
    await stt.start();
    t = await startTestApp({
      STT_PROVIDER: 'openai',
      STT_BASE_URL: stt.url,
      STT_API_KEY: 'sk-test',
      VOICE_PROGRESS_SECONDS: '1',
      STT_TIMEOUT_SECONDS: '10',
      VOICE_RETRY_LIMIT: '1',
    });
  });
  afterAll(async () => {
    await t?.close();
    await stt.stop();
  });

  it('told "still trying" while the request is still running, then that message becomes the answer; one request', async () => {
    const chatId = newChatId();
    const f = fixture('uz-taxi.ogg');
    t.telegram.addFile(`file-${chatId}`, f.bytes);
    let answeredAt = 0;
    stt.respond = async (req) => {
      await new Promise((r) => setTimeout(r, 2500));
      answeredAt = Date.now();
      return stt.phraseFor(req.bytes);
    };
    await t.http
      .post('/telegram/webhook/')
      .set(SECRET_HEADER, TEST_WEBHOOK_SECRET)
      .send(voiceUpdate(chatId, `file-${chatId}`, { languageCode: 'uz' }))
      .expect(200);
    const edit = await until(() =>
      t.telegram.sent('editMessageText').find((m) => Number(m.chat_id) === chatId),
    );
    const calls = t.telegram.calls.filter(
      (c) =>
        Number(c.params.chat_id) === chatId && (c.method === 'sendMessage' || c.method === 'editMessageText'),
    );
    expect(calls.map((c) => [c.method, String(c.params.text).split('\n')[0]])).toEqual([
      ['sendMessage', '🎙 Ovozli xabaringizni tanishga hali urinyapman…'],
      ['editMessageText', `🎙 «${f.phrase}»`],
    ]);
    expect(answeredAt).toBeGreaterThan(0);
    expect(String(edit.text)).toMatch(/✅ Yozib qoʻyildi:\n💸 20,000.00 UZS/);
    expect(stt.requests).toHaveLength(1);
  });
});
