import type { NextFunction, Request, RequestHandler, Response } from 'express';

const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key, Accept, Accept-Language';

/**
 * CORS for /api/: only `origin` (the Mini App's own, from PUBLIC_URL) may call from a browser on another origin;
 * with no origin configured, none. A preflight from any other origin gets 403 and no CORS headers; other requests
 * pass untouched (without CORS headers the browser keeps the answer from the calling page).
 */
export function apiCors(origin: string | undefined): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.vary('Origin');
    const from = req.headers.origin;
    if (!from) {
      next();
      return;
    }
    const allowed = origin !== undefined && from === origin;
    const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined;
    if (allowed) {
      res.setHeader('Access-Control-Allow-Origin', from);
      res.setHeader('Access-Control-Expose-Headers', 'Idempotent-Replayed');
    }
    if (!preflight) {
      next();
      return;
    }
    if (!allowed) {
      res.status(403).json({ detail: 'Origin not allowed.' });
      return;
    }
    res.vary('Access-Control-Request-Headers');
    res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  };
}
