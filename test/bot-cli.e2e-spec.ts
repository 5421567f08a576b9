/** `npm run webhook:set | info | delete` against the fake Bot API. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeTelegram } from './fakes/fake-telegram';
import { TEST_BOT_TOKEN, TEST_WEBHOOK_SECRET } from './helpers/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..');

describe('webhook CLI (e2e)', () => {
  let telegram: FakeTelegram;
  beforeAll(async () => {
    telegram = await new FakeTelegram().start();
  });
  afterAll(() => telegram?.stop());
  beforeEach(() => telegram.reset());

  const cli = (action: string, env: Record<string, string | undefined> = {}) =>
    run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/cli/webhook.ts', action], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        DOTENV_CONFIG_PATH: join(ROOT, 'test', 'no-such.env'), // a developer's .env must not leak in
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_API_ROOT: telegram.url,
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.com/telegram/webhook/',
        TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
        ...env,
      } as NodeJS.ProcessEnv,
    });

  it('set: setWebhook with secret and allowed_updates, the command menus; prints JSON without the token', async () => {
    const { stdout } = await cli('set');
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, url: 'https://bot.example.com/telegram/webhook/' });
    expect(stdout).not.toContain(TEST_BOT_TOKEN);
    expect(stdout).not.toContain(TEST_WEBHOOK_SECRET);
    expect(telegram.sent('setWebhook')).toEqual([
      expect.objectContaining({
        url: 'https://bot.example.com/telegram/webhook/',
        secret_token: TEST_WEBHOOK_SECRET,
        allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
      }),
    ]);
    expect(telegram.sent('setMyCommands').map((c) => c.language_code)).toEqual([undefined, 'ru', 'uz', 'en']);
  });

  it('set requires TELEGRAM_WEBHOOK_URL', async () => {
    await expect(cli('set', { TELEGRAM_WEBHOOK_URL: undefined })).rejects.toMatchObject({
      stderr: expect.stringContaining('TELEGRAM_WEBHOOK_URL'),
    });
    expect(telegram.sent('setWebhook')).toEqual([]);
  });

  it('info prints getWebhookInfo', async () => {
    telegram.on('getWebhookInfo', () => ({
      url: 'https://bot.example.com/telegram/webhook/',
      has_custom_certificate: false,
      pending_update_count: 3,
    }));
    const { stdout } = await cli('info');
    expect(JSON.parse(stdout)).toEqual({
      url: 'https://bot.example.com/telegram/webhook/',
      has_custom_certificate: false,
      pending_update_count: 3,
    });
  });

  it('delete calls deleteWebhook', async () => {
    const { stdout } = await cli('delete');
    expect(JSON.parse(stdout)).toEqual({ ok: true });
    expect(telegram.sent('deleteWebhook')).toHaveLength(1);
  });

  it('a Bot API error is printed without the token', async () => {
    telegram.on('getWebhookInfo', () => {
      throw new Error(`Unauthorized for ${TEST_BOT_TOKEN}`);
    });
    const failure = (await cli('info').catch((e: unknown) => e)) as { stderr: string; code: number };
    expect(failure.code).toBe(1);
    expect(failure.stderr).toContain('webhook:info failed');
    expect(failure.stderr).not.toContain(TEST_BOT_TOKEN);
  });
});
