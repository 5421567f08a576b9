import { plainToInstance, Transform } from 'class-transformer';
import { LANGUAGES, type Language } from '../common/text/languages';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MinLength,
  Min,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { CURRENCIES } from '../common/money';
import { parseTrustProxy } from './trust-proxy';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : /^(true|1|yes)$/i.test(String(value))
      ? true
      : /^(false|0|no)$/i.test(String(value))
        ? false
        : value;
const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

export const BOT_MODES = ['webhook', 'polling', 'none'] as const;

/** telegram-bot-api's default working directory (its --dir). */
export const DEFAULT_LOCAL_FILES_DIR = '/var/lib/telegram-bot-api';
export type BotMode = (typeof BOT_MODES)[number];

/** Every environment variable of docs/interface.md §2. Validated once at boot; the only reader of process.env. */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^(postgres(ql)?:\/\/.+|pglite:\/\/.+)$/, {
    message: 'must be a postgres://… URL or pglite://memory',
  })
  DATABASE_URL?: string;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be True or False' })
  DEBUG?: boolean;

  @ValidateIf((e: EnvironmentVariables) => e.DEBUG !== true)
  @Transform(emptyToUndefined)
  @IsString({ message: 'is required when DEBUG=False' })
  @MinLength(16, { message: 'must be at least 16 characters' })
  SECRET_KEY?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^\d+:[A-Za-z0-9_-]+$/, { message: 'does not look like a bot token (<digits>:<key>)' })
  TELEGRAM_BOT_TOKEN?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true })
  TELEGRAM_API_ROOT?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(BOT_MODES)
  BOT_MODE?: BotMode;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true })
  TELEGRAM_WEBHOOK_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z0-9_-]{1,256}$/, { message: 'must be 1-256 characters A-Z, a-z, 0-9, _ or -' })
  TELEGRAM_WEBHOOK_SECRET?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['verified', 'trusted'])
  AUTH_TELEGRAM_LOGIN?: 'verified' | 'trusted';

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ACCESS_TOKEN_LIFETIME_MINUTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  REFRESH_TOKEN_LIFETIME_DAYS?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(LANGUAGES)
  DEFAULT_LANGUAGE?: Language;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn([...CURRENCIES])
  DEFAULT_CURRENCY?: (typeof CURRENCIES)[number];

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  DEFAULT_TIMEZONE?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['none', 'openai', 'whisper-cpp'])
  STT_PROVIDER?: 'none' | 'openai' | 'whisper-cpp';

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true })
  STT_BASE_URL?: string;

  @IsOptional()
  @IsString()
  STT_API_KEY?: string;

  @IsOptional()
  @IsString()
  STT_MODEL?: string;

  @IsOptional()
  @IsString()
  WHISPER_MODEL_PATH?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  VOICE_MAX_SECONDS?: number;

  /** Per-request timeout of the `openai` provider. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  STT_TIMEOUT_SECONDS?: number;

  /** Retries of a voice job after its first attempt (STT or Telegram down), before the user is told. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(20)
  VOICE_RETRY_LIMIT?: number;

  /** First delay between voice job attempts; doubled each retry. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  VOICE_RETRY_DELAY_SECONDS?: number;

  /** How long recognising a voice note may take before the person is told "still trying…" (at once on a failure). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  VOICE_PROGRESS_SECONDS?: number;

  /** Connections per instance in the PostgreSQL pool (docs/operations.md: instances × pool ≤ max_connections). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE?: number;

  /** Largest JSON body /api accepts (the webhook keeps its own 1 MB). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1024)
  API_MAX_BODY_KB?: number;

  /** Object keys in one /api JSON body, counted on the raw bytes before parsing. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(10)
  @Max(100_000)
  JSON_MAX_KEYS?: number;

  /** Nesting of objects and arrays in a JSON body (/api and the webhook). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(4)
  @Max(1000)
  JSON_MAX_DEPTH?: number;

  /** Object keys in one webhook update (Telegram's largest real updates stay far below). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(1_000_000)
  WEBHOOK_JSON_MAX_KEYS?: number;

  /** Time a client has to send the request headers. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600)
  HTTP_HEADERS_TIMEOUT_SECONDS?: number;

  /** Time a client has to send the whole request, headers and body (at least the headers timeout). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  HTTP_REQUEST_TIMEOUT_SECONDS?: number;

  /** Longest a statement may run on the pool's connections (PostgreSQL statement_timeout); 0 = no limit. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  DATABASE_STATEMENT_TIMEOUT_SECONDS?: number;

  /** Longest a pool connection may sit idle inside a transaction (idle_in_transaction_session_timeout); 0 = no limit. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS?: number;

  /** Exports (CSV and the JSON data export) streaming at once on one instance. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  EXPORT_MAX_CONCURRENT?: number;

  /** An export whose client accepts nothing for this long is aborted. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  EXPORT_STALL_TIMEOUT_SECONDS?: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true })
  CBU_RATES_URL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  /** The bot's @username, without the @ (invite links: https://t.me/<username>?start=join_<token>). */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, { message: 'must be a Telegram username without the @' })
  TELEGRAM_BOT_USERNAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// URL' })
  REDIS_URL?: string;

  /**
   * Which peers may set the client address with X-Forwarded-For (Express `trust proxy`): a hop count, or addresses,
   * CIDR ranges and the names loopback / linklocal / uniquelocal, comma-separated; `false` trusts nobody.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TRUST_PROXY?: string;

  /** Write requests (POST, PUT, PATCH, DELETE) one user may make per minute over REST; 0 turns the limit off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  RATE_LIMIT_WRITES_PER_MINUTE?: number;

  /** Phone number changes through PATCH /api/users/me/ per user and hour; 0 turns the limit off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10_000)
  RATE_LIMIT_PHONE_CHANGES_PER_HOUR?: number;

  /** Webhook requests with a wrong or missing secret per client IP and minute before the IP gets 429; 0: off. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(100_000)
  RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE?: number;

  /** The local Bot API server (`--local`) answers getFile with a path on its disk, readable by this process. */
  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be True or False' })
  TELEGRAM_LOCAL_FILES?: boolean;

  /** The local Bot API server's working directory (its `--dir`): the only place local files are read from. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  TELEGRAM_LOCAL_FILES_DIR?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'verbose'])
  LOG_LEVEL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsIn(['json', 'pretty'])
  LOG_FORMAT?: 'json' | 'pretty';
}

export class ConfigValidationError extends Error {}

/** Why `path` is not a readable regular file, or undefined when it is. */
function unreadableFile(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return 'is not a file';
    accessSync(path, constants.R_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT'
      ? 'does not exist'
      : code === 'EACCES'
        ? 'is not readable'
        : `cannot be read (${code ?? 'error'})`;
  }
}

