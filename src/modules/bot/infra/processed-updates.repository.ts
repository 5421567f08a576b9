import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { preparedQuery } from '../../../database/prepared';
import { columnsOf, entityFromRow } from '../../../database/raw-entities';
import type { HouseholdRole } from '../../households/household.entity';
import { User } from '../../users/user.entity';
import type { LearnedRule, SenderReads } from './sender-reads';

/** What claiming an update id found. */
export type ClaimResult =
  /** This delivery owns the update: process it. */
  | 'claimed'
  /** Already handled (or deliberately ignored): answer 200 and do nothing. */
  | 'duplicate'
  /** Another delivery of the same update is being processed right now: ask Telegram to retry later. */
  | 'in_progress';

/**
 * Claims an update id: a new row, or a `failed` one, or a `processing` one whose lease ($2 seconds) ran out. With
 * RETURNING, a row comes back exactly when this delivery owns the update.
 */
const CLAIM = `INSERT INTO processed_updates AS p (update_id, status, attempts, received_at, attempted_at)
  VALUES ($1, 'processing', 1, now(), now())
  ON CONFLICT (update_id) DO UPDATE
    SET status = 'processing', attempts = p.attempts + 1, attempted_at = now(), finished_at = NULL
    WHERE p.status = 'failed' OR (p.status = 'processing' AND p.attempted_at < now() - make_interval(secs => $2))`;

/** claimReading()'s row: the claim, the user's columns (all null without a user), and the rest read about them. */
interface ClaimReadingRow extends Record<string, unknown> {
  claimed_n: number;
  claim_status: string | null;
  id: string | null;
  session_state: unknown;
  member_household_id: string | null;
  member_role: string | null;
  member_records_to_household: boolean | null;
  learned: LearnedRule[];
  personal_budgets: boolean;
  household_budgets: boolean;
}

/**
 * The durable duplicate guard on Telegram's update_id (table processed_updates). A row is `processing` while a
 * delivery owns it, `done` once handled, `failed` when the attempt died because the database was unavailable
 * (such a row, or a `processing` row whose owner vanished longer than `leaseSeconds` ago, may be claimed again).
 */
