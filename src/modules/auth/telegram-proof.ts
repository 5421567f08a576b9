/**
 * Pure verification of the Telegram-signed proofs accepted by telegram-login (no Nest, no I/O):
 * - Mini App initData: secret = HMAC_SHA256(key "WebAppData", bot token); hash = hex HMAC_SHA256(secret, data_check_string)
 *   https://core.telegram.org/bots/webapps#validating-data-received-via-the-mini-app
 * - Login Widget: secret = SHA256(bot token); hash = hex HMAC_SHA256(secret, data_check_string)
 *   https://core.telegram.org/widgets/login#checking-authorization
 * data_check_string: every received field except `hash`, as `key=value`, sorted by key, joined by "\n".
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const MAX_AUTH_AGE_SECONDS = 24 * 60 * 60;
export const MAX_CLOCK_SKEW_SECONDS = 60;

export type ProofFailure = 'malformed' | 'bad_hash' | 'stale' | 'future' | 'no_user';

export interface TelegramIdentity {
  /** The Telegram user id (equals the private chat id). */
  userId: bigint;
  firstName?: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
  authDate: number;
}

export type ProofResult = { ok: true; identity: TelegramIdentity } | { ok: false; reason: ProofFailure };

/** The Login Widget's fields (all optional here: absence is reported as `malformed`). */
export const WIDGET_FIELDS = [
  'id',
  'first_name',
  'last_name',
  'username',
  'photo_url',
  'auth_date',
  'hash',
] as const;
export type WidgetData = Partial<Record<(typeof WIDGET_FIELDS)[number], unknown>>;

export function dataCheckString(fields: Iterable<[string, string]>): string {
  return [...fields]
    .filter(([key]) => key !== 'hash')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join('\n');
}

export function webAppSecret(botToken: string): Buffer {
  return createHmac('sha256', 'WebAppData').update(botToken).digest();
}

export function widgetSecret(botToken: string): Buffer {
  return createHash('sha256').update(botToken).digest();
}

export function signature(secret: Buffer, checkString: string): string {
  return createHmac('sha256', secret).update(checkString).digest('hex');
}

/** Constant-time comparison of a received hex hash with the expected one. */
export function hashMatches(expectedHex: string, receivedHex: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(receivedHex)) return false;
  const a = Buffer.from(expectedHex, 'hex');
  const b = Buffer.from(receivedHex.toLowerCase(), 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

function checkAuthDate(
  raw: string | undefined,
  now: Date,
): { ok: true; authDate: number } | { ok: false; reason: ProofFailure } {
  if (raw === undefined || !/^\d{1,12}$/.test(raw)) return { ok: false, reason: 'malformed' };
  const authDate = Number(raw);
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (authDate > nowSeconds + MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'future' };
  if (nowSeconds - authDate > MAX_AUTH_AGE_SECONDS) return { ok: false, reason: 'stale' };
  return { ok: true, authDate };
}

function positiveId(value: unknown): bigint | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return BigInt(value);
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value) && Number(value) <= Number.MAX_SAFE_INTEGER)
    return BigInt(value);
  return undefined;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** Verifies a Mini App initData query string; the identity comes from its `user` JSON field. */
export function verifyInitData(botToken: string, initData: string, now: Date): ProofResult {
  if (!initData || initData.length > 8192) return { ok: false, reason: 'malformed' };
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(initData);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const entries = [...params.entries()];
  const keys = new Set(entries.map(([k]) => k));
  if (keys.size !== entries.length) return { ok: false, reason: 'malformed' }; // duplicate keys are never Telegram's
  const hash = params.get('hash');
  if (!hash) return { ok: false, reason: 'malformed' };
  const expected = signature(webAppSecret(botToken), dataCheckString(entries));
  if (!hashMatches(expected, hash)) return { ok: false, reason: 'bad_hash' };

  const date = checkAuthDate(params.get('auth_date') ?? undefined, now);
  if (!date.ok) return date;
  const userJson = params.get('user');
  if (!userJson) return { ok: false, reason: 'no_user' };
  let user: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(userJson);
    if (!parsed || typeof parsed !== 'object') return { ok: false, reason: 'no_user' };
    user = parsed as Record<string, unknown>;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const userId = positiveId(user.id);
  if (userId === undefined) return { ok: false, reason: 'no_user' };
  return {
    ok: true,
    identity: {
      userId,
      firstName: optionalString(user.first_name),
      lastName: optionalString(user.last_name),
      username: optionalString(user.username),
      languageCode: optionalString(user.language_code),
      authDate: date.authDate,
    },
  };
}

/** Verifies Login Widget data: only the widget's own fields enter the data_check_string. */
export function verifyLoginWidget(botToken: string, data: WidgetData, now: Date): ProofResult {
  const entries: Array<[string, string]> = [];
  for (const key of WIDGET_FIELDS) {
    const value = data[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') entries.push([key, value]);
    else if (typeof value === 'number' && Number.isSafeInteger(value)) entries.push([key, String(value)]);
    else return { ok: false, reason: 'malformed' };
  }
  const fields = new Map(entries);
  const hash = fields.get('hash');
  if (!hash || !fields.has('id') || !fields.has('auth_date')) return { ok: false, reason: 'malformed' };
  const expected = signature(widgetSecret(botToken), dataCheckString(entries));
  if (!hashMatches(expected, hash)) return { ok: false, reason: 'bad_hash' };

  const date = checkAuthDate(fields.get('auth_date'), now);
  if (!date.ok) return date;
  const userId = positiveId(fields.get('id'));
  if (userId === undefined) return { ok: false, reason: 'no_user' };
  return {
    ok: true,
    identity: {
      userId,
      firstName: optionalString(fields.get('first_name')),
      lastName: optionalString(fields.get('last_name')),
      username: optionalString(fields.get('username')),
      authDate: date.authDate,
    },
  };
}

/** Test and tooling helper: signs fields the way Telegram does for a Mini App (returns the initData string). */
export function signInitData(botToken: string, fields: Record<string, string>): string {
  const entries = Object.entries(fields).filter(([k]) => k !== 'hash');
  const hash = signature(webAppSecret(botToken), dataCheckString(entries));
  const params = new URLSearchParams(entries);
  params.set('hash', hash);
  return params.toString();
}

/** Test and tooling helper: signs Login Widget fields the way Telegram does (returns them with `hash`). */
export function signLoginWidget<T extends Record<string, string | number>>(
  botToken: string,
  fields: T,
): T & { hash: string } {
  const entries = Object.entries(fields)
    .filter(([k]) => k !== 'hash')
    .map(([k, v]): [string, string] => [k, String(v)]);
  return { ...fields, hash: signature(widgetSecret(botToken), dataCheckString(entries)) };
}
