import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Items recorded from a Telegram update are unique per user, not globally: Telegram restarts update_id at a random
 * value after a week without updates, so an old id can come back for another chat (whose phrase must not be
 * swallowed as a "duplicate").
 */
export class ScopeSourceUpdateToUser1764400500000 implements MigrationInterface {
  name = 'ScopeSourceUpdateToUser1764400500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transactions DROP CONSTRAINT uq_transactions_source_update`);
    await q.query(
      `ALTER TABLE transactions ADD CONSTRAINT uq_transactions_source_update UNIQUE (user_id, source_update_id, source_item)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transactions DROP CONSTRAINT uq_transactions_source_update`);
    await q.query(
      `ALTER TABLE transactions ADD CONSTRAINT uq_transactions_source_update UNIQUE (source_update_id, source_item)`,
    );
  }
}
