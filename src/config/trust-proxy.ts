import { isIP } from 'node:net';

/**
 * Which peers may name the client with X-Forwarded-For, in the forms Express's `trust proxy` setting takes: `false`
 * (nobody: the client is the TCP peer), a hop count (the N proxies nearest to the app, whoever they are), or a list
 * of addresses, CIDR ranges and Express's names for the reserved ranges. Docker and reverse-proxy set-ups are in
 * docs/operations.md ("Client IPs behind a proxy").
 */
export type TrustProxy = false | number | string[];

/** Express's names for reserved ranges: 127.0.0.1/8 and ::1, 169.254.0.0/16 and fe80::/10, private ranges and fc00::/7. */
export const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/** Unset: only a proxy on the same machine (a reverse proxy on loopback) is believed. */
export const DEFAULT_TRUST_PROXY: TrustProxy = ['loopback'];

const MAX_HOPS = 10;

function entryProblem(entry: string): string | undefined {
  if ((TRUST_PROXY_NAMES as readonly string[]).includes(entry)) return undefined;
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (!family || rest.length)
    return `"${entry}" is not an IP address, a CIDR range or one of ${TRUST_PROXY_NAMES.join(', ')}`;
  if (prefix === undefined) return undefined;
  const max = family === 4 ? 32 : 128;
  if (!/^\d{1,3}$/.test(prefix) || Number(prefix) > max)
    return `"${entry}" has a prefix length outside 0-${max}`;
  return undefined;
}

/** TRUST_PROXY → the `trust proxy` value, or why it is refused (one phrase, for the start-up error line). */
export function parseTrustProxy(
  raw: string | undefined,
): { ok: true; value: TrustProxy } | { ok: false; reason: string } {
  const text = raw?.trim();
  if (!text) return { ok: true, value: DEFAULT_TRUST_PROXY };
  if (/^(false|none)$/i.test(text)) return { ok: true, value: false };
  if (/^(true|all|\*)$/i.test(text)) {
    return {
      ok: false,
      reason:
        'must name the proxies (addresses, CIDR ranges) or a hop count: trusting every peer lets any client pick its own address',
    };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops > MAX_HOPS) return { ok: false, reason: `is a hop count above ${MAX_HOPS}` };
    return { ok: true, value: hops === 0 ? false : hops };
  }
  const entries = text.split(',').map((e) => e.trim().toLowerCase());
  for (const entry of entries) {
    const problem = entry ? entryProblem(entry) : 'has an empty entry';
    if (problem) return { ok: false, reason: problem };
  }
  return { ok: true, value: entries };
}
