import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ScopedUser, updateScopeOf } from './update-scope';

/**
 * All SQL about bot_sessions: at most one active session per user (a partial unique index holds it). Within an update
 * the state read is remembered on the update's scope (update-scope.ts, found from the user object the flows pass):
 * the flows that look for their own pending question one after another (family, recurring, budgets, the phrase
 * reading) share one read; every write through that object forgets it, so a read after a write is fresh.
 */
@Injectable()
export class BotSessionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The user's state as this update last read it (a fresh copy each time), or undefined: not read yet. */
  private remembered(user: ScopedUser): unknown {
    const json = updateScopeOf(user)?.sessionState;
    return json === undefined ? undefined : JSON.parse(json);
  }

  private forget(user: ScopedUser): void {
    const scope = updateScopeOf(user);
    if (scope) scope.sessionState = undefined;
  }

  /** Closes the user's active session, if any, and opens a new one; one transaction. */
  async open(user: ScopedUser): Promise<string> {
    this.forget(user);
    return this.dataSource.transaction(async (em) => {
      await em.query(
        `UPDATE bot_sessions SET is_active = false, closed_at = now(), updated_at = now() WHERE user_id = $1 AND is_active`,
        [user.id],
      );
      const rows: Array<{ id: string }> = await em.query(
        `INSERT INTO bot_sessions (user_id, is_active) VALUES ($1, true)
         ON CONFLICT (user_id) WHERE is_active DO UPDATE SET updated_at = now()
         RETURNING id`,
        [user.id],
      );
      return rows[0].id;
    });
  }

  /** Clears the pending state of the active session; true when there was something to clear. */
  async clearState(user: ScopedUser): Promise<boolean> {
    this.forget(user);
    // A data-modifying CTE: the plain UPDATE … RETURNING form comes back from TypeORM as [rows, count].
    const rows: Array<{ had: boolean }> = await this.dataSource.query(
      `WITH old AS (
         SELECT id, (state IS NOT NULL AND state <> 'null'::jsonb AND state <> '{}'::jsonb) AS had
         FROM bot_sessions WHERE user_id = $1 AND is_active FOR UPDATE
       ), cleared AS (
         UPDATE bot_sessions s SET state = NULL, updated_at = now() FROM old WHERE s.id = old.id
       )
       SELECT had FROM old`,
      [user.id],
    );
    return rows[0]?.had ?? false;
  }

  /** The conversation state of the user's active session (null: none, or no active session). */
  async getState(user: ScopedUser): Promise<unknown> {
    const known = this.remembered(user);
    if (known !== undefined) return known;
    const rows: Array<{ state: unknown }> = await this.dataSource.query(
      `SELECT state FROM bot_sessions WHERE user_id = $1 AND is_active`,
      [user.id],
    );
    const state = rows[0]?.state ?? null;
    const scope = updateScopeOf(user);
    if (scope) scope.sessionState = JSON.stringify(state);
    return state;
  }

  /** Sets the conversation state of the user's active session, opening one when there is none. */
  async setState(user: ScopedUser, state: object): Promise<void> {
    this.forget(user);
    await this.dataSource.query(
      `INSERT INTO bot_sessions (user_id, is_active, state) VALUES ($1, true, $2::jsonb)
       ON CONFLICT (user_id) WHERE is_active DO UPDATE SET state = EXCLUDED.state, updated_at = now()`,
      [user.id, JSON.stringify(state)],
    );
  }

  /**
   * Replaces the state (null clears it) only while it is still the one with this `id` (a newer question or a
   * /cancel in between wins).
   */
  async replaceStateIf(user: ScopedUser, id: string, state: object | null): Promise<void> {
    this.forget(user);
    await this.dataSource.query(
      `UPDATE bot_sessions SET state = $3::jsonb, updated_at = now() WHERE user_id = $1 AND is_active AND state->>'id' = $2`,
      [user.id, id, state === null ? null : JSON.stringify(state)],
    );
  }

  /**
   * Clears the state only while it is still the one with this `id`; true for the one caller that cleared it (of two
   * racing presses, the other gets false).
   */
  async clearStateIf(user: ScopedUser, id: string): Promise<boolean> {
    this.forget(user);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH cleared AS (
         UPDATE bot_sessions SET state = NULL, updated_at = now() WHERE user_id = $1 AND is_active AND state->>'id' = $2 RETURNING id
       )
       SELECT id FROM cleared`,
      [user.id, id],
    );
    return rows.length > 0;
  }
}
