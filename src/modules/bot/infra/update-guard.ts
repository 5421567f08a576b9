import { Injectable, Logger, Module } from '@nestjs/common';
import type { Response } from 'express';
import type { Context, MiddlewareFn } from 'telegraf';
import { isDatabaseUnavailable } from '../../../common/errors/domain-error';
import type { Language } from '../../../config/app-config';
import { UsersModule } from '../../users/users.module';
import { installBotApiRetry } from './bot-api.retry';
import { apologyText } from '../texts/bot.texts';
import { ClaimResult, ProcessedUpdatesRepository } from './processed-updates.repository';
import { keepSenderReads, peekSender, privateSenderChatId, SenderResolver } from './update-sender';
import { closeUpdateScope, openUpdateScope, ScopedUser } from './update-scope';

/** Set by the webhook layer for one delivery, so the guard can ask Telegram to retry (5xx). Absent when polling. */
export interface WebhookDelivery {
  res: Response;
  /** What the guard decided; the webhook layer logs it. */
  outcome?: 'handled' | 'duplicate' | 'ignored' | 'retry_later';
}

/**
 * The delivery of each update the webhook layer is handling, by the update object it hands telegraf (telegraf passes
 * that object on as ctx.update).
 */
export const webhookDeliveries = new WeakMap<object, WebhookDelivery>();

/**
 * A `processing` guard row older than this is taken to belong to a dead attempt and may be claimed again (longer than
 * HANDLER_TIMEOUT_MS in bot.options.ts, after which telegraf abandons a handler).
 */
export const UPDATE_LEASE_SECONDS = 120;

export const RETRY_LATER_BODY = { detail: 'Service temporarily unavailable, try again later.' };

/**
 * The first middleware of every update (webhook and polling):
 * 1. the durable duplicate guard (processed_updates): a redelivered update_id has no second effect;
 * 2. private chats go on to the handlers; groups to the group handler (docs/households.md, "Group chats"); channels
 *    and anything else are acknowledged and ignored;
 * 3. the error boundary: a handler failure is logged with the update_id and answered with a short apology (the
 *    webhook still says 200); "database unavailable" releases the guard row and answers 503 so Telegram retries.
 */
@Injectable()
export class UpdateGuard {
  private readonly logger = new Logger(UpdateGuard.name);
  /**
   * Claims this process gave up because the database went away while their release failed too. Released at the
   * next update that reaches the database, so Telegram's retry after the outage is served at once instead of
   * waiting out the lease.
   */
  private readonly unreleased = new Set<number>();
  /** Updates handled (200) whose `done` mark failed because the database went away; marked when it is back. */
  private readonly unfinished = new Set<number>();

  /** Serves group and supergroup updates (set by GroupUpdate); without it they are acknowledged and ignored. */
  private groupHandler: ((ctx: Context) => Promise<void>) | undefined;

  constructor(
    private readonly updates: ProcessedUpdatesRepository,
    private readonly senders: SenderResolver,
  ) {}

  middleware(): MiddlewareFn<Context> {
    return (ctx, next) => this.run(ctx, next);
  }

  /** Group updates go to `handler` (inside the duplicate guard and the error boundary), never to the private handlers. */
  routeGroupsTo(handler: (ctx: Context) => Promise<void>): void {
    this.groupHandler = handler;
  }

  /** Who serves the update: the private chat's handlers (`next`), the group handler, or nobody (null). */
  private handlerFor(ctx: Context, next: () => Promise<void>): (() => Promise<void>) | null {
    if (!ctx.chat || ctx.chat.type === 'private') return next;
    const groups = this.groupHandler;
    if (groups && (ctx.chat.type === 'group' || ctx.chat.type === 'supergroup')) return () => groups(ctx);
    return null;
  }

