import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';

const INVALID_HOST = 'Invalid Host header.';

/**
 * A Host header value a link may be built on: a DNS name (underscores allowed, as Docker service names have them),
 * an IPv4 address or a bracketed IPv6 address, with an optional port. Spaces, `@`, `/`, `%`, an unclosed bracket
 * or an empty value are not.
 */
export function isValidHost(host: string): boolean {
  const m =
    /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9](?:[A-Za-z0-9_.-]{0,251}[A-Za-z0-9_])?))(?::(\d{1,5}))?$/.exec(
      host,
    );
  if (!m) return false;
  if (m[3] !== undefined && Number(m[3]) > 65535) return false;
  if (m[1] === undefined) return true;
  try {
    return new URL(`http://[${m[1]}]/`).hostname !== '';
  } catch {
    return false;
  }
}

/** A malformed Host header → 400 `{"detail": "Invalid Host header."}` before anything reads it. No Host (HTTP/1.0) passes. */
export function refuseMalformedHost(req: Request, res: Response, next: NextFunction): void {
  const host = req.headers.host;
  if (host !== undefined && !isValidHost(host)) {
    res.status(400).json({ detail: INVALID_HOST });
    return;
  }
  next();
}

/**
 * The origin and path prefix absolute links in responses start with: PUBLIC_URL when set (never the client's
 * headers), else this request's scheme and validated Host. No usable Host → a DRF 400, never a 500.
 */
export function linkBase(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl.replace(/\/+$/, '');
  const host = req.headers.host;
  if (!host || !isValidHost(host)) throw new DomainError('validation', INVALID_HOST);
  return `${req.protocol}://${host}`;
}
