import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain-error';

export const AUTH_RATE_LIMIT = 30;
export const AUTH_RATE_WINDOW_MS = 60_000;

/**
 * Fixed-window request counter per key, in memory (one instance; a shared store would need REDIS_URL).
 * `limit` is a plain property so a test or an operator hook can change it.
 */
@Injectable()
export class AuthThrottler {
  limit = AUTH_RATE_LIMIT;
  windowMs = AUTH_RATE_WINDOW_MS;
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  /** Counts a request; returns 0 when allowed, else the seconds until the key may try again. */
  hit(key: string, now = Date.now()): number {
    if (this.windows.size > 10_000) this.sweep(now);
    let w = this.windows.get(key);
    if (!w || w.resetAt <= now) {
      w = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    return w.count > this.limit ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
  }

  reset(): void {
    this.windows.clear();
  }

  private sweep(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}

/** 429 {"detail": "Request was throttled. Expected available in N seconds."} + Retry-After, per client IP and endpoint. */
@Injectable()
export class AuthThrottleGuard implements CanActivate {
  constructor(private readonly throttler: AuthThrottler) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const retryAfter = this.throttler.hit(`${context.getHandler().name}:${req.ip ?? 'unknown'}`);
    if (retryAfter === 0) return true;
    throw new DomainError('throttled', `Request was throttled. Expected available in ${retryAfter} second${retryAfter === 1 ? '' : 's'}.`, undefined, {
      retryAfter,
    });
  }
}
