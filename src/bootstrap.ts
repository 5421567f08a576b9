import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Server } from 'node:http';
import helmet from 'helmet';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';
import { HttpExceptionFilter } from './common/filters/http-exception.filter';
import { drfValidationPipe } from './common/validation/validation.pipe';
import { AppLogger } from './common/logging/app-logger';
import { openApiDocument } from './common/openapi/document';
import { mountTelegramWebhook } from './modules/bot/infra/bot.webhook';
import { apiCors } from './common/http/cors';
import { refuseMalformedHost } from './common/http/host';
import { ApiBodyLimits, apiJsonBodies, closeOnUnreadBody } from './common/http/json-body';
import { answerClientErrorsWithJson, applyRequestTimeouts } from './common/http/request-timeouts';
import { mountMiniApp } from './modules/webapp/webapp.static';
import { publicOrigin } from './modules/webapp/webapp.url';

/**
 * Builds the whole application for a configuration: used by main.ts, the e2e tests and the benchmark alike,
 * so they all run the same pipes, filters, body limits and routes.
 */
export async function createApp(
  config: AppConfig,
  opts: { logger?: AppLogger | false } = {},
): Promise<NestExpressApplication> {
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
  boundSlowClients(app.getHttpServer() as Server, config);
  app.use(refuseMalformedHost);
  app.use(closeOnUnreadBody);
  app.use(securityHeaders());
  // Before the JSON parser: the webhook reads its own body and answers with its own status codes (docs/interface.md §3).
  mountTelegramWebhook(app, config);
  // Only the Mini App's own origin (PUBLIC_URL) may call the API from a browser; the Mini App itself at /app/.
  app.use('/api', apiCors(publicOrigin(config.publicUrl)));
  mountMiniApp(app);
  app.use(refuseNullCharactersInUrl);
  app.use(apiJsonBodies(apiBodyLimits(config)));
  app.useGlobalPipes(drfValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());

  const document = openApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  if (config.secretKeyGenerated) {
    new Logger('Config').warn(
      'SECRET_KEY is not set: using a random key (DEBUG=True). Tokens will not survive a restart.',
    );
  }
}

/** Header and request timeouts (a client sending a byte every few seconds is cut with 408), JSON client errors. */
function boundSlowClients(server: Server, config: AppConfig): void {
  applyRequestTimeouts(server, config.requestLimits);
  answerClientErrorsWithJson(server);
}

/** What one /api JSON body may be: its size, its keys and its depth (checked before it is parsed). */
function apiBodyLimits(config: AppConfig): ApiBodyLimits {
  const { apiMaxBodyBytes, jsonMaxKeys, jsonMaxDepth } = config.requestLimits;
  return { maxBytes: apiMaxBodyBytes, maxKeys: jsonMaxKeys, maxDepth: jsonMaxDepth };
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
  return (req, res, next) =>
    (req.path === '/app' || req.path.startsWith('/app/') ? miniApp : everywhere)(req, res, next);
}

/** A NUL in the path or query string (`%00`) → 400 before any route sees it. */
function refuseNullCharactersInUrl(req: Request, res: Response, next: NextFunction): void {
  if (req.url.includes('%00')) {
    res.status(400).json({ detail: 'Null characters are not allowed.' });
    return;
  }
  next();
}

export type { INestApplication };
