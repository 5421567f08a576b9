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
    [{ ...base, STT_PROVIDER: 'whisper-cpp' }, /WHISPER_MODEL_PATH/],
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
