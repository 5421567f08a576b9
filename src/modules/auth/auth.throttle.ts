import { ExecutionContext, Injectable, Provider } from '@nestjs/common';
import {
  getOptionsToken,
  getStorageToken,
  ThrottlerGuard,
  ThrottlerLimitDetail,
  ThrottlerModuleOptions,
} from '@nestjs/throttler';
import { throttledError } from '../../common/rate-limit/rate-limiter';
import { RateLimitStorage } from '../../common/rate-limit/rate-limit.storage';

export const AUTH_RATE_LIMIT = 30;
export const AUTH_RATE_WINDOW_MS = 60_000;

/**
 * @nestjs/throttler's guard for the auth endpoints, per client IP (as TRUST_PROXY lets Express see it) and endpoint:
 * over the limit → 429 with the DRF body `{"detail": "Request was throttled. Expected available in N seconds."}`
 * and `Retry-After: N`. Counters in the app's RateLimitStorage (Redis when REDIS_URL is set).
 */
@Injectable()
export class AuthThrottleGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    throw throttledError(detail.timeToBlockExpire);
  }
}

/** The throttler's options, and its storage (the app-wide RateLimitStorage), for AuthModule (the only guarded module). */
export const authThrottleProviders: Provider[] = [
  { provide: getStorageToken(), useExisting: RateLimitStorage },
  {
    provide: getOptionsToken(),
    useValue: {
      throttlers: [{ name: 'default', ttl: AUTH_RATE_WINDOW_MS, limit: AUTH_RATE_LIMIT }],
    } satisfies ThrottlerModuleOptions,
  },
  AuthThrottleGuard,
];
