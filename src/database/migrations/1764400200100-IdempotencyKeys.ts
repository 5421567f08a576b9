import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency-Key of POST /api/transactions/: per user, kept 24 hours. A row is claimed (INSERT … ON CONFLICT)
 * in the same database transaction that writes the transaction, and carries the first response for replays.
 */
export class IdempotencyKeys1764400200100 implements MigrationInterface {
  name = 'IdempotencyKeys1764400200100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key varchar(255) NOT NULL,
        request_hash char(64) NOT NULL,
        response_status smallint,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_idempotency_keys PRIMARY KEY (user_id, key),
        CONSTRAINT fk_idempotency_keys_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_idempotency_keys_key_not_blank CHECK (key <> ''),
        CONSTRAINT ck_idempotency_keys_status CHECK (response_status IS NULL OR response_status BETWEEN 100 AND 599)
      )`);
    await q.query(`CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
  }
}
