import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forwarded card notifications (docs/card-notifications.md).
 *
 * - transactions.external_ref: the notification's fingerprint (card + timestamp + amount + direction). A partial
 *   unique index per user makes a second forward of the same notification a no-op (INSERT … ON CONFLICT DO NOTHING),
 *   also when two forwards race.
 * - transactions.card_last4: the user's card the row came from; a reversal (OTMENA) looks up the matching earlier
 *   record by card, amount and merchant, nearest first (ix_transactions_user_card).
 * - user_cards: the last four digits of the user's own cards, so a transfer receipt between two cards is asked about
 *   once per card.
 * - card_transfer_questions: a transfer receipt waiting for "which card is yours?", one per receipt update; the
 *   answer (a button carrying that update id) records it and deletes the row.
 */
export class CardNotifications1764401100000 implements MigrationInterface {
  name = 'CardNotifications1764401100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transactions ADD COLUMN external_ref varchar(100)`);
    await q.query(`ALTER TABLE transactions ADD COLUMN card_last4 char(4)`);
    await q.query(
      `ALTER TABLE transactions ADD CONSTRAINT ck_transactions_external_ref CHECK (char_length(btrim(external_ref)) > 0)`,
    );
    await q.query(
      `ALTER TABLE transactions ADD CONSTRAINT ck_transactions_card_last4 CHECK (card_last4 ~ '^[0-9]{4}$')`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_transactions_user_external_ref ON transactions (user_id, external_ref) WHERE external_ref IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX ix_transactions_user_card ON transactions (user_id, card_last4, occurred_at DESC) WHERE card_last4 IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE user_cards (
        user_id uuid NOT NULL,
        last4 char(4) NOT NULL,
        source varchar(12) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_user_cards PRIMARY KEY (user_id, last4),
        CONSTRAINT fk_user_cards_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_user_cards_last4 CHECK (last4 ~ '^[0-9]{4}$'),
        CONSTRAINT ck_user_cards_source CHECK (source IN ('notification', 'answer'))
      )`);

    await q.query(`
      CREATE TABLE card_transfer_questions (
        user_id uuid NOT NULL,
        update_id bigint NOT NULL,
        sender_card char(4) NOT NULL,
        receiver_card char(4) NOT NULL,
        sender_name varchar(120) NOT NULL DEFAULT '',
        receiver_name varchar(120) NOT NULL DEFAULT '',
        amount numeric(15,2) NOT NULL,
        currency char(3) NOT NULL,
        occurred_at timestamptz NOT NULL,
        external_ref varchar(100) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_card_transfer_questions PRIMARY KEY (user_id, update_id),
        CONSTRAINT fk_card_transfer_questions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_card_transfer_questions_cards CHECK (sender_card ~ '^[0-9]{4}$' AND receiver_card ~ '^[0-9]{4}$' AND sender_card <> receiver_card),
        CONSTRAINT ck_card_transfer_questions_amount_positive CHECK (amount > 0),
        CONSTRAINT ck_card_transfer_questions_currency CHECK (currency ~ '^[A-Z]{3}$')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE card_transfer_questions`);
    await q.query(`DROP TABLE user_cards`);
    await q.query(`DROP INDEX ix_transactions_user_card`);
    await q.query(`DROP INDEX uq_transactions_user_external_ref`);
    await q.query(`ALTER TABLE transactions DROP CONSTRAINT ck_transactions_card_last4`);
    await q.query(`ALTER TABLE transactions DROP CONSTRAINT ck_transactions_external_ref`);
    await q.query(`ALTER TABLE transactions DROP COLUMN card_last4`);
    await q.query(`ALTER TABLE transactions DROP COLUMN external_ref`);
  }
}
