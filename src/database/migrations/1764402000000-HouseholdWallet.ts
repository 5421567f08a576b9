import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The household wallet (docs/households.md, "Whose money"):
 *
 * - transactions.household_id: null = the person's own wallet; set = the household's wallet. transactions.user_id
 *   stays who made the record (`created_by` over REST). ON DELETE SET NULL: a dissolved household gives every record
 *   back to the wallet of the person who made it, so dissolving loses no money history.
 * - household_members.records_to_household: the member's default wallet for records that do not say one.
 * - household_members.notify_over: tell this member about other members' household expenses above this amount (in
 *   the household's currency); null = never.
 * - household_chats: Telegram group chats linked to a household; messages there record to it. One household per
 *   chat (the primary key); a household may have several groups.
 *
 * Existing rows are untouched: every record stays personal and every member keeps the personal default.
 */
export class HouseholdWallet1764402000000 implements MigrationInterface {
  name = 'HouseholdWallet1764402000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transactions ADD COLUMN household_id uuid`);
    await q.query(`
      ALTER TABLE transactions ADD CONSTRAINT fk_transactions_household
        FOREIGN KEY (household_id) REFERENCES households (id) ON DELETE SET NULL`);
    await q.query(`
      CREATE INDEX ix_transactions_household_occurred
        ON transactions (household_id, occurred_at DESC, created_at DESC) WHERE household_id IS NOT NULL`);

    await q.query(
      `ALTER TABLE household_members ADD COLUMN records_to_household boolean NOT NULL DEFAULT false`,
    );
    await q.query(`ALTER TABLE household_members ADD COLUMN notify_over numeric(15,2)`);
    await q.query(
      `ALTER TABLE household_members ADD CONSTRAINT ck_household_members_notify_over CHECK (notify_over > 0)`,
    );

    await q.query(`
      CREATE TABLE household_chats (
        chat_id bigint NOT NULL,
        household_id uuid NOT NULL,
        linked_by uuid NOT NULL,
        linked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_household_chats PRIMARY KEY (chat_id),
        CONSTRAINT fk_household_chats_household FOREIGN KEY (household_id) REFERENCES households (id) ON DELETE CASCADE,
        CONSTRAINT fk_household_chats_linked_by FOREIGN KEY (linked_by) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_household_chats_group CHECK (chat_id < 0)
      )`);
    await q.query(`CREATE INDEX ix_household_chats_household ON household_chats (household_id)`);
    await q.query(`CREATE INDEX ix_household_chats_linked_by ON household_chats (linked_by)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_chats`);
    await q.query(`ALTER TABLE household_members DROP CONSTRAINT ck_household_members_notify_over`);
    await q.query(`ALTER TABLE household_members DROP COLUMN notify_over`);
    await q.query(`ALTER TABLE household_members DROP COLUMN records_to_household`);
    await q.query(`DROP INDEX ix_transactions_household_occurred`);
    await q.query(`ALTER TABLE transactions DROP CONSTRAINT fk_transactions_household`);
    await q.query(`ALTER TABLE transactions DROP COLUMN household_id`);
  }
}
