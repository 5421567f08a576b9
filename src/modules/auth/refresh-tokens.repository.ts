import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryReturning } from '../../database/returning';

export type RotationOutcome =
  | { ok: true; userId: string; familyId: string }
  | { ok: false; state: 'unknown' | 'revoked' | 'expired'; familyId?: string };

/** All SQL about refresh_tokens. Every refresh token ever issued is a row; a login is a family. */
@Injectable()
export class RefreshTokensRepository {
  constructor(private readonly db: DataSource) {}

  async insert(row: { jti: string; familyId: string; userId: string; expiresAt: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO refresh_tokens (jti, family_id, user_id, expires_at) VALUES ($1, $2, $3, $4)`,
      [row.jti, row.familyId, row.userId, row.expiresAt],
    );
  }

  /**
   * Rotation in ONE statement: revokes the presented token if it is still live and inserts its successor in the
   * same family. Of concurrent callers with the same token exactly one gets a row back.
   */
  async rotate(oldJti: string, newJti: string, newExpiresAt: Date): Promise<RotationOutcome> {
    const rows: Array<{ user_id: string; family_id: string }> = await this.db.query(
      `WITH old AS (
         UPDATE refresh_tokens SET revoked_at = now(), replaced_by = $2
          WHERE jti = $1 AND revoked_at IS NULL AND expires_at > now()
          RETURNING family_id, user_id
       )
       INSERT INTO refresh_tokens (jti, family_id, user_id, expires_at)
       SELECT $2, family_id, user_id, $3 FROM old
       RETURNING user_id, family_id`,
      [oldJti, newJti, newExpiresAt],
    );
    if (rows.length === 1) return { ok: true, userId: rows[0].user_id, familyId: rows[0].family_id };
    const found: Array<{ family_id: string; revoked: boolean }> = await this.db.query(
      `SELECT family_id, revoked_at IS NOT NULL AS revoked FROM refresh_tokens WHERE jti = $1`,
      [oldJti],
    );
    if (!found.length) return { ok: false, state: 'unknown' };
    return { ok: false, state: found[0].revoked ? 'revoked' : 'expired', familyId: found[0].family_id };
  }

  /** Revokes every live token of a login (reuse of a rotated token). Returns how many were live. */
  async revokeFamily(familyId: string): Promise<number> {
    const rows = await queryReturning(
      this.db,
      `UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL RETURNING jti`,
      [familyId],
    );
    return rows.length;
  }

  /** Housekeeping: forgets tokens that expired more than a day ago. */
  async purgeExpired(): Promise<void> {
    await this.db.query(`DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day'`);
  }
}
