import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The webhook duplicate guard needs to know when the current attempt on an update started (received_at keeps the
 * first delivery), so that a `processing` row whose owner died can be taken over after a lease; and the periodic
 * purge of old rows filters on finished_at.
 */
export class ProcessedUpdatesAttemptedAt1764400300000 implements MigrationInterface {
  name = 'ProcessedUpdatesAttemptedAt1764400300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE processed_updates ADD COLUMN attempted_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`CREATE INDEX ix_processed_updates_finished_at ON processed_updates (finished_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_processed_updates_finished_at`);
    await q.query(`ALTER TABLE processed_updates DROP COLUMN attempted_at`);
  }
}
