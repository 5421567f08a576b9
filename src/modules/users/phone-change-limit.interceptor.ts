import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { AuthUser } from '../../common/decorators/current-user.decorator';
import { RateLimiter } from '../../common/rate-limit/rate-limiter';

/**
 * PATCH /api/users/me/ with a phone number counts against the user's phone-change limit (429 past it), whether the
 * body turns out valid or not: it runs before the validation pipe, on the body as sent (a non-empty string).
 */
@Injectable()
export class PhoneChangeLimit implements NestInterceptor {
  constructor(private readonly limiter: RateLimiter) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const phone = (req.body as { phone_number?: unknown } | undefined)?.phone_number;
    if (req.user && typeof phone === 'string' && phone)
      await this.limiter.consume(this.limiter.rules.phoneChanges, req.user.userId);
    return next.handle();
  }
}
