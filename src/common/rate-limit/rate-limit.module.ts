import { Global, Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';
import { RateLimitStorage } from './rate-limit.storage';

/**
 * Rate limits for the whole app on one storage (Redis when REDIS_URL is set): the auth endpoints' guard
 * (AuthModule), writes per user (JwtAuthGuard, write-rate-limit.ts), phone changes per user (UsersController) and
 * failed webhook secrets per IP (the bot's webhook).
 */
@Global()
@Module({
  providers: [RateLimitStorage, RateLimiter],
  exports: [RateLimitStorage, RateLimiter],
})
export class RateLimitModule {}
