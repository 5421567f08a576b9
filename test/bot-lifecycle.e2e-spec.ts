/**
 * The bot's start and stop: webhook registration and the command menu at start, polling mode, a restart on the
 * same database (duplicate guard is durable), the database going away, no secret in DEBUG.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, TestApp, TEST_BOT_TOKEN, TEST_WEBHOOK_SECRET } from './helpers/test-app';
import { createTestDatabase } from './helpers/test-database';
import { messageUpdate } from './helpers/updates';

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';
const WELCOME_START = '🎉 Добро пожаловать в OvozPay!';

const startUpdate = (updateId: number, chatId: number) =>
  messageUpdate(
    updateId,
    chatId,
    { text: '/start' },
    { messageId: 1, firstName: 'John', sentAt: 1640995200_000 },
  );

const post = (t: TestApp, body: unknown, secret: string | null = TEST_WEBHOOK_SECRET) => {
  const req = t.http.post('/telegram/webhook/');
  if (secret !== null) req.set(SECRET_HEADER, secret);
  return req.send(body as object);
};

describe('bot start-up with TELEGRAM_WEBHOOK_URL (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/webhook/' });
  });
  afterAll(() => t?.close());

  it('calls setWebhook with the url, the secret token and allowed_updates', () => {
    expect(t.telegram.sent('setWebhook')).toEqual([
      {
        url: 'https://bot.example.com/telegram/webhook/',
        secret_token: TEST_WEBHOOK_SECRET,
        allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
      },
    ]);
    expect(t.telegram.sent('deleteWebhook')).toEqual([]);
    expect(t.telegram.sent('getUpdates')).toEqual([]);
  });

  it('sets the command menu for the default scope and for ru, uz and en', () => {
    const calls = t.telegram.sent('setMyCommands');
    expect(calls.map((c) => c.language_code)).toEqual([undefined, 'ru', 'uz', 'en']);
    for (const call of calls) {
      expect((call.commands as Array<{ command: string }>).map((c) => c.command)).toEqual([
        'start',
        'help',
        'balance',
        'phone',
        'login',
        'cancel',
        'language',
        'currency',
        'stats',
        'export',
        'goals',
        'goal',
        'debts',
        'budget',
        'recurring',
        'remind',
        'family',
        'categories',
        'app',
        'deletemydata',
      ]);
    }
    const en = calls.find((c) => c.language_code === 'en')!.commands as Array<{ description: string }>;
    expect(en[0].description).toBe('Start using the bot');
  });

  it('calls getMe once at start, not per update', async () => {
    await post(t, startUpdate(1, 700000001)).expect(200);
    await post(t, startUpdate(2, 700000002)).expect(200);
    expect(t.telegram.sent('getMe')).toHaveLength(1);
  });

  it('never sends the bot token anywhere but the Bot API path', () => {
    for (const call of t.telegram.calls) expect(JSON.stringify(call.params)).not.toContain(TEST_BOT_TOKEN);
  });
});

describe('bot start-up when Telegram refuses (e2e)', () => {
  it('logs setWebhook / setMyCommands failures and still serves', async () => {
    const t = await startTestApp({
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/webhook/',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:1',
    });
    try {
      await t.http.get('/health/').expect(200);
      // The Bot API is unreachable: the update cannot be answered, so Telegram is asked to retry.
      await post(t, startUpdate(3, 700000003)).expect(503);
    } finally {
      await t.close();
    }
  });
});

describe('bot in polling mode (e2e)', () => {
  let t: TestApp;
  let served = false;
  beforeAll(async () => {
    t = await startTestApp({ BOT_MODE: 'polling' });
  });
  afterAll(() => t?.close());

  it('deletes any webhook, never sets one, polls, and handles polled updates', async () => {
    t.telegram.on('getUpdates', () => {
      if (served) return [];
      served = true;
      return [startUpdate(10, 700000010)];
    });
    await t.telegram.waitFor('sendMessage');
    expect(t.telegram.textsTo(700000010)[0]).toMatch(new RegExp(`^${WELCOME_START}`));
    expect(t.telegram.sent('setWebhook')).toEqual([]);
    const methods = t.telegram.calls.map((c) => c.method);
    expect(methods).toContain('deleteWebhook');
    expect(methods.indexOf('deleteWebhook')).toBeLessThan(methods.indexOf('getUpdates'));
    const updates = t.telegram.sent('getUpdates')[0];
    expect(updates.allowed_updates).toEqual([
      'message',
      'edited_message',
      'callback_query',
      'my_chat_member',
    ]);
    // The duplicate guard covers polled updates too.
    for (let i = 0; i < 100; i++) {
      const rows: Array<{ status: string }> = await t.db.query(
        'SELECT status FROM processed_updates WHERE update_id = 10',
      );
      if (rows[0]?.status === 'done') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const rows: Array<{ status: string }> = await t.db.query(
      'SELECT status FROM processed_updates WHERE update_id = 10',
    );
    expect(rows).toEqual([{ status: 'done' }]);
  });

  it('still serves POSTed updates with the secret, and a polled update_id POSTed again has no second effect', async () => {
    await post(t, startUpdate(11, 700000011), null).expect(401);
    await post(t, startUpdate(11, 700000011)).expect(200);
    expect(t.telegram.textsTo(700000011)).toHaveLength(1);
    await post(t, startUpdate(10, 700000010)).expect(200);
    expect(t.telegram.textsTo(700000010)).toHaveLength(1);
  });
});

describe('polling mode without a secret (e2e)', () => {
  it('keeps the webhook closed (401) when DEBUG=False', async () => {
    const t = await startTestApp({ BOT_MODE: 'polling', TELEGRAM_WEBHOOK_SECRET: undefined });
    try {
      await post(t, startUpdate(12, 700000012), null).expect(401);
      await post(t, startUpdate(12, 700000012), 'guess').expect(401);
      expect(await t.db.query('SELECT 1 FROM users WHERE telegram_chat_id = 700000012')).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('keeps the webhook closed (401) with DEBUG=True too (the README dev setup), while polling still works', async () => {
    const t = await startTestApp({ BOT_MODE: 'polling', DEBUG: 'True', TELEGRAM_WEBHOOK_SECRET: undefined });
    try {
      let served = false;
      t.telegram.on('getUpdates', () => {
        if (served) return [];
        served = true;
        return [startUpdate(14, 700000014)];
      });
      const res = await post(t, startUpdate(13, 700000013), null).expect(401);
      expect(res.body).toEqual({ detail: 'Webhook is disabled: TELEGRAM_WEBHOOK_SECRET is not configured.' });
      await post(t, startUpdate(13, 700000013), 'guess').expect(401);
      await post(t, startUpdate(13, 700000013), '').expect(401);
      expect(await t.db.query('SELECT 1 FROM users WHERE telegram_chat_id = 700000013')).toEqual([]);
      expect(t.telegram.textsTo(700000013)).toEqual([]);
      // The polled update is served as usual.
      await t.telegram.waitFor('sendMessage');
      expect(t.telegram.textsTo(700000014)[0]).toMatch(new RegExp(`^${WELCOME_START}`));
    } finally {
      await t.close();
    }
  });
});

describe('webhook without a secret (DEBUG=True only) (e2e)', () => {
  it('accepts updates without the header', async () => {
    const t = await startTestApp({ DEBUG: 'True', TELEGRAM_WEBHOOK_SECRET: undefined });
    try {
      await post(t, startUpdate(20, 700000020), null).expect(200);
      expect(t.telegram.textsTo(700000020)).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});

describe('duplicate guard across a restart (e2e)', () => {
  it('a redelivered update after a restart on the same database has no second effect', async () => {
    const usePostgres = !!process.env.DATABASE_URL && !process.env.DATABASE_URL.startsWith('pglite://');
    let dir: string | undefined;
    const shared = usePostgres
      ? await createTestDatabase()
      : {
          url: `pglite://${(dir = mkdtempSync(join(tmpdir(), 'ovozpay-restart-')))}`,
          drop: async () => rmSync(dir!, { recursive: true, force: true }),
        };
    try {
      const update = startUpdate(30, 700000030);
      const first = await startTestApp({ DATABASE_URL: shared.url });
      try {
        await post(first, update).expect(200);
        expect(first.telegram.textsTo(700000030)).toHaveLength(1);
      } finally {
        await first.close();
      }
      const second = await startTestApp({ DATABASE_URL: shared.url });
      try {
        await post(second, update).expect(200);
        expect(second.telegram.textsTo(700000030)).toEqual([]);
        const sessions: unknown[] = await second.db.query(
          'SELECT 1 FROM bot_sessions s JOIN users u ON u.id = s.user_id WHERE u.telegram_chat_id = 700000030',
        );
        expect(sessions).toHaveLength(1);
        // A new update on the restarted app is served as usual.
        await post(second, startUpdate(31, 700000030)).expect(200);
        expect(second.telegram.textsTo(700000030)).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      await shared.drop();
    }
  });
});

describe('database down (e2e)', () => {
  it('answers 503 so Telegram retries, and app.close() still works', async () => {
    const t = await startTestApp();
    try {
      await t.db.destroy();
      const res = await post(t, startUpdate(40, 700000040)).expect(503);
      expect(res.body).toEqual({ detail: expect.any(String) });
      expect(t.telegram.textsTo(700000040)).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
