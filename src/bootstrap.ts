import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { HttpExceptionFilter } from './common/filters/http-exception.filter';
import { drfValidationPipe } from './common/http/validation';
import { AppLogger } from './common/logging/app-logger';
import { mountTelegramWebhook } from './modules/bot/bot.webhook';
import { apiCors } from './common/http/cors';
import { mountMiniApp } from './modules/webapp/webapp.static';
import { publicOrigin } from './modules/webapp/webapp.url';

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Builds the whole application for a configuration: used by main.ts, the e2e tests and the benchmark alike,
 * so they all run the same pipes, filters, body limits and routes.
 */
export async function createApp(config: AppConfig, opts: { logger?: AppLogger | false } = {}): Promise<NestExpressApplication> {
  const logger = opts.logger ?? new AppLogger(config.log.level, config.log.format);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: logger === false ? false : logger,
    abortOnError: false,
  });
  configureApp(app, config);
  return app;
}

export function configureApp(app: NestExpressApplication, config: AppConfig): void {
  trustProxies(app, config);
  app.set('strict routing', false);
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // Before the JSON parser: the webhook reads its own body and answers with the contract's own status codes.
  mountTelegramWebhook(app, config);
  // Only the Mini App's own origin (PUBLIC_URL) may call the API from a browser; the Mini App itself at /app/.
  app.use('/api', apiCors(publicOrigin(config.publicUrl)));
  mountMiniApp(app);
  app.use(refuseNullCharactersInUrl);
  app.use(json({ limit: MAX_BODY_BYTES, type: ['application/json', 'application/*+json'], verify: refuseDeepNesting, reviver: refuseBadStrings }));
  app.use(bodyErrorHandler);
  app.useGlobalPipes(drfValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('OvozPay API')
      .setDescription('Personal finances by voice and text: auth, users, transactions. DRF conventions: trailing slash, snake_case, money as decimal strings.')
      .setVersion('1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  if (config.secretKeyGenerated) {
    new Logger('Config').warn('SECRET_KEY is not set: using a random key (DEBUG=True). Tokens will not survive a restart.');
  }
}

/**
 * The client address (`req.ip`, which the per-IP rate limits count) is the TCP peer unless the peer is a proxy
 * named in TRUST_PROXY (default: loopback only); then X-Forwarded-For is read back to the first untrusted hop.
 */
export function trustProxies(app: NestExpressApplication, config: AppConfig): void {
  app.set('trust proxy', config.trustProxy);
}

/**
 * helmet's security headers on every response. Its default Content-Security-Policy suits the JSON API and Swagger UI
 * at /api/docs/ (scripts and styles from 'self', inline styles, data: images). The Mini App under /app/ sets its own
 * CSP and is framed by Telegram's web clients, so there helmet leaves out the CSP and X-Frame-Options.
 */
export function securityHeaders(): RequestHandler {
  // No upgrade-insecure-requests: Swagger UI on a plain-http development or LAN address must still load its scripts.
  const everywhere = helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } });
  const miniApp = helmet({ contentSecurityPolicy: false, frameguard: false });
  return (req, res, next) => (req.path === '/app' || req.path.startsWith('/app/') ? miniApp : everywhere)(req, res, next);
}

/** Deeper JSON than any endpoint takes is refused before parsing (deep nesting overflows recursive validators). */
export const MAX_JSON_DEPTH = 32;

/** express.json `verify`: scans the raw bytes for the nesting depth outside strings; too deep → 400. */
export function refuseDeepNesting(_req: unknown, _res: unknown, buf: Buffer): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped byte
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) throw Object.assign(new Error(`JSON parse error - nesting deeper than ${MAX_JSON_DEPTH} levels`), { status: 400 });
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
}

/**
 * express.json `reviver`: strings with a NUL character (PostgreSQL text cannot store it) or a lone surrogate (not
 * Unicode) are refused with 400 like DRF's "Null characters are not allowed." instead of failing at the database.
 */
export function refuseBadStrings(_key: string, value: unknown): unknown {
  if (typeof value === 'string' && (value.includes('\0') || !isWellFormed(value))) {
    throw new SyntaxError(value.includes('\0') ? 'Null characters are not allowed.' : 'Strings must be valid Unicode (a lone surrogate was found).');
  }
  return value;
}

const isWellFormed = (s: string): boolean =>
  typeof (s as { isWellFormed?: () => boolean }).isWellFormed === 'function'
    ? (s as unknown as { isWellFormed: () => boolean }).isWellFormed()
    : !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

/** A NUL in the path or query string (`%00`) → 400 before any route sees it. */
function refuseNullCharactersInUrl(req: Request, res: Response, next: NextFunction): void {
  if (req.url.includes('%00')) {
    res.status(400).json({ detail: 'Null characters are not allowed.' });
    return;
  }
  next();
}

/** Malformed or oversized JSON bodies → DRF-style 400 / 413 instead of Express's HTML page. */
function bodyErrorHandler(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const e = err as { type?: string; status?: number; message?: string };
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
  next(err);
}

export type { INestApplication };
