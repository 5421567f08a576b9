import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The bot's offers to make a noticed pattern recurring (docs/recurring.md, "Noticing patterns"). UNIQUE (user_id,
 * type, description_key) — the folded description — so a pattern is offered once, across instances, and a "no"
 * (status declined) is remembered. The row keeps what the rule would be, so ✅ needs only the offer's id, and the
 * record that completed the pattern (transaction_id, its local month `paid_month`): ✅ marks that month's occurrence
 * as recorded by it, so the new rule does not ask for it again (unless the record was undone meanwhile).
 */
export class RecurringOffers1764402400000 implements MigrationInterface {
  name = 'RecurringOffers1764402400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recurring_offers (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        type varchar(7) NOT NULL,
        description_key varchar(500) NOT NULL,
        description varchar(500) NOT NULL,
        category varchar(64) NOT NULL,
        amount numeric(15,2) NOT NULL,
        currency char(3) NOT NULL,
        day smallint NOT NULL,
        wallet varchar(9) NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'offered',
        transaction_id uuid,
        paid_month date NOT NULL,
        recurring_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT pk_recurring_offers PRIMARY KEY (id),
        CONSTRAINT uq_recurring_offers_key UNIQUE (user_id, type, description_key),
        CONSTRAINT fk_recurring_offers_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_recurring_offers_transaction FOREIGN KEY (transaction_id) REFERENCES transactions (id) ON DELETE SET NULL,
        CONSTRAINT fk_recurring_offers_rule FOREIGN KEY (recurring_id) REFERENCES recurring_rules (id) ON DELETE SET NULL,
        CONSTRAINT ck_recurring_offers_type CHECK (type IN ('income', 'expense')),
        CONSTRAINT ck_recurring_offers_amount_positive CHECK (amount > 0),
        CONSTRAINT ck_recurring_offers_day CHECK (day >= 1 AND day <= 31),
        CONSTRAINT ck_recurring_offers_wallet CHECK (wallet IN ('personal', 'household')),
        CONSTRAINT ck_recurring_offers_status CHECK (status IN ('offered', 'accepted', 'declined'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recurring_offers`);
  }
}