/** Telegram's secret_token may be 1–256 characters; outside DEBUG a guessable one is refused. */
export const WEBHOOK_SECRET_MIN_LENGTH = 16;

function checkWebhookSecretStrength(env: EnvironmentVariables): void {
  const secret = env.TELEGRAM_WEBHOOK_SECRET;
  if (secret === undefined || env.DEBUG === true || secret.length >= WEBHOOK_SECRET_MIN_LENGTH) return;
  throw new ConfigValidationError(
    `Invalid configuration: TELEGRAM_WEBHOOK_SECRET must be at least ${WEBHOOK_SECRET_MIN_LENGTH} characters (A-Z, a-z, 0-9, _ or -) when DEBUG=False; generate one with: openssl rand -hex 32`,
  );
}

function checkHttpTimeouts(env: EnvironmentVariables): void {
  const headers = env.HTTP_HEADERS_TIMEOUT_SECONDS;
  const request = env.HTTP_REQUEST_TIMEOUT_SECONDS;
  if (headers !== undefined && request !== undefined && request < headers) {
    throw new ConfigValidationError(
      'Invalid configuration: HTTP_REQUEST_TIMEOUT_SECONDS must be at least HTTP_HEADERS_TIMEOUT_SECONDS (the request includes its headers)',
    );
  }
}

