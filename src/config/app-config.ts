import { randomBytes } from 'node:crypto';
import { Currency } from '../common/money';
import { BotMode, DEFAULT_LOCAL_FILES_DIR, EnvironmentVariables, validateEnv } from './env.validation';
import { parseTrustProxy, TrustProxy } from './trust-proxy';

export type LoginMode = 'verified' | 'trusted';
import type { Language } from '../common/text/languages';
export type { Language };

/**
 * Typed, validated configuration (docs/interface.md §2). Built once from process.env in `loadConfig()`;
 * injected everywhere as `AppConfig`.
 */
export class AppConfig {
  readonly port: number;
  readonly debug: boolean;
  readonly databaseUrl: string | undefined;
  /** Connections per instance in the PostgreSQL pool (the embedded engine always has one). */
  readonly databasePoolSize: number;
  /** statement_timeout and idle_in_transaction_session_timeout of the pool's connections, in ms (0 = none). */
  readonly databaseTimeouts: { statementMs: number; idleInTransactionMs: number };
  /** Streamed exports: how many at once per instance, and how long a client may accept nothing before one is cut. */
  readonly exports: { maxConcurrent: number; stallTimeoutMs: number };
  readonly secretKey: string;
  readonly secretKeyGenerated: boolean;
  readonly bot: {
    token: string | undefined;
    apiRoot: string;
    mode: BotMode;
    webhookUrl: string | undefined;
    webhookSecret: string | undefined;
  };
  readonly auth: { telegramLogin: LoginMode; accessLifetimeMinutes: number; refreshLifetimeDays: number };
  readonly defaults: { language: Language; currency: Currency; timezone: string };
  readonly stt: {
    provider: 'none' | 'openai' | 'whisper-cpp';
    baseUrl: string;
    apiKey: string | undefined;
    model: string;
    whisperModelPath: string | undefined;
    voiceMaxSeconds: number;
    /** Per-request timeout of the openai provider. */
    timeoutSeconds: number;
    /** Voice job retries (after the first attempt) and the first delay between them (doubled each time). */
    retryLimit: number;
    retryDelaySeconds: number;
    /** Recognition running this long (or failing once) → the one "still trying…" message. */
    progressSeconds: number;
  };
  /** Bounds on what one HTTP request may cost before any handler runs (docs/operations.md, "Request limits"). */
  readonly requestLimits: {
    apiMaxBodyBytes: number;
    jsonMaxKeys: number;
    jsonMaxDepth: number;
    webhookJsonMaxKeys: number;
    headersTimeoutMs: number;
    requestTimeoutMs: number;
  };
  readonly cbuRatesUrl: string;
  readonly publicUrl: string | undefined;
  /** The bot's @username without the @: household invite links name it (docs/households.md). */
  readonly telegramBotUsername: string;
  readonly redisUrl: string | undefined;
  readonly log: { level: string; format: 'json' | 'pretty' };
  /** Express `trust proxy`: who may name the client with X-Forwarded-For (src/config/trust-proxy.ts). */
  readonly trustProxy: TrustProxy;
  /** Per-user and per-IP limits beyond the auth endpoints' own (0 = off); docs/operations.md, "Rate limits". */
  readonly rateLimits: {
    writesPerMinute: number;
    phoneChangesPerHour: number;
    webhookFailuresPerMinute: number;
  };
  /** Files a local Bot API server (--local) hands out as paths on its disk: read only when on, only inside `dir`. */
  readonly localFiles: { enabled: boolean; dir: string };

