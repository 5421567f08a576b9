import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { RateLimiter, TimeSource, realTime, TELEGRAM_LIMITS } from './rate-limiter';

/** What the Bot API answered to one sendMessage. */
export type BotApiResult =
  { ok: true } | { ok: false; status: number; description: string; retryAfter?: number };

/** The one Bot API call notifications need (a port: the HTTP adapter below, fakes in unit tests). */
export interface BotApiPort {
  sendMessage(chatId: string, text: string, replyMarkup?: unknown): Promise<BotApiResult>;
}
export const BOT_API = Symbol('BOT_API');
export const SENDER_TIME = Symbol('SENDER_TIME');

/** sendMessage over HTTP to TELEGRAM_API_ROOT. The URL carries the token: it is never logged. */
export class HttpBotApi implements BotApiPort {
  constructor(
    private readonly apiRoot: string,
    private readonly token: string,
    private readonly timeoutMs = 15_000,
  ) {}

  async sendMessage(chatId: string, text: string, replyMarkup?: unknown): Promise<BotApiResult> {
    const body: Record<string, unknown> = { chat_id: chatId, text };
    if (replyMarkup) body.reply_markup = replyMarkup;
    try {
      const res = await fetch(`${this.apiRoot}/bot${this.token}/sendMessage`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const json = (await res.json().catch(() => ({}))) as {
        ok?: boolean;
        error_code?: number;
        description?: string;
        parameters?: { retry_after?: number };
      };
      if (res.ok && json.ok) return { ok: true };
      return {
        ok: false,
        status: json.error_code ?? res.status,
        description: json.description ?? res.statusText,
        retryAfter: json.parameters?.retry_after,
      };
    } catch (error) {
      return {
        ok: false,
        status: 0,
        description: (error as Error).name === 'TimeoutError' ? 'timeout' : 'network error',
      };
    }
  }
}

export type SendOutcome = 'sent' | 'blocked' | 'failed';

const MAX_ATTEMPTS = 5;
const MAX_RETRY_AFTER_SECONDS = 60;

/**
 * Sends bot messages that are not replies (reminders): within Telegram's limits (RateLimiter), honouring a 429's
 * retry_after (the whole sender pauses, then the same message is tried again), retrying network and 5xx failures
 * a few times. 403 (the user blocked the bot, or deactivated) → 'blocked'; other 4xx → 'failed' at once.
 */
@Injectable()
export class TelegramSender {
  private readonly logger = new Logger(TelegramSender.name);
  private readonly limiter: RateLimiter;

  constructor(
    @Inject(BOT_API) private readonly api: BotApiPort,
    @Inject(SENDER_TIME) private readonly time: TimeSource = realTime,
  ) {
    this.limiter = new RateLimiter(TELEGRAM_LIMITS, time);
  }

  async send(chatId: bigint | number | string, text: string, replyMarkup?: unknown): Promise<SendOutcome> {
    const chat = String(chatId);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await this.limiter.acquire(chat);
      const result = await this.api.sendMessage(chat, text, replyMarkup);
      if (result.ok) return 'sent';
      if (result.status === 429) {
        const seconds = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, result.retryAfter ?? 1));
        this.logger.warn(`Telegram 429 for chat_id=${chat}: pausing ${seconds} s (attempt ${attempt})`);
        this.limiter.pause(seconds, chat);
        continue;
      }
      if (result.status === 403) {
        this.logger.log(`Message not delivered, the bot is blocked: chat_id=${chat}`);
        return 'blocked';
      }
      if (result.status >= 400 && result.status < 500) {
        this.logger.error(`sendMessage refused for chat_id=${chat}: ${result.status} ${result.description}`);
        return 'failed';
      }
      this.logger.warn(
        `sendMessage failed for chat_id=${chat}: ${result.status} ${result.description} (attempt ${attempt})`,
      );
      if (attempt < MAX_ATTEMPTS) await this.time.sleep(Math.min(30_000, 500 * 2 ** (attempt - 1)));
    }
    return 'failed';
  }
}

/** The HTTP adapter from the configuration (only built when the bot is on). */
export function httpBotApi(config: AppConfig): BotApiPort {
  return new HttpBotApi(config.bot.apiRoot, config.bot.token ?? '');
}
