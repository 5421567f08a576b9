import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Savings goals, debts (lent / borrowed) and reminders.
 *
 * - goals.saved_amount is kept on the row and changed only by one atomic UPDATE (saved_amount = saved_amount + x),
 *   so concurrent contributions never lose money; a goal reaching its target is marked completed in that same UPDATE.
 * - debts.repaid_amount likewise; CHECK repaid_amount <= amount makes an over-repayment impossible even under races.
 * - users.daily_reminder / reminder_time: the optional "nothing recorded today" nudge, at a local time of day.
 * - sent_reminders: one row per reminder ever sent (user, kind, key); the unique key is what makes a reminder go out
 *   exactly once, also with several app instances ticking at the same moment (INSERT … ON CONFLICT DO NOTHING).
 */
export class GoalsDebtsReminders1764401000000 implements MigrationInterface {
  name = 'GoalsDebtsReminders1764401000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE goals (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        title varchar(100) NOT NULL,
        target_amount numeric(15,2) NOT NULL,
        saved_amount numeric(15,2) NOT NULL DEFAULT 0,
        currency char(3) NOT NULL,
        deadline date,
        status varchar(9) NOT NULL DEFAULT 'active',
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_goals PRIMARY KEY (id),
        CONSTRAINT fk_goals_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_goals_target_positive CHECK (target_amount > 0),
        CONSTRAINT ck_goals_saved_not_negative CHECK (saved_amount >= 0),
        CONSTRAINT ck_goals_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_goals_status CHECK (status IN ('active', 'completed')),
        CONSTRAINT ck_goals_title_not_blank CHECK (btrim(title) <> '')
      )`);
    await q.query(`CREATE INDEX ix_goals_user_status ON goals (user_id, status, created_at)`);

    await q.query(`
      CREATE TABLE debts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        direction varchar(8) NOT NULL,
        counterparty varchar(100) NOT NULL,
        amount numeric(15,2) NOT NULL,
        repaid_amount numeric(15,2) NOT NULL DEFAULT 0,
        currency char(3) NOT NULL,
        due_date date,
        status varchar(6) NOT NULL DEFAULT 'open',
        description varchar(500) NOT NULL DEFAULT '',
        closed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_debts PRIMARY KEY (id),
        CONSTRAINT fk_debts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_debts_direction CHECK (direction IN ('lent', 'borrowed')),
        CONSTRAINT ck_debts_amount_positive CHECK (amount > 0),
        CONSTRAINT ck_debts_repaid_range CHECK (repaid_amount >= 0 AND repaid_amount <= amount),
        CONSTRAINT ck_debts_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_debts_status CHECK (status IN ('open', 'closed')),
        CONSTRAINT ck_debts_counterparty_not_blank CHECK (btrim(counterparty) <> '')
      )`);
    await q.query(`CREATE INDEX ix_debts_user_status ON debts (user_id, status, created_at)`);
    await q.query(
      `CREATE INDEX ix_debts_open_due ON debts (due_date) WHERE status = 'open' AND due_date IS NOT NULL`,
    );

    await q.query(`ALTER TABLE users ADD COLUMN daily_reminder boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE users ADD COLUMN reminder_time varchar(5) NOT NULL DEFAULT '21:00'`);
    await q.query(
      `ALTER TABLE users ADD CONSTRAINT ck_users_reminder_time CHECK (reminder_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$')`,
    );

    await q.query(`
      CREATE TABLE sent_reminders (
        id bigint GENERATED ALWAYS AS IDENTITY,
        user_id uuid NOT NULL,
        kind varchar(16) NOT NULL,
        reminder_key varchar(100) NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_sent_reminders PRIMARY KEY (id),
        CONSTRAINT fk_sent_reminders_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_sent_reminders_kind CHECK (kind IN ('debt_due', 'daily')),
        CONSTRAINT uq_sent_reminders_key UNIQUE (user_id, kind, reminder_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sent_reminders`);
    await q.query(`ALTER TABLE users DROP CONSTRAINT ck_users_reminder_time`);
    await q.query(`ALTER TABLE users DROP COLUMN reminder_time`);
    await q.query(`ALTER TABLE users DROP COLUMN daily_reminder`);
    await q.query(`DROP TABLE debts`);
    await q.query(`DROP TABLE goals`);
  }
}
