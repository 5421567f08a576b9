import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { LoginCodesRepository } from './login-codes.repository';
import { isUniqueViolation } from '../../database/errors';

/** Letters and digits without look-alikes (no I, O, 0, 1): 32 symbols, so a byte maps without bias. */
export const LOGIN_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const LOGIN_CODE_LENGTH = 8;
export const LOGIN_CODE_TTL_MS = 5 * 60 * 1000;

/** sha256 hex of the normalised code (upper case, spaces and dashes removed): what login_codes stores. */
export function hashLoginCode(code: string): string {
  return createHash('sha256').update(normalizeLoginCode(code)).digest('hex');
}

export function normalizeLoginCode(code: string): string {
  return code.replace(/[\s-]+/g, '').toUpperCase();
}

export function generateLoginCode(): string {
  const bytes = randomBytes(LOGIN_CODE_LENGTH);
  let code = '';
  for (const b of bytes) code += LOGIN_CODE_ALPHABET[b % LOGIN_CODE_ALPHABET.length];
  return code;
}

/**
 * One-time login codes: the bot's /login issues one (5 minutes, single use, stored only as a hash); the REST
 * telegram-login accepts it as proof of the Telegram account.
 */
@Injectable()
export class LoginCodesService {
  private readonly logger = new Logger(LoginCodesService.name);

  constructor(private readonly codes: LoginCodesRepository) {}

  /** A fresh code for the user; the user's earlier unused codes stop working. */
  async issue(userId: string): Promise<{ code: string; expiresAt: Date }> {
    for (let attempt = 0; ; attempt++) {
      const code = generateLoginCode();
      const expiresAt = new Date(Date.now() + LOGIN_CODE_TTL_MS);
      try {
        await this.codes.replace(userId, hashLoginCode(code), expiresAt);
        if (attempt === 0 && Math.random() < 0.05) await this.codes.purgeExpired();
        this.logger.log(`Login code issued: user_id=${userId}`);
        return { code, expiresAt };
      } catch (error) {
        // A collision with a stored hash (astronomically rare): draw again.
        if (!isUniqueViolation(error) || attempt >= 3) throw error;
      }
    }
  }

  /** Uses up a code if it is valid and belongs to the chat id; returns the user id, or null. */
  async consume(code: string, chatId: bigint): Promise<string | null> {
    const normalized = normalizeLoginCode(code);
    if (
      normalized.length !== LOGIN_CODE_LENGTH ||
      ![...normalized].every((c) => LOGIN_CODE_ALPHABET.includes(c))
    )
      return null;
    return this.codes.consume(hashLoginCode(normalized), chatId);
  }
}