  private async run(ctx: Context, next: () => Promise<void>): Promise<void> {
    const updateId = ctx.update.update_id;
    const delivery = webhookDeliveries.get(ctx.update);
    // telegraf builds a Telegram client per update: its replies get the bounded 429/5xx retry too.
    installBotApiRetry(ctx.telegram);

    let claim: ClaimResult;
    let scoped: ScopedUser | undefined;
    // A private chat's sender is read with the claim, in the same round trip (SenderResolver and the flows use it).
    const chatId = privateSenderChatId(ctx);
    try {
      if (this.unreleased.size || this.unfinished.size) await this.settleLeftovers();
      if (chatId === undefined) claim = await this.updates.claim(updateId, UPDATE_LEASE_SECONDS);
      else {
        const read = await this.updates.claimReading(updateId, UPDATE_LEASE_SECONDS, chatId);
        claim = read.claim;
        keepSenderReads(ctx, chatId, read.reads);
        if (read.reads.user) {
          scoped = read.reads.user;
          openUpdateScope(scoped, read.reads.sessionState);
        }
      }
    } catch (error) {
      // The connection may have died after the claim committed but before its answer arrived: release it later too
      // (a no-op when there is no such claim).
      if (isDatabaseUnavailable(error)) this.rememberUnreleased(updateId);
      return this.retryLater(updateId, error, delivery, false);
    }
    if (claim !== 'claimed') {
      if (claim === 'duplicate') {
        this.logger.log(`Duplicate update skipped: update_id=${updateId}`);
        if (delivery) delivery.outcome = 'duplicate';
        return;
      }
      this.logger.warn(`Update already in progress: update_id=${updateId}`);
      return this.retryLater(updateId, undefined, delivery, false);
    }

    const handle = this.handlerFor(ctx, next);
    if (!handle) {
      if (delivery) delivery.outcome = 'ignored';
    } else {
      try {
        await handle();
        if (delivery) delivery.outcome ??= 'handled';
      } catch (error) {
        if (isDatabaseUnavailable(error)) return this.retryLater(updateId, error, delivery, true);
        const e = error as Error;
        this.logger.error(`Update failed: update_id=${updateId}: ${e?.message ?? String(error)}`, e?.stack);
        await this.apologize(ctx, updateId);
        if (delivery) delivery.outcome = 'handled';
      }
    }

    const scope = scoped && closeUpdateScope(scoped);
    try {
      await this.updates.finish(updateId, scope?.atFinish);
    } catch (error) {
      // The effect happened and Telegram gets 200; the row stays `processing` (its lease keeps a retry away) until the
      // database answers again, when it is marked done.
      if (this.unfinished.size < 10_000) this.unfinished.add(updateId);
      this.logger.error(`Could not mark the update done: update_id=${updateId}: ${(error as Error).message}`);
    }
  }

  /** Database unavailable (or the update is in flight elsewhere): release the claim and make Telegram retry. */
  private async retryLater(
    updateId: number,
    error: unknown,
    delivery: WebhookDelivery | undefined,
    claimed: boolean,
  ): Promise<void> {
    if (error)
      this.logger.error(
        `Update failed: update_id=${updateId}: database unavailable: ${(error as Error).message}`,
      );
    if (claimed) {
      await this.updates.release(updateId).catch((e: unknown) => {
        this.rememberUnreleased(updateId);
        this.logger.warn(
          `Could not release update_id=${updateId} (released when the database is back): ${(e as Error).message}`,
        );
      });
    }
    if (!delivery) return; // polling: nothing to answer
    delivery.outcome = 'retry_later';
    if (!delivery.res.headersSent)
      delivery.res.status(503).setHeader('Retry-After', '5').json(RETRY_LATER_BODY);
  }

  private rememberUnreleased(updateId: number): void {
    if (this.unreleased.size < 10_000) this.unreleased.add(updateId);
  }

  /** Claims left behind by a database outage: released (not handled) or marked done (handled). */
  private async settleLeftovers(): Promise<void> {
    const done = [...this.unfinished];
    if (done.length) {
      await this.updates.finishMany(done);
      for (const id of done) this.unfinished.delete(id);
    }
    const released = [...this.unreleased].filter((id) => !this.unfinished.has(id));
    if (released.length) {
      await this.updates.releaseMany(released);
      for (const id of released) this.unreleased.delete(id);
    }
  }

  private async apologize(ctx: Context, updateId: number): Promise<void> {
    if (!ctx.chat) return;
    try {
      await ctx.reply(apologyText(this.languageOf(ctx)));
    } catch (error) {
      this.logger.warn(`Apology not sent: update_id=${updateId}: ${(error as Error).message}`);
    }
  }

  /** The resolved sender's language; before (or without) the resolver: Telegram's, else the default. */
  private languageOf(ctx: Context): Language {
    return peekSender(ctx)?.language ?? this.senders.fallbackLanguage(ctx.from?.language_code);
  }
}

/**
 * The guard and its table, and the sender resolver: imported by nestjs-telegraf's options factory (the guard is its
 * first middleware, the resolver runs before the handlers).
 */
@Module({
  imports: [UsersModule],
  providers: [ProcessedUpdatesRepository, UpdateGuard, SenderResolver],
  exports: [ProcessedUpdatesRepository, UpdateGuard, SenderResolver],
})
export class UpdateGuardModule {}
