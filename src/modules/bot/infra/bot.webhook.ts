import { Injectable, Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { raw } from 'express';
import type { Express, NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { InjectBot } from 'nestjs-telegraf';
import { Context, Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { RateLimiter, throttledError } from '../../../common/rate-limit/rate-limiter';
import { jsonBodyProblem, JsonShapeLimits } from '../../../common/http/json-body';
import { AppConfig } from '../../../config/app-config';
import { BotLifecycle } from './bot.lifecycle';
import { isBotEnabled } from '../../../config/bot-enabled';
import { WEBHOOK_MAX_BODY_BYTES, WEBHOOK_PATHS, WEBHOOK_SECRET_HEADER } from './bot.options';
import { RETRY_LATER_BODY, webhookDeliveries, WebhookDelivery } from './update-guard';

export type ParsedUpdate = { ok: true; update: Update } | { ok: false; detail: string };

/**
 * The request body → a Telegram Update (an object with an integer update_id), or the 400 message. Invalid UTF-8,
 * too many keys or too deep nesting are refused on the bytes, before JSON.parse spends time on them.
 */
export function parseUpdate(body: Buffer | undefined, limits: JsonShapeLimits): ParsedUpdate {
  if (!body || body.length === 0)
    return { ok: false, detail: 'JSON parse error - the request body is empty' };
  const problem = jsonBodyProblem(body, limits);
  if (problem) return { ok: false, detail: problem };
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    return { ok: false, detail: `JSON parse error - ${(error as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, detail: 'Expected a Telegram Update object.' };
  const id = (value as { update_id?: unknown }).update_id;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return {
      ok: false,
      detail: 'Expected a Telegram Update object: "update_id" must be a non-negative integer.',
    };
  }
  return { ok: true, update: value as Update };
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Constant-time comparison of the secret header with the configured secret (no secret configured: accept); the
 * configured secret's digest is made once, when the check is made.
 */
export function secretCheck(expected: string | undefined): (given: string | undefined) => boolean {
  if (!expected) return () => true;
  const wanted = sha256(expected);
  return (given) => timingSafeEqual(wanted, sha256(given ?? ''));
}

/**
 * The filter telegraf's webhook callback runs before an update (assigned to `bot.webhookFilter`, bound to the
 * callback's `{ path }`): POST, the exact path, the secret token. telegraf's own makes a `debug` logger on every
 * request (a TTY check each time); this one makes the same checks with the digest made once. TelegramWebhook.handle
 * has made them already, so it refuses only what handle would have.
 */
export function webhookFilter(
  checkSecret: (given: string | undefined) => boolean,
): (this: { path: string }, req: IncomingMessage) => boolean {
  return function (this: { path: string }, req: IncomingMessage) {
    const given = req.headers[WEBHOOK_SECRET_HEADER];
    return (
      req.method === 'POST' &&
      req.url === this.path &&
      checkSecret(typeof given === 'string' ? given : undefined)
    );
  };
}

/**
 * May the webhook run without TELEGRAM_WEBHOOK_SECRET? Only webhook mode with DEBUG=True (a local tunnel while
 * developing). Polling mode never: there the webhook is only a side door, and the README's dev setup
 * (`BOT_MODE=polling DEBUG=True`) must not let anyone on the network forge updates.
 */
export function webhookOpenWithoutSecret(
  config: Pick<AppConfig, 'debug'> & { bot: Pick<AppConfig['bot'], 'mode'> },
): boolean {
  return config.bot.mode === 'webhook' && config.debug;
}

/**
 * The thin HTTP layer in front of telegraf's webhook callback (mounted before the app-wide JSON parser, so it
 * owns its status codes): 405 other methods, 429 after too many bad secrets from one client, 401 bad secret, 413 over 1 MB, 400 not JSON / not an Update; then
 * `bot.webhookCallback(path)` processes the update (UpdateGuard: duplicates, errors, 503 when the database is
 * down) and telegraf answers 200.
 */
@Injectable()
export class TelegramWebhook {
  private readonly logger = new Logger(TelegramWebhook.name);
  private readonly readBody = raw({ type: () => true, limit: WEBHOOK_MAX_BODY_BYTES });
  private readonly callbacks: Map<string, ReturnType<Telegraf['webhookCallback']>>;
  private readonly shapeLimits: JsonShapeLimits;
  private readonly checkSecret: (given: string | undefined) => boolean;

  constructor(
    @InjectBot() bot: Telegraf<Context>,
    private readonly config: AppConfig,
    private readonly lifecycle: BotLifecycle,
    private readonly limiter: RateLimiter,
  ) {
    this.shapeLimits = {
      maxKeys: config.requestLimits.webhookJsonMaxKeys,
      maxDepth: config.requestLimits.jsonMaxDepth,
    };
    const secretToken = config.bot.webhookSecret;
    this.checkSecret = secretCheck(secretToken);
    bot.webhookFilter = webhookFilter(this.checkSecret);
    this.callbacks = new Map(WEBHOOK_PATHS.map((path) => [path, bot.webhookCallback(path, { secretToken })]));
  }

  async handle(req: Request, res: Response): Promise<void> {
    if (req.method !== 'POST') {
      res.setHeader('Allow', 'POST');
      res.status(405).json({ detail: `Method "${req.method}" not allowed.` });
      return;
    }
    if (await this.refusedAfterFailures(req, res)) return;
    const secret = req.get(WEBHOOK_SECRET_HEADER);
    if (!this.config.bot.webhookSecret && !webhookOpenWithoutSecret(this.config)) {
      // Polling mode (any DEBUG) or a config that slipped past validation: without a secret anyone could forge updates.
      this.logger.warn(`Webhook refused: TELEGRAM_WEBHOOK_SECRET is not set (ip=${req.ip})`);
      await this.limiter.recordFailure(this.limiter.rules.webhookFailures, clientOf(req));
      res.status(401).json({ detail: 'Webhook is disabled: TELEGRAM_WEBHOOK_SECRET is not configured.' });
      return;
    }
    if (!this.checkSecret(secret)) {
      this.logger.warn(
        `Webhook refused: secret token ${secret === undefined ? 'missing' : 'wrong'} (ip=${req.ip})`,
      );
      await this.limiter.recordFailure(this.limiter.rules.webhookFailures, clientOf(req));
      res.status(401).json({
        detail:
          secret === undefined ? 'Authentication credentials were not provided.' : 'Invalid secret token.',
      });
      return;
    }
    if (Number(req.get('content-length') ?? 0) > WEBHOOK_MAX_BODY_BYTES) {
      res.status(413).json({ detail: 'Request body is too large.' });
      return;
    }
    try {
      await new Promise<void>((resolve, reject) =>
        this.readBody(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      const e = error as { type?: string; status?: number; message?: string };
      if (e.type === 'entity.too.large') res.status(413).json({ detail: 'Request body is too large.' });
      else
        res.status(e.status && e.status < 500 ? e.status : 400).json({ detail: e.message ?? 'Bad request.' });
      return;
    }
    const parsed = parseUpdate(req.body as Buffer | undefined, this.shapeLimits);
    if (!parsed.ok) {
      res.status(400).json({ detail: parsed.detail });
      return;
    }
    if (!(await this.lifecycle.ensureBotInfo())) {
      res.status(503).setHeader('Retry-After', '5').json(RETRY_LATER_BODY);
      return;
    }

    const path = req.path.endsWith('/') ? WEBHOOK_PATHS[0] : WEBHOOK_PATHS[1];
    req.url = path; // telegraf's callback matches its path exactly (a query string would not match)
    req.body = parsed.update;
    const delivery: WebhookDelivery = { res };
    webhookDeliveries.set(parsed.update, delivery);
    await this.callbacks.get(path)!(req, res, () => {
      // Only reachable if telegraf's own filter disagreed with the checks above.
      res.status(401).json({ detail: 'Invalid secret token.' });
    });
    if (!res.writableEnded) res.end();
    this.logger.debug(`update_id=${parsed.update.update_id}: ${delivery.outcome ?? 'handled'}`);
  }

  /**
   * A client that sent RATE_LIMIT_WEBHOOK_FAILURES_PER_MINUTE wrong or missing secrets gets 429 for the rest of the
   * minute, whatever it sends (its guesses are not even compared). Telegram itself always sends the right secret, so
   * it is never refused, provided TRUST_PROXY lets Express tell it apart from a client behind the same proxy.
   */
  private async refusedAfterFailures(req: Request, res: Response): Promise<boolean> {
    const seconds = await this.limiter.lockedOutFor(this.limiter.rules.webhookFailures, clientOf(req));
    if (!seconds) return false;
    const error = throttledError(seconds);
    res.setHeader('Retry-After', String(error.extra?.retryAfter ?? seconds));
    res.status(429).json({ detail: error.message });
    return true;
  }
}

/** The client address the per-IP limits count (TRUST_PROXY decides whether X-Forwarded-For is believed). */
function clientOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * Mounts the webhook on the Express app ahead of the JSON body parser (call it from configureApp before
 * `app.use(json())`). Mounted whenever the bot runs: in polling mode too (updates POSTed with the secret are
 * served alongside polling, the duplicate guard covers both), closed (401) when no secret is configured, except
 * in webhook mode with DEBUG=True.
 */
export function mountTelegramWebhook(app: NestExpressApplication, config: AppConfig): void {
  if (!isBotEnabled(config)) return;
  const webhook = app.get(TelegramWebhook);
  const logger = new Logger(TelegramWebhook.name);
  const handler: RequestHandler = (req: Request, res: Response, _next: NextFunction) => {
    webhook.handle(req, res).catch((error: unknown) => {
      logger.error(`Webhook failed: ${(error as Error)?.message ?? String(error)}`, (error as Error)?.stack);
      if (!res.headersSent) res.status(500).json({ detail: 'A server error occurred.' });
    });
  };
  (app.getHttpAdapter().getInstance() as Express).all([...WEBHOOK_PATHS], handler);
}