@Injectable()
export class ProcessedUpdatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(updateId: number, leaseSeconds: number): Promise<ClaimResult> {
    const claimed = await preparedQuery(this.dataSource, `${CLAIM} RETURNING p.update_id`, [
      updateId,
      leaseSeconds,
    ]);
    return claimed.length === 1 ? 'claimed' : this.found(updateId);
  }

  /**
   * claim() and, in the same round trip, what nearly every private-chat update reads next about its sender
   * (`chatId`): the user, the active session's state, the household membership, the words the user taught and
   * whether any budget could apply — one statement instead of six (docs/benchmarks-analysis.md, issue 16). The
   * reads see the database as the statement started, like separate reads made just before would.
   */
  async claimReading(
    updateId: number,
    leaseSeconds: number,
    chatId: number,
  ): Promise<{ claim: ClaimResult; reads: SenderReads }> {
    const rows = await preparedQuery<ClaimReadingRow>(
      this.dataSource,
      `WITH claimed AS (${CLAIM} RETURNING p.update_id)
       SELECT c.n AS claimed_n, c.status AS claim_status, ${columnsOf(this.dataSource, User, 'u')},
         (SELECT state FROM bot_sessions s WHERE s.user_id = u.id AND s.is_active) AS session_state,
         m.household_id AS member_household_id, m.role AS member_role,
         m.records_to_household AS member_records_to_household,
         (SELECT coalesce(json_agg(json_build_object('type', l.type, 'keyword', l.keyword, 'category', l.category)
                                   ORDER BY l.updated_at DESC, l.keyword ASC), '[]'::json)
            FROM learned_categories l WHERE l.user_id = u.id) AS learned,
         EXISTS (SELECT 1 FROM budgets b WHERE b.user_id = u.id AND b.household_id IS NULL) AS personal_budgets,
         EXISTS (SELECT 1 FROM budgets b WHERE b.household_id = m.household_id) AS household_budgets
       FROM (SELECT (SELECT count(*)::int FROM claimed) AS n,
                    (SELECT status FROM processed_updates WHERE update_id = $1) AS status) c
       LEFT JOIN users u ON u.telegram_chat_id = $3
       LEFT JOIN household_members m ON m.user_id = u.id`,
      [updateId, leaseSeconds, String(chatId)],
    );
    const r = rows[0];
    // Not claimed and no row seen: another delivery inserted it after this statement began; look again.
    const claim: ClaimResult =
      r.claimed_n === 1
        ? 'claimed'
        : r.claim_status === null
          ? await this.found(updateId)
          : r.claim_status === 'done'
            ? 'duplicate'
            : 'in_progress';
    return { claim, reads: this.senderReads(r) };
  }

  private senderReads(r: ClaimReadingRow): SenderReads {
    if (r.id === null) return { user: null, sessionState: null, known: null };
    const user = entityFromRow(this.dataSource, User, r);
    return {
      user,
      sessionState: r.session_state ?? null,
      known: {
        userId: user.id,
        membership:
          r.member_household_id === null
            ? null
            : {
                householdId: r.member_household_id,
                role: r.member_role as HouseholdRole,
                recordsToHousehold: r.member_records_to_household === true,
              },
        learned: r.learned,
        budgets: { personal: r.personal_budgets, household: r.household_budgets },
      },
    };
  }

  /** The status of an update this delivery could not claim: handled already, or in flight elsewhere. */
  private async found(updateId: number): Promise<ClaimResult> {
    const rows = await preparedQuery<{ status: string }>(
      this.dataSource,
      `SELECT status FROM processed_updates WHERE update_id = $1`,
      [updateId],
    );
    return rows[0]?.status === 'done' ? 'duplicate' : 'in_progress';
  }

  /**
   * Marks the update done; `alsoWrite` (parameters from $1), a write the update left for this moment, goes in the
   * same statement: both happen or neither.
   */
  async finish(updateId: number, alsoWrite?: { sql: string; params: unknown[] }): Promise<void> {
    const done = (n: number) =>
      `UPDATE processed_updates SET status = 'done', finished_at = now() WHERE update_id = $${n}`;
    if (!alsoWrite) return void (await preparedQuery(this.dataSource, done(1), [updateId]));
    await preparedQuery(
      this.dataSource,
      `WITH also AS (${alsoWrite.sql}) ${done(alsoWrite.params.length + 1)}`,
      [...alsoWrite.params, updateId],
    );
  }

  /** Gives the update back so that Telegram's retry is processed. */
  async release(updateId: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE processed_updates SET status = 'failed', finished_at = now() WHERE update_id = $1 AND status = 'processing'`,
      [updateId],
    );
  }

  /** finish() for several ids at once (updates handled while the database went away before they could be marked). */
  async finishMany(updateIds: number[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE processed_updates SET status = 'done', finished_at = now() WHERE update_id = ANY($1::bigint[]) AND status = 'processing'`,
      [updateIds],
    );
  }

  /** release() for several ids at once (claims whose release failed while the database was away). */
  async releaseMany(updateIds: number[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE processed_updates SET status = 'failed', finished_at = now() WHERE update_id = ANY($1::bigint[]) AND status = 'processing'`,
      [updateIds],
    );
  }

  /** Forgets handled updates older than `days` (Telegram keeps undelivered updates for 24 hours). */
  async purgeOlderThan(days: number): Promise<number> {
    const rows: Array<{ n: number }> = await this.dataSource.query(
      `WITH gone AS (
         DELETE FROM processed_updates WHERE status <> 'processing' AND finished_at < now() - make_interval(days => $1) RETURNING 1
       )
       SELECT count(*)::int AS n FROM gone`,
      [days],
    );
    return rows[0]?.n ?? 0;
  }
}
