import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { DomainError } from '../errors/domain-error';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { countWrite } from '../rate-limit/write-rate-limit';

export type BearerHeader = { kind: 'none' } | { kind: 'malformed' } | { kind: 'token'; token: string };

/**
 * The Authorization header read as simplejwt reads it: split on whitespace; a first part other than exactly
 * "Bearer" (another scheme, "bearer") is no credentials at all; "Bearer" must be followed by exactly one value, so
 * "Bearer <token> junk" or a bare "Bearer" is a malformed header, never a token.
 */
export function readBearer(header: string | undefined): BearerHeader {
  const parts = (header ?? '').trim().split(/\s+/);
  if (!header || parts[0] !== 'Bearer') return { kind: 'none' };
  return parts.length === 2 ? { kind: 'token', token: parts[1] } : { kind: 'malformed' };
}

/**
 * Bearer access token required (strategy `jwt`, registered by AuthModule). Errors come out simplejwt-shaped:
 * no header → {"detail": "Authentication credentials were not provided."}; a bad token →
 * {"detail": "Given token not valid for any token type", "code": "token_not_valid", "messages": [...]}.
 * An authenticated write then counts against the user's write limit (write-rate-limit.ts).
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly limiter: RateLimiter) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = (await super.canActivate(context)) as boolean;
    if (allowed) await countWrite(this.limiter, context);
    return allowed;
  }

  handleRequest<TUser>(err: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    if (err instanceof DomainError) throw err;
    if (err) throw err;
    if (user) return user;
    const bearer = readBearer(
      context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers
        .authorization,
    );
    // Like simplejwt: no header, or another scheme (Basic …) → not authenticated; "Bearer" alone or with more → bad header.
    if (bearer.kind === 'none')
      throw new DomainError('not_authenticated', 'Authentication credentials were not provided.');
    if (bearer.kind === 'malformed') {
      throw new DomainError(
        'not_authenticated',
        'Authorization header must contain two space-delimited values',
        undefined,
        { code: 'bad_authorization_header' },
      );
    }
    const reason =
      info instanceof Error && /expired/i.test(info.message) ? 'Token is expired' : 'Token is invalid';
    throw new DomainError('token_not_valid', 'Given token not valid for any token type', undefined, {
      messages: [{ token_class: 'AccessToken', token_type: 'access', message: reason }],
    });
  }
}
