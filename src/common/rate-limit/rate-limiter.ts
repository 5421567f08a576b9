import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../errors/domain-error';
import { RateLimitStorage } from './rate-limit.storage';

/** One limit: at most `limit` events per `windowMs` for one subject (a user id, a client IP); limit 0 = no limit. */
export interface RateLimitRule {
  name: string;
  limit: number;
  windowMs: number;
}

const MINUTE_MS = 60_000;

/** The limits set in the configuration (docs/operations.md, "Rate limits"). */
export function rateLimitRules(config: AppConfig) {
  return {
    /** REST writes (POST, PUT, PATCH, DELETE) per user. */
    writes: { name: 'writes', limit: config.rateLimits.writesPerMinute, windowMs: MINUTE_MS },
    /** Phone number changes through PATCH /api/users/me/ per user. */
    phoneChanges: { name: 'phone', limit: config.rateLimits.phoneChangesPerHour, windowMs: 60 * MINUTE_MS },
    /** Webhook requests with a wrong or missing secret per client IP. */
    webhookFailures: {
      name: 'webhook-secret',
      limit: config.rateLimits.webhookFailuresPerMinute,
      windowMs: MINUTE_MS,
    },
  } satisfies Record<string, RateLimitRule>;
}

/** DRF's throttled error: 429 `{"detail": "Request was throttled. Expected available in N seconds."}` and `Retry-After: N`. */
export function throttledError(seconds: number): DomainError {
  const s = Math.max(1, Math.ceil(seconds));
  return new DomainError(
    'throttled',
    `Request was throttled. Expected available in ${s} second${s === 1 ? '' : 's'}.`,
    undefined,
    { retryAfter: s },
  );
}

/** What a counted event left: how many more the window allows and when it ends. */
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

/**
 * Fixed-window limits on the shared RateLimitStorage (Redis when REDIS_URL is set, else per instance): `consume`
 * counts an event and refuses the one past the limit; `recordFailure` and `lockedOutFor` count only failures (wrong
 * webhook secrets) and refuse everything from a subject that failed too often, until its window ends.
 */
@Injectable()
export class RateLimiter {
  readonly rules: ReturnType<typeof rateLimitRules>;

  constructor(
    private readonly storage: RateLimitStorage,
    config: AppConfig,
  ) {
    this.rules = rateLimitRules(config);
  }

  /** Counts one event of `subject`; past the limit throws the DRF 429 (throttledError). */
  async consume(rule: RateLimitRule, subject: string): Promise<RateLimitState | undefined> {
    if (rule.limit <= 0) return undefined;
    const { count, resetMs } = await this.storage.countInWindow(this.key(rule, subject), rule.windowMs, 1);
    if (count > rule.limit) throw throttledError(resetMs / 1000);
    return { limit: rule.limit, remaining: rule.limit - count, resetSeconds: Math.ceil(resetMs / 1000) };
  }

  /** Counts one failure of `subject` (e.g. a wrong webhook secret from an IP). */
  async recordFailure(rule: RateLimitRule, subject: string): Promise<void> {
    if (rule.limit <= 0) return;
    await this.storage.countInWindow(this.key(rule, subject), rule.windowMs, 1);
  }

  /** Seconds until `subject` may try again after `rule.limit` failures in the window; 0 when it may now. */
  async lockedOutFor(rule: RateLimitRule, subject: string): Promise<number> {
    if (rule.limit <= 0) return 0;
    const { count, resetMs } = await this.storage.countInWindow(this.key(rule, subject), rule.windowMs, 0);
    return count >= rule.limit ? Math.max(1, Math.ceil(resetMs / 1000)) : 0;
  }

  private key(rule: RateLimitRule, subject: string): string {
    return `${rule.name}:${subject}`;
  }
}
