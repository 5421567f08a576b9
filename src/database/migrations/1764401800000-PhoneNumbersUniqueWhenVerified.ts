import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A typed phone number (/phone, PATCH /api/users/me/, the REST login's phone_number) is a claim, not a fact: several
 * users may have typed the same number, so that setting one never tells whether someone else has it. Only a number
 * proven by a shared Telegram contact (phone_verified) is unique; verifying it clears it from everyone who only typed
 * it. The plain index serves that lookup by number.
 *
 * `down` restores the unique constraint: where several users hold one number, the verified holder (else the earliest
 * user) keeps it and the others lose their unverified copy.
 */
export class PhoneNumbersUniqueWhenVerified1764401800000 implements MigrationInterface {
  name = 'PhoneNumbersUniqueWhenVerified1764401800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT uq_users_phone_number`);
    await q.query(
      `CREATE UNIQUE INDEX uq_users_phone_number_verified ON users (phone_number) WHERE phone_verified`,
    );
    await q.query(
      `CREATE INDEX ix_users_phone_number ON users (phone_number) WHERE phone_number IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE users u SET phone_number = NULL, phone_verified = false, updated_at = now()
       WHERE u.phone_number IS NOT NULL AND NOT u.phone_verified AND EXISTS (
         SELECT 1 FROM users o
         WHERE o.phone_number = u.phone_number AND o.id <> u.id
           AND (o.phone_verified OR (o.created_at, o.id) < (u.created_at, u.id)))`,
    );
    await q.query(`DROP INDEX ix_users_phone_number`);
    await q.query(`DROP INDEX uq_users_phone_number_verified`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT uq_users_phone_number UNIQUE (phone_number)`);
  }
}
