import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config';

/** Prefix of every rate-limit key in Redis (several apps may share one Redis). */
export const THROTTLE_KEY_PREFIX = 'ovozpay:throttle:';

/** A fixed-window counter: its value and the milliseconds until the window ends (0 when it holds nothing). */
export interface WindowCount {
  count: number;
  resetMs: number;
}

/**
 * Adds ARGV[2] to the counter KEYS[1] (0: only reads it), starting a window of ARGV[1] ms when it is new, and
 * answers {count, ms left}: one round trip, atomic across instances.
 */
const WINDOW_SCRIPT = `
local count
if tonumber(ARGV[2]) > 0 then
  count = redis.call('INCRBY', KEYS[1], ARGV[2])
  if count == tonumber(ARGV[2]) then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
else
  count = tonumber(redis.call('GET', KEYS[1]) or '0')
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {count, ttl}`;

/** In-process fixed-window counters (used without Redis, and while Redis does not answer). */
class MemoryWindows {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private readonly sweeper = setInterval(() => this.sweep(), 60_000).unref();

  count(key: string, windowMs: number, add: number, now = Date.now()): WindowCount {
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      if (add === 0) return { count: 0, resetMs: 0 };
      w = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, w);
    }
    w.count += add;
    return { count: w.count, resetMs: w.resetAt - now };
  }

  private sweep(now = Date.now()): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }

  clear(): void {
    this.windows.clear();
  }

  stop(): void {
    clearInterval(this.sweeper);
    this.windows.clear();
  }
}

/**
 * Where rate-limit counters live: in Redis when REDIS_URL is set (shared by every instance behind the load
 * balancer), else in this process's memory. When Redis does not answer, counting falls back to memory for that
 * request (a warning once per outage): requests keep being served, limited per instance instead of globally.
 *
 * Two kinds of counter share the connection and the fallback: @nestjs/throttler's (`increment`, the auth
 * endpoints' guard) and plain fixed windows (`countInWindow`, RateLimiter: writes per user, failed webhook secrets
 * per IP), which can also be read without counting.
 */
@Injectable()
export class RateLimitStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitStorage.name);
  private memory = new ThrottlerStorageService();
  private readonly memoryWindows = new MemoryWindows();
  private readonly redis: Redis | undefined;
  private readonly redisStore: ThrottlerStorageRedisService | undefined;
  private redisFailing = false;

  constructor(config: AppConfig) {
    if (!config.redisUrl) return;
    // No offline queue: while Redis is away a command fails at once (and counting falls back to memory) instead of waiting.
    this.redis = new Redis(config.redisUrl, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    this.redis.on('error', () => undefined); // reported through failed commands (below), not once per reconnect attempt
    this.redisStore = new ThrottlerStorageRedisService(this.redis);
  }

  /** True when counters are shared through Redis. */
  get shared(): boolean {
    return !!this.redisStore;
  }

  async onModuleInit(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.connect();
    } catch (error) {
      this.logger.warn(
        `Redis unavailable, rate limits are counted in this process's memory: ${(error as Error).message}`,
      );
    }
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): ReturnType<ThrottlerStorage['increment']> {
    const shared = await this.inRedis(() =>
      this.redisStore!.increment(THROTTLE_KEY_PREFIX + key, ttl, limit, blockDuration, throttlerName),
    );
    return shared ?? this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  /** Adds `add` (0: only looks) to the fixed-window counter `key`, a new window lasting `windowMs`. */
  async countInWindow(key: string, windowMs: number, add: 0 | 1): Promise<WindowCount> {
    const shared = await this.inRedis(async () => {
      const [count, resetMs] = (await this.redis!.eval(
        WINDOW_SCRIPT,
        1,
        THROTTLE_KEY_PREFIX + key,
        windowMs,
        add,
      )) as [number, number];
      return { count: Number(count), resetMs: Number(resetMs) };
    });
    return shared ?? this.memoryWindows.count(key, windowMs, add);
  }

  /** Runs a Redis command when Redis is configured; undefined (count in memory) when it is not or does not answer. */
  private async inRedis<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (!this.redisStore) return undefined;
    try {
      const result = await command();
      if (this.redisFailing)
        this.logger.log('Redis available again: rate limits are shared by every instance');
      this.redisFailing = false;
      return result;
    } catch (error) {
      if (!this.redisFailing)
        this.logger.warn(
          `Redis did not answer, rate limits are counted in this process's memory: ${(error as Error).message}`,
        );
      this.redisFailing = true;
      return undefined;
    }
  }

  /** Forgets this process's counters (tests; Redis counters expire on their own). */
  reset(): void {
    this.memory.onApplicationShutdown();
    this.memory = new ThrottlerStorageService();
    this.memoryWindows.clear();
  }

  onModuleDestroy(): void {
    this.memory.onApplicationShutdown();
    this.memoryWindows.stop();
    this.redis?.disconnect(false);
  }
}
