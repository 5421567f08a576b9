import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './app-config';
import { ConfigValidationError, validateEnv } from './env.validation';

const base = { SECRET_KEY: 'a-very-long-secret-key-123' };

describe('configuration', () => {
  it('applies the contract defaults', () => {
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
    expect(c.stt).toMatchObject({ timeoutSeconds: 30, retryLimit: 4, retryDelaySeconds: 2, progressSeconds: 10 });
    expect(c.log).toEqual({ level: 'info', format: 'json' });
    expect(c.rateLimits).toEqual({ writesPerMinute: 120, phoneChangesPerHour: 10, webhookFailuresPerMinute: 20 });
    expect(c.localFiles).toEqual({ enabled: false, dir: '/var/lib/telegram-bot-api' });
  });

  it('reads the rate limits (0 turns one off)', () => {
    const c = loadConfig({ ...base, RATE_LIMIT_WRITES_PER_MINUTE: '0', RATE_LIMIT_PHONE_CHANGES_PER_HOUR: '3', RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE: '50' });
    expect(c.rateLimits).toEqual({ writesPerMinute: 0, phoneChangesPerHour: 3, webhookFailuresPerMinute: 50 });
  });

  it('reads local Bot API files only from a directory that exists, with a local Bot API server', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ovozpay-bot-api-'));
    const c = loadConfig({ ...base, TELEGRAM_API_ROOT: 'http://telegram-bot-api:8081', TELEGRAM_LOCAL_FILES: 'True', TELEGRAM_LOCAL_FILES_DIR: dir });
    expect(c.localFiles).toEqual({ enabled: true, dir });
  });

  it('derives the bot mode and the public URL', () => {
    const token = '123456:ABCdefGHIjklMNOpqrSTUvwxYZ';
    expect(loadConfig({ ...base, TELEGRAM_BOT_TOKEN: token }).bot.mode).toBe('polling');
    const hook = loadConfig({ ...base, TELEGRAM_BOT_TOKEN: token, TELEGRAM_WEBHOOK_URL: 'https://pay.example.uz/telegram/webhook/', TELEGRAM_WEBHOOK_SECRET: 's3cret' });
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
    expect(loadConfig({ ...base, STT_PROVIDER: 'whisper-cpp', WHISPER_MODEL_PATH: model }).stt).toMatchObject({ provider: 'whisper-cpp', whisperModelPath: model });
    expect(loadConfig({ ...base, STT_PROVIDER: 'openai', STT_API_KEY: 'sk-test' }).stt).toMatchObject({ provider: 'openai', baseUrl: 'https://api.openai.com/v1', apiKey: 'sk-test', model: 'whisper-1' });
    // A keyless OpenAI-compatible server (faster-whisper-server, LocalAI, …) needs no STT_API_KEY.
    expect(loadConfig({ ...base, STT_PROVIDER: 'openai', STT_BASE_URL: 'http://127.0.0.1:9000/v1', STT_MODEL: 'large-v3' }).stt).toMatchObject({ baseUrl: 'http://127.0.0.1:9000/v1', apiKey: undefined, model: 'large-v3' });
  });

  it.each([
    [{}, /SECRET_KEY/],
    [{ DEBUG: 'False' }, /SECRET_KEY/],
    [{ SECRET_KEY: 'change-me-to-a-long-random-string' }, /SECRET_KEY is still the \.env\.example placeholder/],
    [{ ...base, PORT: 'eighty' }, /^Invalid configuration: PORT/],
    [{ ...base, PORT: '70000' }, /^Invalid configuration: PORT/],
    [{ ...base, DEBUG: 'maybe' }, /^Invalid configuration: DEBUG/],
    [{ ...base, DATABASE_URL: 'mysql://x' }, /^Invalid configuration: DATABASE_URL/],
    [{ ...base, BOT_MODE: 'push' }, /^Invalid configuration: BOT_MODE/],
    [{ ...base, BOT_MODE: 'polling' }, /TELEGRAM_BOT_TOKEN is required/],
    [{ ...base, TELEGRAM_BOT_TOKEN: 'nope' }, /^Invalid configuration: TELEGRAM_BOT_TOKEN/],
    [{ ...base, TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwxYZ', TELEGRAM_WEBHOOK_URL: 'https://x.uz/telegram/webhook/' }, /TELEGRAM_WEBHOOK_SECRET is required/],
    [{ ...base, AUTH_TELEGRAM_LOGIN: 'open' }, /^Invalid configuration: AUTH_TELEGRAM_LOGIN/],
    [{ ...base, DEFAULT_CURRENCY: 'GBP' }, /^Invalid configuration: DEFAULT_CURRENCY/],
    [{ ...base, DEFAULT_TIMEZONE: 'Mars/Olympus' }, /DEFAULT_TIMEZONE/],
    [{ ...base, ACCESS_TOKEN_LIFETIME_MINUTES: '0' }, /ACCESS_TOKEN_LIFETIME_MINUTES/],
    [{ ...base, STT_PROVIDER: 'whisper-cpp' }, /WHISPER_MODEL_PATH is required for STT_PROVIDER=whisper-cpp/],
    [{ ...base, STT_PROVIDER: 'whisper-cpp', WHISPER_MODEL_PATH: '/nonexistent/ggml-small.bin' }, /^Invalid configuration: WHISPER_MODEL_PATH \/nonexistent\/ggml-small\.bin does not exist/],
    [{ ...base, STT_PROVIDER: 'whisper-cpp', WHISPER_MODEL_PATH: __dirname }, /^Invalid configuration: WHISPER_MODEL_PATH .* is not a file/],
    [{ ...base, STT_PROVIDER: 'openai' }, /^Invalid configuration: STT_API_KEY is required for STT_PROVIDER=openai/],
    [{ ...base, STT_PROVIDER: 'openai', STT_BASE_URL: 'https://api.openai.com/v1/' }, /STT_API_KEY is required/],
    [{ ...base, STT_PROVIDER: 'local' }, /^Invalid configuration: STT_PROVIDER/],
    [{ ...base, STT_BASE_URL: 'not a url' }, /^Invalid configuration: STT_BASE_URL/],
    [{ ...base, VOICE_MAX_SECONDS: '0' }, /^Invalid configuration: VOICE_MAX_SECONDS/],
    [{ ...base, VOICE_PROGRESS_SECONDS: '0' }, /^Invalid configuration: VOICE_PROGRESS_SECONDS/],
    [{ ...base, LOG_FORMAT: 'xml' }, /^Invalid configuration: LOG_FORMAT/],
    [{ ...base, TRUST_PROXY: 'true' }, /^Invalid configuration: TRUST_PROXY must name the proxies/],
    [{ ...base, RATE_LIMIT_WRITES_PER_MINUTE: '-1' }, /^Invalid configuration: RATE_LIMIT_WRITES_PER_MINUTE/],
    [{ ...base, RATE_LIMIT_PHONE_CHANGES_PER_HOUR: 'many' }, /^Invalid configuration: RATE_LIMIT_PHONE_CHANGES_PER_HOUR/],
    [{ ...base, RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE: '1.5' }, /^Invalid configuration: RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE/],
    [{ ...base, TELEGRAM_LOCAL_FILES: 'sometimes' }, /^Invalid configuration: TELEGRAM_LOCAL_FILES must be True or False/],
    [{ ...base, TELEGRAM_LOCAL_FILES: 'True' }, /^Invalid configuration: TELEGRAM_LOCAL_FILES=True needs TELEGRAM_API_ROOT to be your local Bot API server/],
    [{ ...base, TELEGRAM_LOCAL_FILES: 'True', TELEGRAM_API_ROOT: 'https://api.telegram.org/' }, /TELEGRAM_LOCAL_FILES=True needs TELEGRAM_API_ROOT/],
    [{ ...base, TELEGRAM_LOCAL_FILES: 'True', TELEGRAM_API_ROOT: 'http://bot-api:8081', TELEGRAM_LOCAL_FILES_DIR: 'relative/dir' }, /^Invalid configuration: TELEGRAM_LOCAL_FILES_DIR relative\/dir must be an absolute path/],
    [{ ...base, TELEGRAM_LOCAL_FILES: 'True', TELEGRAM_API_ROOT: 'http://bot-api:8081', TELEGRAM_LOCAL_FILES_DIR: '/nonexistent/bot-api' }, /^Invalid configuration: TELEGRAM_LOCAL_FILES_DIR \/nonexistent\/bot-api is not a directory/],
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
