import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { ConfigValidationError, validateEnv } from './env.validation';

const base = { SECRET_KEY: 'a-very-long-secret-key-123' };

describe('configuration', () => {
  it('applies the documented defaults (docs/interface.md §2)', () => {
    const c = loadConfig({ ...base });
    expect(c.port).toBe(8000);
    expect(c.debug).toBe(false);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.bot.mode).toBe('none');
    expect(c.bot.apiRoot).toBe('https://api.telegram.org');
    expect(c.auth).toEqual({ telegramLogin: 'verified', accessLifetimeMinutes: 60, refreshLifetimeDays: 7 });
    expect(c.defaults).toEqual({ language: 'ru', currency: 'UZS', timezone: 'Asia/Tashkent' });
    expect(c.stt.provider).toBe('none');
    expect(c.stt.voiceMaxSeconds).toBe(120);
    expect(c.stt).toMatchObject({
      timeoutSeconds: 30,
      retryLimit: 4,
      retryDelaySeconds: 2,
      progressSeconds: 10,
    });
    expect(c.log).toEqual({ level: 'info', format: 'json' });
    expect(c.rateLimits).toEqual({
      writesPerMinute: 120,
      phoneChangesPerHour: 10,
      webhookFailuresPerMinute: 20,
    });
    expect(c.localFiles).toEqual({ enabled: false, dir: '/var/lib/telegram-bot-api' });
  });

  it('reads the rate limits (0 turns one off)', () => {
    const c = loadConfig({
      ...base,
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_PHONE_CHANGES_PER_HOUR: '3',
      RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE: '50',
    });
    expect(c.rateLimits).toEqual({
      writesPerMinute: 0,
      phoneChangesPerHour: 3,
      webhookFailuresPerMinute: 50,
    });
  });

  it('reads local Bot API files only from a directory that exists, with a local Bot API server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ovozpay-bot-api-'));
    const c = loadConfig({
      ...base,
      TELEGRAM_API_ROOT: 'http://telegram-bot-api:8081',
      TELEGRAM_LOCAL_FILES: 'True',
      TELEGRAM_LOCAL_FILES_DIR: dir,
    });
    expect(c.localFiles).toEqual({ enabled: true, dir });
  });

  it('derives the bot mode and the public URL', () => {
    const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ';
    expect(loadConfig({ ...base, TELEGRAM_BOT_TOKEN: token }).bot.mode).toBe('polling');
    const hook = loadConfig({
      ...base,
      TELEGRAM_BOT_TOKEN: token,
      TELEGRAM_WEBHOOK_URL: 'https://pay.example.uz/telegram/webhook/',
      TELEGRAM_WEBHOOK_SECRET: 'Xk3_9fQ-2mWv7LzR',
    });
    expect(hook.bot.mode).toBe('webhook');
    expect(hook.publicUrl).toBe('https://pay.example.uz');
  });

  it('with DEBUG=True and no SECRET_KEY uses a random key', () => {
    const a = loadConfig({ DEBUG: 'True' });
    const b = loadConfig({ DEBUG: 'True' });
    expect(a.secretKeyGenerated).toBe(true);
    expect(a.secretKey).not.toBe(b.secretKey);
    expect(a.secretKey.length).toBeGreaterThanOrEqual(32);
  });

  it('accepts each speech-to-text provider when its settings are usable', () => {
    const model = join(mkdtempSync(join(tmpdir(), 'ovozpay-stt-')), 'ggml-tiny.bin');
    writeFileSync(model, 'ggml');
    expect(loadConfig({ ...base, STT_PROVIDER: 'whisper-cpp', WHISPER_MODEL_PATH: model }).stt).toMatchObject(
      { provider: 'whisper-cpp', whisperModelPath: model },
    );
    expect(loadConfig({ ...base, STT_PROVIDER: 'openai', STT_API_KEY: 'sk-test' }).stt).toMatchObject({
      provider: 'openai',
      baseUrl: 'https://api.openai.com/v1',
      apiKey: 'sk-test',
      model: 'whisper-1',
    });
    // A keyless OpenAI-compatible server (faster-whisper-server, LocalAI, …) needs no STT_API_KEY.
    expect(
      loadConfig({
        ...base,
        STT_PROVIDER: 'openai',
        STT_BASE_URL: 'http://127.0.0.1:9000/v1',
        STT_MODEL: 'large-v3',
      }).stt,
    ).toMatchObject({ baseUrl: 'http://127.0.0.1:9000/v1', apiKey: undefined, model: 'large-v3' });
  });

  const webhook = {
    TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ',
    TELEGRAM_WEBHOOK_URL: 'https://x.uz/telegram/webhook/',
  };

  it("takes a webhook secret of 16 or more of Telegram's characters; with DEBUG=True a shorter one (a local tunnel)", () => {
    expect(
      loadConfig({ ...base, ...webhook, TELEGRAM_WEBHOOK_SECRET: '0123456789abcdef' }).bot.webhookSecret,
    ).toBe('0123456789abcdef');
    expect(
      loadConfig({ ...base, ...webhook, TELEGRAM_WEBHOOK_SECRET: 'A-z_0-9'.repeat(36) }).bot.webhookSecret,
    ).toHaveLength(252);
    expect(
      loadConfig({ ...base, ...webhook, DEBUG: 'True', TELEGRAM_WEBHOOK_SECRET: 'dev' }).bot.webhookSecret,
    ).toBe('dev');
  });

  it('reads the request limits and timeouts, with their defaults', () => {
    expect(loadConfig({ ...base }).requestLimits).toEqual({
      apiMaxBodyBytes: 64 * 1024,
      jsonMaxKeys: 1000,
      jsonMaxDepth: 32,
      webhookJsonMaxKeys: 20_000,
      headersTimeoutMs: 30_000,
      requestTimeoutMs: 30_000,
    });
    const set = loadConfig({
      ...base,
      API_MAX_BODY_KB: '16',
      JSON_MAX_KEYS: '200',
      JSON_MAX_DEPTH: '10',
      WEBHOOK_JSON_MAX_KEYS: '5000',
      HTTP_HEADERS_TIMEOUT_SECONDS: '5',
      HTTP_REQUEST_TIMEOUT_SECONDS: '20',
    });
    expect(set.requestLimits).toEqual({
      apiMaxBodyBytes: 16_384,
      jsonMaxKeys: 200,
      jsonMaxDepth: 10,
      webhookJsonMaxKeys: 5000,
      headersTimeoutMs: 5000,
      requestTimeoutMs: 20_000,
    });
    // A longer headers timeout alone stretches the request timeout with it.
    expect(loadConfig({ ...base, HTTP_HEADERS_TIMEOUT_SECONDS: '60' }).requestLimits).toMatchObject({
      headersTimeoutMs: 60_000,
      requestTimeoutMs: 60_000,
    });
  });

  it('database timeouts and export limits: defaults, overrides, 0 turns a database timeout off, bad values stop the start', () => {
    const c = loadConfig({ ...base });
    expect(c.databaseTimeouts).toEqual({ statementMs: 30_000, idleInTransactionMs: 60_000 });
    expect(c.exports).toEqual({ maxConcurrent: 4, stallTimeoutMs: 30_000 });
    const set = loadConfig({
      ...base,
      DATABASE_STATEMENT_TIMEOUT_SECONDS: '0',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: '5',
      EXPORT_MAX_CONCURRENT: '2',
      EXPORT_STALL_TIMEOUT_SECONDS: '7',
    });
    expect(set.databaseTimeouts).toEqual({ statementMs: 0, idleInTransactionMs: 5000 });
    expect(set.exports).toEqual({ maxConcurrent: 2, stallTimeoutMs: 7000 });
    for (const [name, value] of [
      ['DATABASE_STATEMENT_TIMEOUT_SECONDS', '-1'],
      ['DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS', 'soon'],
      ['EXPORT_MAX_CONCURRENT', '0'],
      ['EXPORT_STALL_TIMEOUT_SECONDS', '0'],
    ]) {
      expect(() => validateEnv({ ...base, [name]: value })).toThrow(
        new RegExp(`^Invalid configuration: ${name}`),
      );
    }
  });

  it('says "is required" for a SECRET_KEY that is not set (or set empty)', () => {
    for (const raw of [{}, { SECRET_KEY: '' }, { DEBUG: 'False' }]) {
      expect(() => validateEnv(raw)).toThrow(
        new ConfigValidationError('Invalid configuration: SECRET_KEY is required when DEBUG=False'),
      );
    }
    expect(() => validateEnv({ SECRET_KEY: 'short' })).toThrow(
      'Invalid configuration: SECRET_KEY must be at least 16 characters',
    );
  });

  it.each([
    [{}, /SECRET_KEY/],
    [{ DEBUG: 'False' }, /SECRET_KEY/],
    [
      { SECRET_KEY: 'change-me-to-a-long-random-string' },
      /SECRET_KEY is still the \.env\.example placeholder/,
    ],
    [{ ...base, PORT: 'eighty' }, /^Invalid configuration: PORT/],
    [{ ...base, PORT: '70000' }, /^Invalid configuration: PORT/],
    [{ ...base, DEBUG: 'maybe' }, /^Invalid configuration: DEBUG/],
    [{ ...base, DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL/],
    [{ ...base, BOT_MODE: 'push' }, /^Invalid configuration: BOT_MODE/],
    [{ ...base, BOT_MODE: 'polling' }, /TELEGRAM_BOT_TOKEN is required/],
    [{ ...base, TELEGRAM_BOT_TOKEN: 'nope' }, /^Invalid configuration: TELEGRAM_BOT_TOKEN/],
    [
      {
        ...base,
        TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ',
        TELEGRAM_WEBHOOK_URL: 'https://x.uz/telegram/webhook/',
      },
      /TELEGRAM_WEBHOOK_SECRET is required/,
    ],
    [{ ...base, AUTH_TELEGRAM_LOGIN: 'open' }, /^Invalid configuration: AUTH_TELEGRAM_LOGIN/],
    [{ ...base, DEFAULT_CURRENCY: 'GBP' }, /^Invalid configuration: DEFAULT_CURRENCY/],
    [{ ...base, DEFAULT_TIMEZONE: 'Mars/Olympus' }, /DEFAULT_TIMEZONE/],
    [{ ...base, ACCESS_TOKEN_LIFETIME_MINUTES: '0' }, /ACCESS_TOKEN_LIFETIME_MINUTES/],
    [{ ...base, STT_PROVIDER: 'whisper-cpp' }, /WHISPER_MODEL_PATH is required for STT_PROVIDER=whisper-cpp/],
    [
      { ...base, STT_PROVIDER: 'whisper-cpp', WHISPER_MODEL_PATH: '/nonexistent/ggml-small.bin' },
      /^Invalid configuration: WHISPER_MODEL_PATH \/nonexistent\/ggml-small\.bin does not exist/,
    ],
    [
      { ...base, STT_PROVIDER: 'whisper-cpp', WHISPER_MODEL_PATH: __dirname },
      /^Invalid configuration: WHISPER_MODEL_PATH .* is not a file/,
    ],
    [
      { ...base, STT_PROVIDER: 'openai' },
      /^Invalid configuration: STT_API_KEY is required for STT_PROVIDER=openai/,
    ],
    [
      { ...base, STT_PROVIDER: 'openai', STT_BASE_URL: 'https://api.openai.com/v1/' },
      /STT_API_KEY is required/,
    ],
    [{ ...base, STT_PROVIDER: 'local' }, /^Invalid configuration: STT_PROVIDER/],
    [{ ...base, STT_BASE_URL: 'not a url' }, /^Invalid configuration: STT_BASE_URL/],
    [{ ...base, VOICE_MAX_SECONDS: '0' }, /^Invalid configuration: VOICE_MAX_SECONDS/],
    [{ ...base, VOICE_PROGRESS_SECONDS: '0' }, /^Invalid configuration: VOICE_PROGRESS_SECONDS/],
    [{ ...base, LOG_FORMAT: 'xml' }, /^Invalid configuration: LOG_FORMAT/],
    [{ ...base, TRUST_PROXY: 'true' }, /^Invalid configuration: TRUST_PROXY must name the proxies/],
    [{ ...base, RATE_LIMIT_WRITES_PER_MINUTE: '-1' }, /^Invalid configuration: RATE_LIMIT_WRITES_PER_MINUTE/],
    [
      { ...base, RATE_LIMIT_PHONE_CHANGES_PER_HOUR: 'many' },
      /^Invalid configuration: RATE_LIMIT_PHONE_CHANGES_PER_HOUR/,
    ],
    [
      { ...base, RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE: '1.5' },
      /^Invalid configuration: RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE/,
    ],
    [
      { ...base, TELEGRAM_LOCAL_FILES: 'sometimes' },
      /^Invalid configuration: TELEGRAM_LOCAL_FILES must be True or False/,
    ],
    [
      { ...base, TELEGRAM_LOCAL_FILES: 'True' },
      /^Invalid configuration: TELEGRAM_LOCAL_FILES=True needs TELEGRAM_API_ROOT to be your local Bot API server/,
    ],
    [
      { ...base, TELEGRAM_LOCAL_FILES: 'True', TELEGRAM_API_ROOT: 'https://api.telegram.org/' },
      /TELEGRAM_LOCAL_FILES=True needs TELEGRAM_API_ROOT/,
    ],
    [
      {
        ...base,
        TELEGRAM_LOCAL_FILES: 'True',
        TELEGRAM_API_ROOT: 'http://bot-api:8081',
        TELEGRAM_LOCAL_FILES_DIR: 'relative/dir',
      },
      /^Invalid configuration: TELEGRAM_LOCAL_FILES_DIR relative\/dir must be an absolute path/,
    ],
    [
      {
        ...base,
        TELEGRAM_LOCAL_FILES: 'True',
        TELEGRAM_API_ROOT: 'http://bot-api:8081',
        TELEGRAM_LOCAL_FILES_DIR: '/nonexistent/bot-api',
      },
      /^Invalid configuration: TELEGRAM_LOCAL_FILES_DIR \/nonexistent\/bot-api is not a directory/,
    ],
    [
      { ...base, ...webhook, TELEGRAM_WEBHOOK_SECRET: 's3cret' },
      /^Invalid configuration: TELEGRAM_WEBHOOK_SECRET must be at least 16 characters/,
    ],
    [
      { ...base, ...webhook, TELEGRAM_WEBHOOK_SECRET: '0123456789abcde' },
      /^Invalid configuration: TELEGRAM_WEBHOOK_SECRET must be at least 16 characters/,
    ],
    [
      { ...base, ...webhook, TELEGRAM_WEBHOOK_SECRET: 'a secret with spaces' },
      /^Invalid configuration: TELEGRAM_WEBHOOK_SECRET must be 1-256 characters A-Z, a-z, 0-9, _ or -/,
    ],
    [
      { ...base, ...webhook, TELEGRAM_WEBHOOK_SECRET: 'ключ-ключ-ключ-ключ' },
      /^Invalid configuration: TELEGRAM_WEBHOOK_SECRET must be 1-256/,
    ],
    [
      { ...base, ...webhook, TELEGRAM_WEBHOOK_SECRET: 'x'.repeat(257) },
      /^Invalid configuration: TELEGRAM_WEBHOOK_SECRET must be 1-256/,
    ],
    [
      {
        ...base,
        BOT_MODE: 'polling',
        TELEGRAM_BOT_TOKEN: webhook.TELEGRAM_BOT_TOKEN,
        TELEGRAM_WEBHOOK_SECRET: 'short',
      },
      /TELEGRAM_WEBHOOK_SECRET must be at least 16/,
    ],
    [{ ...base, API_MAX_BODY_KB: '0' }, /^Invalid configuration: API_MAX_BODY_KB/],
    [{ ...base, API_MAX_BODY_KB: '2048' }, /^Invalid configuration: API_MAX_BODY_KB/],
    [{ ...base, JSON_MAX_KEYS: 'many' }, /^Invalid configuration: JSON_MAX_KEYS/],
    [{ ...base, JSON_MAX_DEPTH: '1' }, /^Invalid configuration: JSON_MAX_DEPTH/],
    [{ ...base, WEBHOOK_JSON_MAX_KEYS: '10' }, /^Invalid configuration: WEBHOOK_JSON_MAX_KEYS/],
    [{ ...base, HTTP_HEADERS_TIMEOUT_SECONDS: '0' }, /^Invalid configuration: HTTP_HEADERS_TIMEOUT_SECONDS/],
    [{ ...base, HTTP_REQUEST_TIMEOUT_SECONDS: '-1' }, /^Invalid configuration: HTTP_REQUEST_TIMEOUT_SECONDS/],
    [
      { ...base, HTTP_HEADERS_TIMEOUT_SECONDS: '60', HTTP_REQUEST_TIMEOUT_SECONDS: '30' },
      /^Invalid configuration: HTTP_REQUEST_TIMEOUT_SECONDS must be at least HTTP_HEADERS_TIMEOUT_SECONDS/,
    ],
  ])('stops on bad configuration %p with one line naming the variable', (env, message) => {
    let error: unknown;
    try {
      validateEnv(env);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigValidationError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain('\n');
  });
});
