import type { ExecutionContext } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthUser } from '../decorators/current-user.decorator';
import { RateLimiter } from './rate-limiter';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every authenticated REST write (POST, PUT, PATCH, DELETE) counts against its user's RATE_LIMIT_WRITES_PER_MINUTE;
 * past it → 429 with Retry-After (DRF body). Called by JwtAuthGuard once the user is known; unauthenticated requests
 * (the login endpoints, limited per IP by their own guard) and reads are not counted. The counters follow the user
 * whatever address the requests come from, and are shared through Redis when REDIS_URL is set. (It was a global
 * interceptor; as part of the guard, requests skip Nest's interceptor chain, which bound an AsyncResource per request:
 * docs/benchmarks-analysis.md, issue 16.)
 */
export async function countWrite(limiter: RateLimiter, context: ExecutionContext): Promise<void> {
  if (context.getType() !== 'http') return;
  const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
  const userId = req.user?.userId;
  if (!userId || !WRITE_METHODS.has(req.method)) return;
  const state = await limiter.consume(limiter.rules.writes, userId);
  if (state) {
    const res = context.switchToHttp().getResponse<Response>();
    res.setHeader('X-RateLimit-Limit', String(state.limit));
    res.setHeader('X-RateLimit-Remaining', String(state.remaining));
    res.setHeader('X-RateLimit-Reset', String(state.resetSeconds));
  }
}
