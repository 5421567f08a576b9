import { MigrationInterface, QueryRunner } from 'typeorm';

/** The changed rows of each event, signed: +1 per new row, −1 (and a negated amount) per old row. */
const NEW_ROWS = `SELECT user_id, currency, type, amount, 1 AS n FROM new_rows`;
const OLD_ROWS = `SELECT user_id, currency, type, -amount AS amount, -1 AS n FROM old_rows`;
const ROWS = {
  insert: NEW_ROWS,
  update: `${NEW_ROWS} UNION ALL ${OLD_ROWS}`,
  delete: OLD_ROWS,
};

/**
 * Adds the statement's changes to user_balances: the UPDATE corrects rows that exist, the INSERT adds the ones
 * that do not (ON CONFLICT covers a concurrent first insert of the same currency). An update that changes none of
 * user_id, type, amount, currency nets to zero and writes nothing. A negative delta for a missing row only happens
 * while the user itself is being deleted (the cascade may remove their balances first): nothing to correct then.
 */
function applyDelta(rows: string): string {
  return `
    WITH delta AS (
      SELECT user_id, currency,
             COALESCE(SUM(amount) FILTER (WHERE type = 'income'), 0) AS income,
             COALESCE(SUM(amount) FILTER (WHERE type = 'expense'), 0) AS expense,
             SUM(n) AS n
        FROM (${rows}) r
       GROUP BY user_id, currency
    ),
    changed AS (
      UPDATE user_balances b
         SET income = b.income + d.income, expense = b.expense + d.expense, tx_count = b.tx_count + d.n
        FROM delta d
       WHERE b.user_id = d.user_id AND b.currency = d.currency AND (d.income <> 0 OR d.expense <> 0 OR d.n <> 0)
      RETURNING b.user_id, b.currency
    )
    INSERT INTO user_balances AS b (user_id, currency, income, expense, tx_count)
    SELECT d.user_id, d.currency, d.income, d.expense, d.n
      FROM delta d
     WHERE d.n > 0 AND NOT EXISTS (SELECT 1 FROM changed c WHERE c.user_id = d.user_id AND c.currency = d.currency)
    ON CONFLICT (user_id, currency) DO UPDATE
       SET income = b.income + EXCLUDED.income, expense = b.expense + EXCLUDED.expense, tx_count = b.tx_count + EXCLUDED.tx_count`;
}

/**
 * 1. user_balances: per user and currency, the sums of income and expense and the number of transactions,
 *    maintained by statement triggers on transactions (insert, update, delete; through transition tables) and
 *    backfilled here. /balance and GET /api/transactions/balance/ read it instead of summing every
 *    row, and the unfiltered transactions list takes its count from it, so both stay flat as a user's history grows.
 *    A currency whose last transaction is gone keeps a row with tx_count 0 (readers skip it): deleting rows from a
 *    trigger would race a concurrent insert of the same currency.
 * 2. exchange_rates: the Central Bank of Uzbekistan's rates, cached per the date the bank reports (UZS per
 *    `nominal` units, exact decimal text as published).
 */
export class UserBalancesAndExchangeRates1764400800000 implements MigrationInterface {
  name = 'UserBalancesAndExchangeRates1764400800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_balances (
        user_id uuid NOT NULL,
        currency char(3) NOT NULL,
        income numeric(24,2) NOT NULL DEFAULT 0,
        expense numeric(24,2) NOT NULL DEFAULT 0,
        tx_count bigint NOT NULL DEFAULT 0,
        CONSTRAINT pk_user_balances PRIMARY KEY (user_id, currency),
        CONSTRAINT fk_user_balances_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_user_balances_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_user_balances_income CHECK (income >= 0),
        CONSTRAINT ck_user_balances_expense CHECK (expense >= 0),
        CONSTRAINT ck_user_balances_tx_count CHECK (tx_count >= 0)
      )`);

    // Statement-level triggers with transition tables: one upsert per (user, currency) per statement, so a bulk
    // insert of 100,000 rows costs one aggregate rather than 100,000 updates of the same row.
    for (const [event, rows] of Object.entries(ROWS)) {
      await q.query(`CREATE FUNCTION user_balances_after_${event}() RETURNS trigger LANGUAGE plpgsql AS $fn$
        BEGIN
          ${applyDelta(rows)};
          RETURN NULL;
        END
        $fn$`);
    }
    await q.query(`CREATE TRIGGER trg_transactions_user_balances_insert AFTER INSERT ON transactions
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION user_balances_after_insert()`);
    await q.query(`CREATE TRIGGER trg_transactions_user_balances_update AFTER UPDATE ON transactions
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION user_balances_after_update()`);
    await q.query(`CREATE TRIGGER trg_transactions_user_balances_delete AFTER DELETE ON transactions
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION user_balances_after_delete()`);

    // Backfill under a lock that keeps writers out until this migration commits (the trigger is already in place).
    await q.query(`LOCK TABLE transactions IN SHARE ROW EXCLUSIVE MODE`);
    await q.query(`
      INSERT INTO user_balances (user_id, currency, income, expense, tx_count)
      SELECT user_id, currency,
             COALESCE(SUM(amount) FILTER (WHERE type = 'income'), 0),
             COALESCE(SUM(amount) FILTER (WHERE type = 'expense'), 0),
             COUNT(*)
        FROM transactions
       GROUP BY user_id, currency`);

    await q.query(`
      CREATE TABLE exchange_rates (
        rate_date date NOT NULL,
        currency char(3) NOT NULL,
        rate numeric(20,8) NOT NULL,
        nominal integer NOT NULL DEFAULT 1,
        fetched_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_exchange_rates PRIMARY KEY (rate_date, currency),
        CONSTRAINT ck_exchange_rates_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_exchange_rates_rate_positive CHECK (rate > 0),
        CONSTRAINT ck_exchange_rates_nominal_positive CHECK (nominal > 0)
      )`);
    await q.query(
      `CREATE INDEX ix_exchange_rates_currency_date ON exchange_rates (currency, rate_date DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_exchange_rates_currency_date`);
    await q.query(`DROP TABLE exchange_rates`);
    for (const event of Object.keys(ROWS)) {
      await q.query(`DROP TRIGGER trg_transactions_user_balances_${event} ON transactions`);
      await q.query(`DROP FUNCTION user_balances_after_${event}()`);
    }
    await q.query(`DROP TABLE user_balances`);
  }
}
