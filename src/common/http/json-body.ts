import { isUtf8 } from 'node:buffer';
import { json } from 'express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { allowedMethodsFor } from './allowed-methods';

/** What a JSON body may contain, checked on its raw bytes before it is parsed. */
export interface JsonShapeLimits {
  /** Object keys in the whole body, at every level. */
  maxKeys: number;
  /** Nesting of objects and arrays. */
  maxDepth: number;
}

export interface ApiBodyLimits extends JsonShapeLimits {
  maxBytes: number;
}

const JSON_TYPES = ['application/json', 'application/*+json'];
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Why a JSON body is refused before parsing (a DRF-style "JSON parse error - …" message), or undefined.
 * One pass over the bytes outside strings: the number of object keys (the `:` separators) and the nesting depth.
 * Parsing is linear, but what runs on the parsed value need not be (class-transformer's key pass over a
 * 131,070-key object took 22 s), so the size of the parsed value is bounded here, where it costs microseconds.
 */
export function jsonBodyProblem(buf: Buffer, limits: JsonShapeLimits): string | undefined {
  if (!isUtf8(buf)) return 'JSON parse error - the body is not valid UTF-8.';
  let depth = 0;
  let keys = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) {
      if (++keys > limits.maxKeys) return `JSON parse error - more than ${limits.maxKeys} keys.`;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > limits.maxDepth)
        return `JSON parse error - nesting deeper than ${limits.maxDepth} levels.`;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/**
 * express.json `reviver`: strings with a NUL character (PostgreSQL text cannot store it) or a lone surrogate (not
 * Unicode) are refused with 400 like DRF's "Null characters are not allowed." instead of failing at the database.
 */
export function refuseBadStrings(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && (value.includes('\0') || !isWellFormed(value))) {
    throw new SyntaxError(
      value.includes('\0')
        ? 'Null characters are not allowed.'
        : 'Strings must be valid Unicode (a lone surrogate was found).',
    );
  }
  return value;
}

const isWellFormed = (s: string): boolean =>
  typeof (s as { isWellFormed?: () => boolean }).isWellFormed === 'function'
    ? (s as unknown as { isWellFormed: () => boolean }).isWellFormed()
    : !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/**
 * A request's body, as DRF counts it: a Content-Length above zero or a chunked body. (An empty body is no body: it
 * reads as `{}` whatever its Content-Type.)
 */
function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * A response that goes out while its request's body is still arriving (401 at the webhook, 404, 413, 415, 408)
 * closes the connection. Node would otherwise keep reading and discarding the rest of the body to reuse the
 * connection: a client could make the server take in megabytes it has already refused.
 */
export function closeOnUnreadBody(req: Request, res: Response, next: NextFunction): void {
  if (hasBody(req)) {
    const writeHead = res.writeHead;
    res.writeHead = function (this: Response, ...args: unknown[]) {
      if (!req.complete && !this.headersSent) this.setHeader('Connection', 'close');
      return (writeHead as (...a: unknown[]) => Response).apply(this, args);
    } as Response['writeHead'];
  }
  next();
}

/** DRF's 415 message when the body is not UTF-8 JSON, else undefined. */
export function unsupportedMediaType(contentType: string | undefined, isJson: boolean): string | undefined {
  if (contentType === undefined || contentType.trim() === '')
    return 'Unsupported media type "" in request: send the body as application/json.';
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(contentType)?.[1];
  if (isJson && (charset === undefined || /^utf-?8$/i.test(charset))) return undefined;
  return `Unsupported media type "${contentType}" in request.`;
}

/**
 * The JSON body parser of /api. A body is read only for a route that exists for this method (anything else goes on
 * unread to the 404/405), only up to `maxBytes` (413), only as UTF-8 JSON (415 otherwise), and checked for keys,
 * depth and UTF-8 before it is parsed (400). Scalars and lists parse too, so the validation pipe can say "Expected
 * a dictionary" rather than a parse error. Errors are DRF-shaped.
 */
export function apiJsonBodies(limits: ApiBodyLimits): RequestHandler {
  const parse = json({
    limit: limits.maxBytes,
    type: JSON_TYPES,
    strict: false,
    reviver: refuseBadStrings,
    verify: (_req, _res, buf) => {
      const problem = jsonBodyProblem(buf, limits);
      if (problem) throw Object.assign(new Error(problem), { status: 400 });
    },
  });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!BODY_METHODS.has(req.method) || !hasBody(req) || !allowedMethodsFor(req).includes(req.method)) {
      next();
      return;
    }
    const unsupported = unsupportedMediaType(req.headers['content-type'], req.is(JSON_TYPES) !== false);
    if (unsupported) {
      res.status(415).json({ detail: unsupported });
      return;
    }
    parse(req, res, (error?: unknown) => (error ? answerBodyError(error, res, next) : next()));
  };
}

/** Malformed or oversized JSON bodies → DRF-style 400 / 413 / 415 instead of Express's HTML page. */
function answerBodyError(error: unknown, res: Response, next: NextFunction): void {
  const e = error as { type?: string; status?: number; message?: string };
  if (e?.type === 'entity.too.large') {
    res.status(413).json({ detail: 'Request body is too large.' });
    return;
  }
  if (e?.type === 'entity.parse.failed') {
    res.status(400).json({ detail: `JSON parse error - ${e.message ?? 'invalid JSON'}` });
    return;
  }
  if (e?.status === 400 || e?.status === 415) {
    res.status(e.status).json({ detail: e.message ?? 'Bad request.' });
    return;
  }
  next(error);
}
