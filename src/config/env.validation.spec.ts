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

  it('database timeouts and export limits: defaults, overrides, 0 turns a database timeout off, bad values stop the start', () => {
    const c = loadConfig({ ...base });
    expect(c.databaseTimeouts).toEqual({ statementMs: 30_000, idleInTransactionMs: 60_000 });
    expect(c.exports).toEqual({ maxConcurrent: 4, stallTimeoutMs: 30_000 });
    const set = loadConfig({ ...base, DATABASE_STATEMENT_TIMEOUT_SECONDS: '0', DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: '5', EXPORT_MAX_CONCURRENT: '2', EXPORT_STALL_TIMEOUT_SECONDS: '7' });
    expect(set.databaseTimeouts).toEqual({ statementMs: 0, idleInTransactionMs: 5000 });
    expect(set.exports).toEqual({ maxConcurrent: 2, stallTimeoutMs: 7000 });
    for (const [name, value] of [['DATABASE_STATEMENT_TIMEOUT_SECONDS', '-1'], ['DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS', 'soon'], ['EXPORT_MAX_CONCURRENT', '0'], ['EXPORT_STALL_TIMEOUT_SECONDS', '0']]) {
      expect(() => validateEnv({ ...base, [name]: value })).toThrow(new RegExp(`^Invalid configuration: ${name}`));
    }
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
