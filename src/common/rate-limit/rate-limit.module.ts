import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { RateLimiter } from './rate-limiter';
import { RateLimitStorage } from './rate-limit.storage';
import { WriteRateLimitInterceptor } from './write-rate-limit.interceptor';

/**
 * Rate limits for the whole app on one storage (Redis when REDIS_URL is set): the auth endpoints' guard
 * (AuthModule), writes per user (the interceptor, on every route), phone changes per user (UsersController) and
 * failed webhook secrets per IP (the bot's webhook).
 */
@Global()
@Module({
  providers: [
    RateLimitStorage,
    RateLimiter,
    { provide: APP_INTERCEPTOR, useClass: WriteRateLimitInterceptor },
  ],
  exports: [RateLimitStorage, RateLimiter],
})
export class RateLimitModule {}
