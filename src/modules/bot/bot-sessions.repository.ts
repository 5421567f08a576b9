import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** All SQL about bot_sessions: at most one active session per user (a partial unique index holds it). */
@Injectable()
export class BotSessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Closes the user's active session, if any, and opens a new one; one transaction. */
  async open(userId: string): Promise<string> {
    return this.dataSource.transaction(async (em) => {
      await em.query(`UPDATE bot_sessions SET is_active = false, closed_at = now(), updated_at = now() WHERE user_id = $1 AND is_active`, [userId]);
      const rows: Array<{ id: string }> = await em.query(
        `INSERT INTO bot_sessions (user_id, is_active) VALUES ($1, true)
         ON CONFLICT (user_id) WHERE is_active DO UPDATE SET updated_at = now()
         RETURNING id`,
        [userId],
      );
      return rows[0].id;
    });
  }

  /** Clears the pending state of the active session; true when there was something to clear. */
  async clearState(userId: string): Promise<boolean> {
    // A data-modifying CTE: the plain UPDATE … RETURNING form comes back from TypeORM as [rows, count].
    const rows: Array<{ had: boolean }> = await this.dataSource.query(
      `WITH old AS (
         SELECT id, (state IS NOT NULL AND state <> 'null'::jsonb AND state <> '{}'::jsonb) AS had
         FROM bot_sessions WHERE user_id = $1 AND is_active FOR UPDATE
       ), cleared AS (
         UPDATE bot_sessions s SET state = NULL, updated_at = now() FROM old WHERE s.id = old.id
       )
       SELECT had FROM old`,
      [userId],
    );
    return rows[0]?.had ?? false;
  }
}
