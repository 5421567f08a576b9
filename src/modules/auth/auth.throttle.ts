import { ExecutionContext, Injectable, Logger, OnModuleDestroy, OnModuleInit, Provider } from '@nestjs/common';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
  ThrottlerStorage,
  ThrottlerStorageService,
} from '@nestjs/throttler';
import { Redis } from 'ioredis';
import { DomainError } from '../../common/errors/domain-error';
import { AppConfig } from '../../config/app-config';

export const AUTH_RATE_LIMIT = 30;
export const AUTH_RATE_WINDOW_MS = 60_000;
/** Prefix of every rate-limit key in Redis (several apps may share one Redis). */
export const THROTTLE_KEY_PREFIX = 'ovozpay:throttle:';

/**
 * Where the auth rate-limit counters live: in Redis when REDIS_URL is set (shared by every instance behind the
 * load balancer), else in this process's memory. When Redis does not answer, counting falls back to memory for
 * that request (a warning once per outage): logins keep working, limited per instance instead of globally.
 */
@Injectable()
export class AuthThrottleStorage implements ThrottlerStorage, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('RateLimit');
  private memory = new ThrottlerStorageService();
  private readonly redis: Redis | undefined;
  private readonly redisStore: ThrottlerStorageRedisService | undefined;
  private redisFailing = false;

  constructor(config: AppConfig) {
    if (!config.redisUrl) return;
    // No offline queue: while Redis is away a command fails at once (and counting falls back to memory) instead of waiting.
    this.redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, lazyConnect: true, enableOfflineQueue: false });
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
      this.logger.warn(`Redis недоступен, лимиты запросов считаются в памяти процесса: ${(error as Error).message}`);
    }
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): ReturnType<ThrottlerStorage['increment']> {
    if (this.redisStore) {
      try {
        const record = await this.redisStore.increment(THROTTLE_KEY_PREFIX + key, ttl, limit, blockDuration, throttlerName);
        if (this.redisFailing) this.logger.log('Redis снова доступен: лимиты запросов общие для всех экземпляров');
        this.redisFailing = false;
        return record;
      } catch (error) {
        if (!this.redisFailing) this.logger.warn(`Redis не ответил, лимиты запросов считаются в памяти процесса: ${(error as Error).message}`);
        this.redisFailing = true;
      }
    }
    return this.memory.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  /** Forgets this process's counters (tests; Redis counters expire on their own). */
  reset(): void {
    this.memory.onApplicationShutdown();
    this.memory = new ThrottlerStorageService();
  }

  onModuleDestroy(): void {
    this.memory.onApplicationShutdown();
    this.redis?.disconnect(false);
  }
}

/**
 * @nestjs/throttler's guard for the auth endpoints, per client IP and endpoint: over the limit → 429 with the DRF body
 * `{"detail": "Request was throttled. Expected available in N seconds."}` and `Retry-After: N`.
 */
@Injectable()
export class AuthThrottleGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, detail.timeToBlockExpire);
    throw new DomainError('throttled', `Request was throttled. Expected available in ${seconds} second${seconds === 1 ? '' : 's'}.`, undefined, {
      retryAfter: seconds,
    });
  }
}

/** The throttler's options and storage, provided directly in AuthModule (the only throttled module). */
export const authThrottleProviders: Provider[] = [
  AuthThrottleStorage,
  { provide: getStorageToken(), useExisting: AuthThrottleStorage },
  {
    provide: getOptionsToken(),
    useValue: { throttlers: [{ name: 'default', ttl: AUTH_RATE_WINDOW_MS, limit: AUTH_RATE_LIMIT }] } satisfies ThrottlerModuleOptions,
  },
  AuthThrottleGuard,
];
