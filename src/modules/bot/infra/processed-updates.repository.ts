import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What claiming an update id found. */
export type ClaimResult =
  /** This delivery owns the update: process it. */
  | 'claimed'
  /** Already handled (or deliberately ignored): answer 200 and do nothing. */
  | 'duplicate'
  /** Another delivery of the same update is being processed right now: ask Telegram to retry later. */
  | 'in_progress';

/**
 * The durable duplicate guard on Telegram's update_id (table processed_updates). A row is `processing` while a
 * delivery owns it, `done` once handled, `failed` when the attempt died because the database was unavailable
 * (such a row, or a `processing` row whose owner vanished longer than `leaseSeconds` ago, may be claimed again).
 */
@Injectable()
export class ProcessedUpdatesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(updateId: number, leaseSeconds: number): Promise<ClaimResult> {
    const claimed: unknown[] = await this.dataSource.query(
      `INSERT INTO processed_updates AS p (update_id, status, attempts, received_at, attempted_at)
       VALUES ($1, 'processing', 1, now(), now())
       ON CONFLICT (update_id) DO UPDATE
         SET status = 'processing', attempts = p.attempts + 1, attempted_at = now(), finished_at = NULL
         WHERE p.status = 'failed' OR (p.status = 'processing' AND p.attempted_at < now() - make_interval(secs => $2))
       RETURNING p.update_id`,
      [updateId, leaseSeconds],
    );
    if (claimed.length === 1) return 'claimed';
    const rows: Array<{ status: string }> = await this.dataSource.query(
      `SELECT status FROM processed_updates WHERE update_id = $1`,
      [updateId],
    );
    return rows[0]?.status === 'done' ? 'duplicate' : 'in_progress';
  }

  async finish(updateId: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE processed_updates SET status = 'done', finished_at = now() WHERE update_id = $1`,
      [updateId],
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
