import { Logger } from '@nestjs/common';
import { Agent } from 'node:http';
import type { Telegram } from 'telegraf';

/** Bounds of the Bot API retry: attempts per call and the total time one call may spend waiting. */
export interface BotApiRetryOptions {
  attempts: number;
  maxTotalWaitMs: number;
  /** First back-off for 5xx and refused connections (doubles each time). */
  baseDelayMs: number;
}

export const BOT_API_RETRY: BotApiRetryOptions = { attempts: 4, maxTotalWaitMs: 30_000, baseDelayMs: 300 };

/** Methods never retried here: long polling has its own loop. */
const NOT_RETRIED = new Set(['getUpdates']);

/**
 * How long to wait before retrying a failed Bot API call, or null when it must not be retried:
 * 429 → Telegram's `parameters.retry_after` seconds; 5xx → exponential back-off; a refused or reset-before-sending
 * connection → back-off (nothing reached Telegram). 4xx other than 429 and anything that may have been delivered
 * (a timeout after sending) are not retried, so no message is sent twice.
 */
export function retryDelayMs(error: unknown, attempt: number, opts: BotApiRetryOptions): number | null {
  const e = error as {
    response?: { error_code?: number; parameters?: { retry_after?: number } };
    code?: string;
    errno?: string;
  };
  const status = e?.response?.error_code;
  if (status === 429) return Math.max(0, Number(e.response?.parameters?.retry_after ?? 1)) * 1000;
  if (typeof status === 'number' && status >= 500) return opts.baseDelayMs * 2 ** attempt;
  const code = e?.code ?? e?.errno;
  if (code === 'ECONNREFUSED') return opts.baseDelayMs * 2 ** attempt;
  return null;
}

/**
 * Wraps `telegram.callApi` (the one path every Bot API call of telegraf takes: ctx.reply, sendMessage, getFile…)
 * with a bounded retry on 429 (honouring retry_after) and 5xx. telegraf itself never retries.
 */
export function installBotApiRetry(
  telegram: Telegram,
  opts: BotApiRetryOptions = BOT_API_RETRY,
  logger = new Logger('BotApi'),
): void {
  const marker = telegram as Telegram & { __retryInstalled?: boolean };
  if (marker.__retryInstalled) return;
  marker.__retryInstalled = true;
  keepAliveForPlainHttp(telegram);
  const call = telegram.callApi.bind(telegram) as (...args: unknown[]) => Promise<unknown>;
  (telegram as unknown as { callApi: (...args: unknown[]) => Promise<unknown> }).callApi = async (
    ...args: unknown[]
  ) => {
    const method = String(args[0]);
    let waited = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        return await call(...args);
      } catch (error) {
        const delay =
          NOT_RETRIED.has(method) || attempt + 1 >= opts.attempts ? null : retryDelayMs(error, attempt, opts);
        if (delay === null || waited + delay > opts.maxTotalWaitMs) throw error;
        const e = error as { response?: { error_code?: number }; code?: string };
        logger.warn(
          `Bot API ${method}: ${e.response?.error_code ?? e.code ?? 'error'}, retrying in ${delay} ms (attempt ${attempt + 2}/${opts.attempts})`,
        );
        waited += delay;
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  };
}

/** One keep-alive agent for a plain-http Bot API root (a local Bot API server on the same host, the tests' fake). */
const plainHttpAgent = new Agent({ keepAlive: true, keepAliveMsecs: 10_000, maxSockets: 64 });

/**
 * telegraf drops its keep-alive agent when TELEGRAM_API_ROOT is http:// and opens a new TCP connection for every call
 * (for https://api.telegram.org it keeps its own keep-alive agent). Give plain http the same reuse.
 */
function keepAliveForPlainHttp(telegram: Telegram): void {
  const client = telegram as unknown as { options: { apiRoot: string; agent?: unknown } };
  if (client.options?.apiRoot?.startsWith('http://') && !client.options.agent)
    client.options.agent = plainHttpAgent;
}
