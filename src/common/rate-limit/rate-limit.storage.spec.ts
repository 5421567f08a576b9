import { AppConfig } from '../../config/app-config';
import { RateLimitStorage } from './rate-limit.storage';

const WINDOW_MS = 60_000;

describe('RateLimitStorage (in memory)', () => {
  let storage: RateLimitStorage;
  beforeEach(() => {
    storage = new RateLimitStorage({ redisUrl: undefined } as AppConfig);
  });
  afterEach(() => storage.onModuleDestroy());

  it("@nestjs/throttler's counters: hits per key, blocked past the limit until the window ends; reset() forgets", async () => {
    const hit = (key: string) => storage.increment(key, WINDOW_MS, 3, WINDOW_MS, 'default');
    expect((await hit('a')).totalHits).toBe(1);
    await hit('a');
    expect(await hit('a')).toMatchObject({ totalHits: 3, isBlocked: false });
    const blocked = await hit('a');
    expect(blocked.isBlocked).toBe(true);
    expect(blocked.timeToBlockExpire).toBeGreaterThan(55);
    expect(blocked.timeToBlockExpire).toBeLessThanOrEqual(60);
    expect(await hit('b')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(storage.shared).toBe(false);
    storage.reset();
    expect(await hit('a')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('fixed windows: counts per key, a look (0) does not count, the window ends on time', async () => {
    jest.useFakeTimers({ now: Date.parse('2026-11-29T10:00:00Z'), doNotFake: ['setInterval'] });
    try {
      expect(await storage.countInWindow('w', WINDOW_MS, 0)).toEqual({ count: 0, resetMs: 0 });
      expect(await storage.countInWindow('w', WINDOW_MS, 1)).toEqual({ count: 1, resetMs: WINDOW_MS });
      jest.advanceTimersByTime(20_000);
      expect(await storage.countInWindow('w', WINDOW_MS, 1)).toEqual({ count: 2, resetMs: 40_000 });
      expect(await storage.countInWindow('w', WINDOW_MS, 0)).toEqual({ count: 2, resetMs: 40_000 });
      expect(await storage.countInWindow('other', WINDOW_MS, 0)).toEqual({ count: 0, resetMs: 0 });
      jest.advanceTimersByTime(40_000);
      expect(await storage.countInWindow('w', WINDOW_MS, 0)).toEqual({ count: 0, resetMs: 0 });
      expect(await storage.countInWindow('w', WINDOW_MS, 1)).toEqual({ count: 1, resetMs: WINDOW_MS });
      storage.reset();
      expect(await storage.countInWindow('w', WINDOW_MS, 0)).toEqual({ count: 0, resetMs: 0 });
    } finally {
      jest.useRealTimers();
    }
  });
});
