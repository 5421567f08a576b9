import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Whether a user's phone number is proven theirs. A number typed in (/phone, PATCH /api/users/me/, the REST
 * login's phone_number) is not; a contact the user shared from Telegram (contact.user_id = the sender) is. A
 * verified contact may take a number over from a user who only typed it, so nobody can squat someone else's
 * number. Only a user with a number can be verified (CHECK). Existing numbers cannot be told apart (typed or
 * shared): they start unverified, and sharing the contact again verifies them.
 */
export class PhoneVerified1764400600000 implements MigrationInterface {
  name = 'PhoneVerified1764400600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN phone_verified boolean NOT NULL DEFAULT false`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT ck_users_phone_verified_has_number CHECK (phone_number IS NOT NULL OR NOT phone_verified)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP CONSTRAINT ck_users_phone_verified_has_number`);
    await q.query(`ALTER TABLE users DROP COLUMN phone_verified`);
  }
}
