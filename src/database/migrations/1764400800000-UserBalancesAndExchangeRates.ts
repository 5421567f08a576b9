import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 1. user_balances: per user and currency, the sums of income and expense and the number of transactions,
 *    maintained by a row trigger on transactions (insert, delete, and an update that changes user_id, type, amount
 *    or currency) and backfilled here. /balance and GET /api/transactions/balance/ read it instead of summing every
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

    await q.query(`
      CREATE FUNCTION user_balances_apply() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.user_id = NEW.user_id AND OLD.type = NEW.type AND OLD.amount = NEW.amount
           AND OLD.currency = NEW.currency THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          -- The row exists: the old transaction was counted in it. (When the user itself is being deleted the
          -- cascade may have removed it already; then there is nothing to correct.)
          UPDATE user_balances
             SET income = income - CASE WHEN OLD.type = 'income' THEN OLD.amount ELSE 0 END,
                 expense = expense - CASE WHEN OLD.type = 'expense' THEN OLD.amount ELSE 0 END,
                 tx_count = tx_count - 1
           WHERE user_id = OLD.user_id AND currency = OLD.currency;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO user_balances AS b (user_id, currency, income, expense, tx_count)
          VALUES (NEW.user_id, NEW.currency,
                  CASE WHEN NEW.type = 'income' THEN NEW.amount ELSE 0 END,
                  CASE WHEN NEW.type = 'expense' THEN NEW.amount ELSE 0 END,
                  1)
          ON CONFLICT (user_id, currency) DO UPDATE
             SET income = b.income + EXCLUDED.income,
                 expense = b.expense + EXCLUDED.expense,
                 tx_count = b.tx_count + 1;
        END IF;
        RETURN NULL;
      END
      $fn$`);
    await q.query(`
      CREATE TRIGGER trg_transactions_user_balances
      AFTER INSERT OR DELETE OR UPDATE OF user_id, type, amount, currency ON transactions
      FOR EACH ROW EXECUTE FUNCTION user_balances_apply()`);

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
    await q.query(`CREATE INDEX ix_exchange_rates_currency_date ON exchange_rates (currency, rate_date DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ix_exchange_rates_currency_date`);
    await q.query(`DROP TABLE exchange_rates`);
    await q.query(`DROP TRIGGER trg_transactions_user_balances ON transactions`);
    await q.query(`DROP FUNCTION user_balances_apply()`);
    await q.query(`DROP TABLE user_balances`);
  }
}
