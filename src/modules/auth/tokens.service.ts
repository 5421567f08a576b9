import { Injectable, Logger } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { isUuid } from '../../common/validation/uuid';

export type TokenType = 'access' | 'refresh';

/** Claims as djangorestframework-simplejwt writes them. */
export interface JwtClaims {
  token_type: TokenType;
  exp: number;
  iat: number;
  jti: string;
  user_id: string;
}

export interface TokenPair {
  access: string;
  refresh: string;
}

/** Checks the shape of verified claims: exp, iat, jti (uuid) and user_id (uuid) present; returns the type. */
export function claimsShapeOk(claims: unknown): claims is JwtClaims {
  const c = claims as Partial<JwtClaims> | null;
  return (
    !!c &&
    typeof c === 'object' &&
    (c.token_type === 'access' || c.token_type === 'refresh') &&
    Number.isInteger(c.exp) &&
    Number.isInteger(c.iat) &&
    typeof c.jti === 'string' &&
    isUuid(c.jti) &&
    typeof c.user_id === 'string' &&
    isUuid(c.user_id)
  );
}

function tokenError(
  detail: 'Token is invalid' | 'Token is expired' | 'Token has wrong type' | 'Token is blacklisted',
): DomainError {
  return new DomainError('token_not_valid', detail);
}

/**
 * Access and refresh tokens (HS256, SECRET_KEY). Every refresh token is a row in refresh_tokens; a login starts a
 * family; refreshing rotates atomically; presenting a rotated token again revokes the whole family.
 */
@Injectable()
export class TokensService {
  private readonly logger = new Logger(TokensService.name);

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
    private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  /** A new login: a new family with its first refresh token, and an access token. */
  async issueForLogin(userId: string): Promise<TokenPair> {
    const refresh = this.sign('refresh', userId);
    await this.refreshTokens.insert({
      jti: refresh.jti,
      familyId: randomUUID(),
      userId,
      expiresAt: refresh.expiresAt,
    });
    if (Math.random() < 0.01) await this.refreshTokens.purgeExpired();
    return { access: this.sign('access', userId).token, refresh: refresh.token };
  }

  /** POST refresh-token: verifies, rotates in one statement, answers a fresh pair. */
  async refresh(token: string): Promise<TokenPair> {
    const claims = this.verify(token);
    if (claims.token_type !== 'refresh') throw tokenError('Token has wrong type');
    const next = this.sign('refresh', claims.user_id);
    const outcome = await this.refreshTokens.rotate(claims.jti, next.jti, next.expiresAt);
    if (outcome.ok) {
      if (outcome.userId !== claims.user_id) throw tokenError('Token is invalid'); // cannot happen unless the key leaked
      return { access: this.sign('access', outcome.userId).token, refresh: next.token };
    }
    switch (outcome.state) {
      case 'revoked': {
        const revoked = outcome.familyId ? await this.refreshTokens.revokeFamily(outcome.familyId) : 0;
        this.logger.warn(
          `Reuse of a rotated refresh token: user_id=${claims.user_id}, family revoked (${revoked} live token(s))`,
        );
        throw tokenError('Token is blacklisted');
      }
      case 'expired':
        throw tokenError('Token is expired');
      case 'unknown':
        this.logger.warn(`Refresh token not on record: user_id=${claims.user_id}`);
        throw tokenError('Token is invalid');
    }
  }

  /** Signature (HS256 only), expiry and claim shape; the token type is the caller's business. */
  verify(token: string): JwtClaims {
    let claims: unknown;
    try {
      claims = this.jwt.verify(token, { algorithms: ['HS256'] });
    } catch (error) {
      if (error instanceof TokenExpiredError) throw tokenError('Token is expired');
      throw tokenError('Token is invalid');
    }
    if (!claimsShapeOk(claims)) throw tokenError('Token is invalid');
    return claims;
  }

  private sign(type: TokenType, userId: string): { token: string; jti: string; expiresAt: Date } {
    const iat = Math.floor(Date.now() / 1000);
    const lifetime =
      type === 'access'
        ? this.config.auth.accessLifetimeMinutes * 60
        : this.config.auth.refreshLifetimeDays * 86400;
    const exp = iat + lifetime;
    const jti = randomUUID();
    const claims: JwtClaims = { token_type: type, exp, iat, jti, user_id: userId };
    return { token: this.jwt.sign(claims, { algorithm: 'HS256' }), jti, expiresAt: new Date(exp * 1000) };
  }
}