/** Validates the environment; throws ConfigValidationError whose message is one line naming the variable. */
export function validateEnv(raw: Record<string, unknown>): EnvironmentVariables {
  const env = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  const mode =
    env.BOT_MODE ?? (env.TELEGRAM_WEBHOOK_URL ? 'webhook' : env.TELEGRAM_BOT_TOKEN ? 'polling' : 'none');
  if (errors.length > 0) {
    const first = errors[0];
    const messages = Object.values(first.constraints ?? {});
    // A variable that is not set at all is "required", whatever else its value would have to be.
    const message =
      first.value === undefined
        ? (messages.find((m) => m.startsWith('is required')) ?? 'is required')
        : (messages[0] ?? 'is invalid');
    throw new ConfigValidationError(
      `Invalid configuration: ${first.property} ${message.replace(new RegExp(`^${first.property} `), '')}`,
    );
  }
  if (env.DEBUG !== true && env.SECRET_KEY && /change-me/i.test(env.SECRET_KEY)) {
    throw new ConfigValidationError(
      'Invalid configuration: SECRET_KEY is still the .env.example placeholder; set a long random value (openssl rand -hex 32)',
    );
  }
  if (mode !== 'none' && !env.TELEGRAM_BOT_TOKEN) {
    throw new ConfigValidationError(
      `Invalid configuration: TELEGRAM_BOT_TOKEN is required for BOT_MODE=${mode}`,
    );
  }
  if (mode === 'webhook' && env.DEBUG !== true && !env.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigValidationError(
      'Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required for BOT_MODE=webhook when DEBUG=False',
    );
  }
  checkWebhookSecretStrength(env);
  checkHttpTimeouts(env);
  const tz = env.DEFAULT_TIMEZONE;
  if (tz) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
    } catch {
      throw new ConfigValidationError(
        `Invalid configuration: DEFAULT_TIMEZONE ${tz} is not an IANA time zone`,
      );
    }
  }
  if (env.STT_PROVIDER === 'whisper-cpp') {
    if (!env.WHISPER_MODEL_PATH) {
      throw new ConfigValidationError(
        'Invalid configuration: WHISPER_MODEL_PATH is required for STT_PROVIDER=whisper-cpp',
      );
    }
    const problem = unreadableFile(env.WHISPER_MODEL_PATH);
    if (problem) {
      throw new ConfigValidationError(
        `Invalid configuration: WHISPER_MODEL_PATH ${env.WHISPER_MODEL_PATH} ${problem} (STT_PROVIDER=whisper-cpp needs a ggml model file)`,
      );
    }
  }
  if (
    env.STT_PROVIDER === 'openai' &&
    !env.STT_API_KEY &&
    (!env.STT_BASE_URL || /^https:\/\/api\.openai\.com(\/|$)/i.test(env.STT_BASE_URL))
  ) {
    throw new ConfigValidationError(
      'Invalid configuration: STT_API_KEY is required for STT_PROVIDER=openai with the OpenAI API (set STT_BASE_URL for a keyless OpenAI-compatible server)',
    );
  }
  checkTrustProxy(env);
  checkLocalFiles(env);
  return env;
}

function checkTrustProxy(env: EnvironmentVariables): void {
  const parsed = parseTrustProxy(env.TRUST_PROXY);
  if (!parsed.ok) throw new ConfigValidationError(`Invalid configuration: TRUST_PROXY ${parsed.reason}`);
}

/** Local files are read only from a local Bot API server's own directory (docs/operations.md, "Voice files"). */
function checkLocalFiles(env: EnvironmentVariables): void {
  if (env.TELEGRAM_LOCAL_FILES !== true) return;
  const root = env.TELEGRAM_API_ROOT;
  if (!root || /^https?:\/\/api\.telegram\.org(\/|$)/i.test(root)) {
    throw new ConfigValidationError(
      'Invalid configuration: TELEGRAM_LOCAL_FILES=True needs TELEGRAM_API_ROOT to be your local Bot API server (telegram-bot-api --local)',
    );
  }
  const dir = env.TELEGRAM_LOCAL_FILES_DIR ?? DEFAULT_LOCAL_FILES_DIR;
  if (!isAbsolute(dir))
    throw new ConfigValidationError(
      `Invalid configuration: TELEGRAM_LOCAL_FILES_DIR ${dir} must be an absolute path`,
    );
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) {
    throw new ConfigValidationError(
      `Invalid configuration: TELEGRAM_LOCAL_FILES_DIR ${dir} is not a directory (the local Bot API server's --dir, mounted here)`,
    );
  }
}
