/** Idempotency-Key helpers (pure): the header's validity and a hash of the request it came with. */
import { createHash } from 'node:crypto';

export const IDEMPOTENCY_KEY_MAX = 255;
export const IDEMPOTENCY_TTL_HOURS = 24;

/** JSON with object keys sorted at every level, so `{"a":1,"b":2}` and `{"b":2,"a":1}` hash alike. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value))
    return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 (hex) of the method, path and canonical body: what "the same request" means for a key. */
export function requestHash(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');
}

/**
 * The Idempotency-Key header: absent → undefined; otherwise 1–255 visible ASCII characters (a UUID is typical),
 * else an error message.
 */
export function readIdempotencyKey(header: string | string[] | undefined): { key?: string; error?: string } {
  if (header === undefined) return {};
  const value = Array.isArray(header) ? header[0] : header;
  if (Array.isArray(header) && header.length > 1) return { error: 'Send one Idempotency-Key header.' };
  const key = (value ?? '').trim();
  if (!key || key.length > IDEMPOTENCY_KEY_MAX || !/^[\x21-\x7e]+$/.test(key)) {
    return { error: `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} visible ASCII characters.` };
  }
  return { key };
}

/** Puts an object's keys back in a given order (jsonb does not keep key order). */
export function inKeyOrder<T extends Record<string, unknown>>(body: T, order: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const k of order) if (k in body) out[k] = body[k];
  for (const k of Object.keys(body)) if (!(k in out)) out[k] = body[k];
  return out as T;
}
