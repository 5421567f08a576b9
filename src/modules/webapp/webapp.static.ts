import type { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic } from 'express';
import type { Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** dist/web, the Vite build (`npm run build`); the same place from src/ (tests) and from dist/ (compiled). */
export const WEB_ROOT = resolve(__dirname, '..', '..', '..', 'dist', 'web');

/**
 * The Mini App's Content-Security-Policy: its own scripts, styles and API only (no inline script, no eval), and
 * framed only by Telegram's web clients (the mobile and desktop apps use a webview, not a frame).
 */
export const MINI_APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  'frame-ancestors https://web.telegram.org https://*.telegram.org',
].join('; ');

const IMMUTABLE = 'public, max-age=31536000, immutable';

function securityHeaders(res: Response): void {
  res.setHeader('Content-Security-Policy', MINI_APP_CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}

/**
 * Serves the Mini App at /app/: hashed assets (/app/assets/…) cached for a year, index.html never cached (so a
 * deployment is picked up at the next open) and returned for any other path under /app/ (client-side routes).
 * `/app` redirects to `/app/` (the browser keeps the #tgWebAppData fragment across the redirect).
 */
export function mountMiniApp(app: NestExpressApplication, root = WEB_ROOT): void {
  const index = join(root, 'index.html');
  const assets = serveStatic(root, {
    index: false,
    redirect: false,
    fallthrough: true,
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('Cache-Control', path.startsWith(join(root, 'assets')) ? IMMUTABLE : 'no-cache');
    },
  });

  app.use('/app', (req: Request, res: Response) => {
    securityHeaders(res);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      res.status(405).json({ detail: `Method "${req.method}" not allowed.` });
      return;
    }
    const [pathname, search = ''] = req.originalUrl.split('?');
    if (pathname === '/app') {
      res.redirect(301, `/app/${search ? `?${search}` : ''}`);
      return;
    }
    if (req.path === '/index.html') {
      sendIndex(res);
      return;
    }
    assets(req, res, () => {
      if (req.path.startsWith('/assets/')) {
        res.setHeader('Cache-Control', 'no-cache');
        res.status(404).json({ detail: 'Not found.' });
        return;
      }
      sendIndex(res);
    });
  });

  function sendIndex(res: Response): void {
    if (!existsSync(index)) {
      res.setHeader('Cache-Control', 'no-cache');
      res.status(404).json({ detail: 'The Mini App is not built: run `npm run build`.' });
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, { cacheControl: false, lastModified: true });
  }
}
