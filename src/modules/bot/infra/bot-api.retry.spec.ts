import { BOT_API_RETRY, installBotApiRetry, retryDelayMs } from './bot-api.retry';
import type { Telegram } from 'telegraf';

const telegramError = (code: number, retryAfter?: number) => ({
  response: {
    error_code: code,
    ...(retryAfter !== undefined ? { parameters: { retry_after: retryAfter } } : {}),
  },
});

describe('retryDelayMs', () => {
  it.each([
    ['429 with retry_after 3', telegramError(429, 3), 0, 3000],
    ['429 without retry_after', telegramError(429), 0, 1000],
    ['500, first retry', telegramError(500), 0, 300],
    ['502, third retry', telegramError(502), 2, 1200],
    ['connection refused', { code: 'ECONNREFUSED' }, 1, 600],
    ['400 chat not found', telegramError(400), 0, null],
    ['403 bot blocked', telegramError(403), 0, null],
    ['a timeout after sending (may have been delivered)', { code: 'ETIMEDOUT' }, 0, null],
    ['a reset connection (may have been delivered)', { code: 'ECONNRESET' }, 0, null],
    ['anything else', new Error('boom'), 0, null],
  ])('%s', (_name, error, attempt, expected) => {
    expect(retryDelayMs(error, attempt, BOT_API_RETRY)).toBe(expected);
  });
});

describe('installBotApiRetry', () => {
  const fakeTelegram = (answers: Array<unknown>) => {
    const calls: string[] = [];
    const telegram = {
      options: { apiRoot: 'https://api.telegram.org' },
      callApi: async (method: string) => {
        calls.push(method);
        const next = answers.shift();
        if (next instanceof Error || (next && typeof next === 'object' && 'response' in next)) throw next;
        return next;
      },
    };
    return { telegram: telegram as unknown as Telegram, calls };
  };

  it('retries 429 and 5xx and returns the eventual answer', async () => {
    const { telegram, calls } = fakeTelegram([telegramError(429, 0), telegramError(502), { message_id: 1 }]);
    installBotApiRetry(telegram, { attempts: 4, maxTotalWaitMs: 5000, baseDelayMs: 1 });
    await expect(telegram.callApi('sendMessage', {} as never)).resolves.toEqual({ message_id: 1 });
    expect(calls).toEqual(['sendMessage', 'sendMessage', 'sendMessage']);
  });

  it('gives up after `attempts` and when retry_after would exceed the time budget', async () => {
    const a = fakeTelegram([telegramError(500), telegramError(500), telegramError(500), { ok: 1 }]);
    installBotApiRetry(a.telegram, { attempts: 3, maxTotalWaitMs: 5000, baseDelayMs: 1 });
    await expect(a.telegram.callApi('sendMessage', {} as never)).rejects.toEqual(telegramError(500));
    expect(a.calls).toHaveLength(3);

    const b = fakeTelegram([telegramError(429, 60), { ok: 1 }]);
    installBotApiRetry(b.telegram, { attempts: 4, maxTotalWaitMs: 30_000, baseDelayMs: 1 });
    await expect(b.telegram.callApi('sendMessage', {} as never)).rejects.toEqual(telegramError(429, 60));
    expect(b.calls).toHaveLength(1);
  });

  it('never retries getUpdates or a 400, and installs once', async () => {
    const { telegram, calls } = fakeTelegram([telegramError(500), telegramError(400)]);
    installBotApiRetry(telegram, { attempts: 4, maxTotalWaitMs: 5000, baseDelayMs: 1 });
    installBotApiRetry(telegram, { attempts: 4, maxTotalWaitMs: 5000, baseDelayMs: 1 });
    await expect(telegram.callApi('getUpdates', {} as never)).rejects.toEqual(telegramError(500));
    await expect(telegram.callApi('sendMessage', {} as never)).rejects.toEqual(telegramError(400));
    expect(calls).toEqual(['getUpdates', 'sendMessage']);
  });
});
