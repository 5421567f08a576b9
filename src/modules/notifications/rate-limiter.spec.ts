import { RateLimiter, TimeSource } from './rate-limiter';
import { BotApiPort, BotApiResult, TelegramSender } from './telegram-sender';

/** A clock that only moves when someone sleeps. */
class FakeTime implements TimeSource {
  t = 0;
  now(): number {
    return this.t;
  }
  async sleep(ms: number): Promise<void> {
    this.t += ms;
  }
}

describe('RateLimiter', () => {
  it('lets 30 through at once, then never more than 30 in any second', async () => {
    const time = new FakeTime();
    const limiter = new RateLimiter({ perSecond: 30, perChatGapMs: 1000 }, time);
    const at: number[] = [];
    for (let i = 0; i < 90; i++) {
      await limiter.acquire(i); // 90 different chats
      at.push(time.now());
    }
    expect(at.slice(0, 30).every((t) => t === 0)).toBe(true);
    expect(at[89]).toBe(2000);
    // never more than 30 in any window of one second
    for (let i = 30; i < 90; i++) expect(at[i] - at[i - 30]).toBeGreaterThanOrEqual(1000);
  });

  it('spaces messages to one chat a second apart', async () => {
    const time = new FakeTime();
    const limiter = new RateLimiter({ perSecond: 30, perChatGapMs: 1000 }, time);
    const at: number[] = [];
    for (let i = 0; i < 4; i++) {
      await limiter.acquire('42');
      at.push(time.now());
    }
    expect(at).toEqual([0, 1000, 2000, 3000]);
  });

  it('pauses everything after a 429', async () => {
    const time = new FakeTime();
    const limiter = new RateLimiter({ perSecond: 30, perChatGapMs: 1000 }, time);
    await limiter.acquire('a');
    limiter.pause(3, 'a');
    await limiter.acquire('b');
    expect(time.now()).toBe(3000);
  });
});

describe('TelegramSender', () => {
  const fake = (answers: BotApiResult[]) => {
    const calls: string[] = [];
    const api: BotApiPort = {
      sendMessage: async (chatId) => {
        calls.push(chatId);
        return answers.shift() ?? { ok: true };
      },
    };
    return { api, calls };
  };

  it('waits retry_after after a 429 and sends the same message again', async () => {
    const time = new FakeTime();
    const { api, calls } = fake([
      { ok: false, status: 429, description: 'Too Many Requests: retry after 7', retryAfter: 7 },
    ]);
    const sender = new TelegramSender(api, time);
    await expect(sender.send(5n, 'hi')).resolves.toBe('sent');
    expect(calls).toEqual(['5', '5']);
    expect(time.now()).toBeGreaterThanOrEqual(7000);
  });

  it('403 → blocked at once; 400 → failed at once; 5xx retried, then failed', async () => {
    const time = new FakeTime();
    let f = fake([{ ok: false, status: 403, description: 'Forbidden: bot was blocked by the user' }]);
    await expect(new TelegramSender(f.api, time).send(1, 'x')).resolves.toBe('blocked');
    expect(f.calls).toHaveLength(1);
    f = fake([{ ok: false, status: 400, description: 'Bad Request: chat not found' }]);
    await expect(new TelegramSender(f.api, time).send(1, 'x')).resolves.toBe('failed');
    expect(f.calls).toHaveLength(1);
    const down = { ok: false as const, status: 502, description: 'Bad Gateway' };
    f = fake([down, down]);
    await expect(new TelegramSender(f.api, time).send(1, 'x')).resolves.toBe('sent');
    expect(f.calls).toHaveLength(3);
    f = fake([down, down, down, down, down]);
    await expect(new TelegramSender(f.api, time).send(1, 'x')).resolves.toBe('failed');
    expect(f.calls).toHaveLength(5);
  });
});
