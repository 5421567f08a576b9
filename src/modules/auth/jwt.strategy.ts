import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../config/app-config';
import { AuthUser } from '../../common/decorators/current-user.decorator';

export interface JwtClaims {
  token_type: 'access' | 'refresh';
  exp: number;
  iat: number;
  jti: string;
  user_id: string;
}

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Bearer access tokens: HS256 only; exp, iat, jti and a uuid user_id required; token_type must be "access". */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.secretKey,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: Partial<JwtClaims>): AuthUser | false {
    if (claims.token_type !== 'access') return false;
    if (typeof claims.exp !== 'number' || typeof claims.iat !== 'number') return false;
    if (typeof claims.jti !== 'string' || !claims.jti) return false;
    if (typeof claims.user_id !== 'string' || !UUID_RE.test(claims.user_id)) return false;
    return { userId: claims.user_id };
  }
}
