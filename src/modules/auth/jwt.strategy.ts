import { Injectable, Logger } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-jwt';
import type { Request } from 'express';
import { AppConfig } from '../../config/app-config';
import { AuthUser } from '../../common/decorators/current-user.decorator';
import { DomainError } from '../../common/errors/domain-error';
import { readBearer } from '../../common/guards/jwt-auth.guard';
import { UsersService } from '../users/users.service';
import { claimsShapeOk } from './tokens.service';
import { hs256Key } from './jwt-key';

function bearerRefused(message: string): DomainError {
  return new DomainError('token_not_valid', 'Given token not valid for any token type', undefined, {
    messages: [{ token_class: 'AccessToken', token_type: 'access', message }],
  });
}

/**
 * Bearer access tokens: HS256 only (passport-jwt checks signature and expiry); exp, iat, jti and a uuid user_id
 * required; token_type must be "access"; the user must still exist (a deleted user's token is refused like
 * simplejwt does: 401 "User not found"). An inactive user (blocked the bot) keeps API access.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  private readonly logger = new Logger(JwtStrategy.name);

  constructor(
    config: AppConfig,
    private readonly users: UsersService,
  ) {
    super({
      // Not passport-jwt's bearer extractor: it takes the token out of "Bearer <token> junk" and "bearer <token>".
      jwtFromRequest: (req: Request) => {
        const b = readBearer(req.headers.authorization);
        return b.kind === 'token' ? b.token : null;
      },
      // passport-jwt hands the key to jsonwebtoken, which takes a KeyObject; its types only name string | Buffer.
      secretOrKey: hs256Key(config.secretKey) as unknown as Buffer,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: unknown): Promise<AuthUser> {
    if (!claimsShapeOk(claims)) throw bearerRefused('Token is invalid');
    if (claims.token_type !== 'access') throw bearerRefused('Token has wrong type');
    const user = await this.users.findById(claims.user_id);
    if (!user) {
      this.logger.warn(`Access token of a deleted user refused: user_id=${claims.user_id}`);
      throw new DomainError('not_authenticated', 'User not found', undefined, { code: 'user_not_found' });
    }
    return { userId: claims.user_id, principal: user };
  }
}