  constructor(env: EnvironmentVariables) {
    this.port = env.PORT ?? 8000;
    this.debug = env.DEBUG ?? false;
    this.databaseUrl = env.DATABASE_URL;
    this.databasePoolSize = env.DATABASE_POOL_SIZE ?? 10;
    this.databaseTimeouts = {
      statementMs: (env.DATABASE_STATEMENT_TIMEOUT_SECONDS ?? 30) * 1000,
      idleInTransactionMs: (env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS ?? 60) * 1000,
    };
    this.exports = {
      maxConcurrent: env.EXPORT_MAX_CONCURRENT ?? 4,
      stallTimeoutMs: (env.EXPORT_STALL_TIMEOUT_SECONDS ?? 30) * 1000,
    };
    this.secretKeyGenerated = !env.SECRET_KEY;
    this.secretKey = env.SECRET_KEY ?? randomBytes(32).toString('hex');
    const webhookUrl = env.TELEGRAM_WEBHOOK_URL;
    this.bot = {
      token: env.TELEGRAM_BOT_TOKEN,
      apiRoot: (env.TELEGRAM_API_ROOT ?? 'https://api.telegram.org').replace(/\/+$/, ''),
      mode: env.BOT_MODE ?? (webhookUrl ? 'webhook' : env.TELEGRAM_BOT_TOKEN ? 'polling' : 'none'),
      webhookUrl,
      webhookSecret: env.TELEGRAM_WEBHOOK_SECRET,
    };
    this.auth = {
      telegramLogin: env.AUTH_TELEGRAM_LOGIN ?? 'verified',
      accessLifetimeMinutes: env.ACCESS_TOKEN_LIFETIME_MINUTES ?? 60,
      refreshLifetimeDays: env.REFRESH_TOKEN_LIFETIME_DAYS ?? 7,
    };
    this.defaults = {
      language: env.DEFAULT_LANGUAGE ?? 'ru',
      currency: env.DEFAULT_CURRENCY ?? 'UZS',
      timezone: env.DEFAULT_TIMEZONE ?? 'Asia/Tashkent',
    };
    this.stt = {
      provider: env.STT_PROVIDER ?? 'none',
      baseUrl: env.STT_BASE_URL ?? 'https://api.openai.com/v1',
      apiKey: env.STT_API_KEY,
      model: env.STT_MODEL ?? 'whisper-1',
      whisperModelPath: env.WHISPER_MODEL_PATH,
      voiceMaxSeconds: env.VOICE_MAX_SECONDS ?? 120,
      timeoutSeconds: env.STT_TIMEOUT_SECONDS ?? 30,
      retryLimit: env.VOICE_RETRY_LIMIT ?? 4,
      retryDelaySeconds: env.VOICE_RETRY_DELAY_SECONDS ?? 2,
      progressSeconds: env.VOICE_PROGRESS_SECONDS ?? 10,
    };
    const headersTimeoutSeconds = env.HTTP_HEADERS_TIMEOUT_SECONDS ?? 30;
    this.requestLimits = {
      apiMaxBodyBytes: (env.API_MAX_BODY_KB ?? 64) * 1024,
      jsonMaxKeys: env.JSON_MAX_KEYS ?? 1000,
      jsonMaxDepth: env.JSON_MAX_DEPTH ?? 32,
      webhookJsonMaxKeys: env.WEBHOOK_JSON_MAX_KEYS ?? 20_000,
      headersTimeoutMs: headersTimeoutSeconds * 1000,
      requestTimeoutMs: Math.max(env.HTTP_REQUEST_TIMEOUT_SECONDS ?? 30, headersTimeoutSeconds) * 1000,
    };
    this.cbuRatesUrl = env.CBU_RATES_URL ?? 'https://cbu.uz/uz/arkhiv-kursov-valyut/json/';
    this.publicUrl = env.PUBLIC_URL ?? (webhookUrl ? new URL(webhookUrl).origin : undefined);
    this.telegramBotUsername = env.TELEGRAM_BOT_USERNAME ?? 'OvozPayBot';
    this.redisUrl = env.REDIS_URL;
    this.log = { level: env.LOG_LEVEL ?? 'info', format: env.LOG_FORMAT ?? 'json' };
    const trust = parseTrustProxy(env.TRUST_PROXY);
    if (!trust.ok) throw new Error(`TRUST_PROXY ${trust.reason}`); // validateEnv refused it already
    this.trustProxy = trust.value;
    this.rateLimits = {
      writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE ?? 120,
      phoneChangesPerHour: env.RATE_LIMIT_PHONE_CHANGES_PER_HOUR ?? 10,
      webhookFailuresPerMinute: env.RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE ?? 20,
    };
    this.localFiles = {
      enabled: env.TELEGRAM_LOCAL_FILES ?? false,
      dir: env.TELEGRAM_LOCAL_FILES_DIR ?? DEFAULT_LOCAL_FILES_DIR,
    };
  }
}

/** Reads and validates process.env (the only place that does). Throws ConfigValidationError. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  return new AppConfig(validateEnv({ ...source }));
}
