import { AppConfig } from '../../config/app-config';
import { AUTH_RATE_WINDOW_MS, AuthThrottleStorage } from './auth.throttle';

describe('AuthThrottleStorage (in memory)', () => {
  it('counts hits per key and blocks past the limit until the window ends; reset() forgets', async () => {
    const storage = new AuthThrottleStorage({ redisUrl: undefined } as AppConfig);
    const hit = (key: string) => storage.increment(key, AUTH_RATE_WINDOW_MS, 3, AUTH_RATE_WINDOW_MS, 'default');
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
    storage.onModuleDestroy();
  });
});
