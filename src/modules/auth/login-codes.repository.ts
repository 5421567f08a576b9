import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryReturning } from '../../database/returning';

/** All SQL about login_codes (one-time codes the bot hands out on /login). */
@Injectable()
export class LoginCodesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Stores a new code hash for the user and, in the same statement, retires the user's earlier codes
   * (unused ones are marked used so they stop working at once). Throws on a hash collision (23505).
   */
  async replace(userId: string, codeHash: string, expiresAt: Date): Promise<void> {
    await this.db.query(
      `WITH retired AS (
         UPDATE login_codes SET used_at = now() WHERE user_id = $1 AND used_at IS NULL
       )
       INSERT INTO login_codes (code_hash, user_id, expires_at) VALUES ($2, $1, $3)`,
      [userId, codeHash, expiresAt],
    );
  }

  /**
   * Consumes an unused, unexpired code that belongs to the user with this chat id: one atomic UPDATE, so a code
   * works once even under concurrent requests. Returns the user id, or null.
   */
  async consume(codeHash: string, chatId: bigint): Promise<string | null> {
    const rows = await queryReturning<{ user_id: string }>(
      this.db,
      `UPDATE login_codes lc SET used_at = now()
         FROM users u
        WHERE lc.code_hash = $1 AND lc.used_at IS NULL AND lc.expires_at > now()
          AND u.id = lc.user_id AND u.telegram_chat_id = $2
        RETURNING lc.user_id`,
      [codeHash, chatId.toString()],
    );
    return rows[0]?.user_id ?? null;
  }

  /** Housekeeping: forgets codes that expired more than a day ago. */
  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM login_codes WHERE expires_at < now() - interval '1 day'`);
  }
}
