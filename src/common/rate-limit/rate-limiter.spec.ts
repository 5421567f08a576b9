import { AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import { RateLimiter, RateLimitRule, throttledError } from './rate-limiter';
import { RateLimitStorage } from './rate-limit.storage';

const config = {
  redisUrl: undefined,
  rateLimits: { writesPerMinute: 3, phoneChangesPerHour: 2, webhookFailuresPerMinute: 2 },
} as AppConfig;

describe('RateLimiter', () => {
  let storage: RateLimitStorage;
  let limiter: RateLimiter;
  beforeEach(() => {
    storage = new RateLimitStorage(config);
    limiter = new RateLimiter(storage, config);
  });
  afterEach(() => storage.onModuleDestroy());

  it('reads its rules from the configuration', () => {
    expect(limiter.rules).toEqual({
      writes: { name: 'writes', limit: 3, windowMs: 60_000 },
      phoneChanges: { name: 'phone', limit: 2, windowMs: 3_600_000 },
      webhookFailures: { name: 'webhook-secret', limit: 2, windowMs: 60_000 },
    });
  });

  it('consume: the event past the limit is refused with the DRF 429, per subject', async () => {
    const rule = limiter.rules.writes;
    expect(await limiter.consume(rule, 'u1')).toEqual({ limit: 3, remaining: 2, resetSeconds: 60 });
    await limiter.consume(rule, 'u1');
    expect(await limiter.consume(rule, 'u1')).toMatchObject({ remaining: 0 });
    const error = (await limiter.consume(rule, 'u1').catch((e: unknown) => e)) as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      code: 'throttled',
      message: 'Request was throttled. Expected available in 60 seconds.',
      extra: { retryAfter: 60 },
    });
    await expect(limiter.consume(rule, 'u2')).resolves.toMatchObject({ remaining: 2 });
    // another rule, the same subject: its own counter
    await expect(limiter.consume(limiter.rules.phoneChanges, 'u1')).resolves.toMatchObject({ remaining: 1 });
  });

  it('failures: locked out after `limit` failures, and only failures count', async () => {
    const rule = limiter.rules.webhookFailures;
    expect(await limiter.lockedOutFor(rule, '10.0.0.1')).toBe(0);
    await limiter.recordFailure(rule, '10.0.0.1');
    expect(await limiter.lockedOutFor(rule, '10.0.0.1')).toBe(0);
    await limiter.recordFailure(rule, '10.0.0.1');
    expect(await limiter.lockedOutFor(rule, '10.0.0.1')).toBe(60);
    expect(await limiter.lockedOutFor(rule, '10.0.0.2')).toBe(0);
  });

  it('a limit of 0 is no limit', async () => {
    const off: RateLimitRule = { name: 'off', limit: 0, windowMs: 1000 };
    for (let i = 0; i < 10; i++) await limiter.recordFailure(off, 's');
    await expect(limiter.consume(off, 's')).resolves.toBeUndefined();
    expect(await limiter.lockedOutFor(off, 's')).toBe(0);
  });

  it.each([
    [0.2, 'Request was throttled. Expected available in 1 second.'],
    [1, 'Request was throttled. Expected available in 1 second.'],
    [59.1, 'Request was throttled. Expected available in 60 seconds.'],
  ])('throttledError(%p) → %p', (seconds, message) => {
    expect(throttledError(seconds).message).toBe(message);
  });
});
