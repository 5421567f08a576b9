import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Recurring payments and incomes (docs/recurring.md). recurring_rules: what repeats and when; recurring_occurrences:
 * one row per occurrence handled (asked about, recorded, skipped, failed), UNIQUE (recurring_id, occurrence_date) —
 * the key claimed before anything is sent or recorded, so an occurrence is handled once across instances and restarts.
 */
export class Recurring1764402300000 implements MigrationInterface {
  name = 'Recurring1764402300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recurring_rules (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        type varchar(7) NOT NULL,
        amount numeric(15,2) NOT NULL,
        currency char(3) NOT NULL,
        category varchar(64) NOT NULL DEFAULT 'other',
        description varchar(500) NOT NULL DEFAULT '',
        every varchar(5) NOT NULL,
        day smallint NOT NULL,
        auto boolean NOT NULL DEFAULT false,
        wallet varchar(9) NOT NULL DEFAULT 'personal',
        paused boolean NOT NULL DEFAULT false,
        starts_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_recurring_rules PRIMARY KEY (id),
        CONSTRAINT fk_recurring_rules_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_recurring_rules_type CHECK (type IN ('income', 'expense')),
        CONSTRAINT ck_recurring_rules_amount_positive CHECK (amount > 0),
        CONSTRAINT ck_recurring_rules_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_recurring_rules_every CHECK (every IN ('month', 'week')),
        CONSTRAINT ck_recurring_rules_day CHECK (day >= 1 AND day <= CASE WHEN every = 'month' THEN 31 ELSE 7 END),
        CONSTRAINT ck_recurring_rules_wallet CHECK (wallet IN ('personal', 'household'))
      )`);
    await q.query(`CREATE INDEX ix_recurring_rules_user ON recurring_rules (user_id, created_at)`);
    await q.query(`
      CREATE TABLE recurring_occurrences (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        recurring_id uuid NOT NULL,
        user_id uuid NOT NULL,
        occurrence_date date NOT NULL,
        status varchar(8) NOT NULL,
        amount numeric(15,2),
        transaction_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        CONSTRAINT pk_recurring_occurrences PRIMARY KEY (id),
        CONSTRAINT uq_recurring_occurrences_key UNIQUE (recurring_id, occurrence_date),
        CONSTRAINT fk_recurring_occurrences_rule FOREIGN KEY (recurring_id) REFERENCES recurring_rules (id) ON DELETE CASCADE,
        CONSTRAINT fk_recurring_occurrences_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_recurring_occurrences_status CHECK (status IN ('asked', 'recorded', 'skipped', 'failed'))
      )`);
    await q.query(
      `CREATE INDEX ix_recurring_occurrences_user ON recurring_occurrences (user_id, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE recurring_occurrences`);
    await q.query(`DROP TABLE recurring_rules`);
  }
}
