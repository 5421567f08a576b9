import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Budgets (docs/budgets.md): a spending limit per category (or on everything) for a month or a week, in a person's
 * own wallet or their household's.
 *
 * - budgets.user_id is who set it (personal: the owner; household: the member who created it). household_id set: a
 *   household budget, seen and changed by every member; it goes with the household (ON DELETE CASCADE).
 * - One budget per (owner or household, category, period): two partial unique indexes, the null category ("all
 *   spending") written as '' so that it is unique too.
 * - budget_alerts: the 80% / 100% warnings already sent, one row per (budget, period start, threshold). A warning is
 *   claimed by INSERT … ON CONFLICT DO NOTHING RETURNING before it is sent, so it goes out once across instances and
 *   restarts. user_id is the budget's user_id, so the erasure removes both together.
 */
export class Budgets1764402200000 implements MigrationInterface {
  name = 'Budgets1764402200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE budgets (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        household_id uuid,
        category varchar(64),
        amount numeric(15,2) NOT NULL,
        currency char(3) NOT NULL,
        period varchar(5) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_budgets PRIMARY KEY (id),
        CONSTRAINT fk_budgets_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT fk_budgets_household FOREIGN KEY (household_id) REFERENCES households (id) ON DELETE CASCADE,
        CONSTRAINT ck_budgets_amount_positive CHECK (amount > 0),
        CONSTRAINT ck_budgets_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_budgets_period CHECK (period IN ('month', 'week')),
        CONSTRAINT ck_budgets_category_not_blank CHECK (btrim(category) <> '')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_budgets_personal ON budgets (user_id, (COALESCE(category, '')), period) WHERE household_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX uq_budgets_household ON budgets (household_id, (COALESCE(category, '')), period) WHERE household_id IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE budget_alerts (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        budget_id uuid NOT NULL,
        user_id uuid NOT NULL,
        period_start date NOT NULL,
        threshold smallint NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_budget_alerts PRIMARY KEY (id),
        CONSTRAINT uq_budget_alerts_once UNIQUE (budget_id, period_start, threshold),
        CONSTRAINT fk_budget_alerts_budget FOREIGN KEY (budget_id) REFERENCES budgets (id) ON DELETE CASCADE,
        CONSTRAINT fk_budget_alerts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_budget_alerts_threshold CHECK (threshold IN (80, 100))
      )`);
    await q.query(`CREATE INDEX ix_budget_alerts_user ON budget_alerts (user_id, sent_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_alerts`);
    await q.query(`DROP TABLE budgets`);
  }
}
