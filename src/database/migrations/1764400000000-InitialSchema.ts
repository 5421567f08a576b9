import { MigrationInterface, QueryRunner } from 'typeorm';

/** Users, bot sessions, auth tokens and codes, the webhook duplicate guard, transactions. */
export class InitialSchema1764400000000 implements MigrationInterface {
  name = 'InitialSchema1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        telegram_chat_id bigint NOT NULL,
        phone_number varchar(16),
        first_name varchar(255) NOT NULL DEFAULT '',
        last_name varchar(255) NOT NULL DEFAULT '',
        username varchar(64),
        language varchar(2) NOT NULL DEFAULT 'ru',
        currency char(3) NOT NULL DEFAULT 'UZS',
        timezone varchar(64) NOT NULL DEFAULT 'Asia/Tashkent',
        is_active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_users PRIMARY KEY (id),
        CONSTRAINT uq_users_telegram_chat_id UNIQUE (telegram_chat_id),
        CONSTRAINT uq_users_phone_number UNIQUE (phone_number),
        CONSTRAINT ck_users_chat_id_positive CHECK (telegram_chat_id > 0),
        CONSTRAINT ck_users_phone_e164 CHECK (phone_number IS NULL OR phone_number ~ '^\\+[1-9][0-9]{6,14}$'),
        CONSTRAINT ck_users_language CHECK (language IN ('ru', 'uz', 'en')),
        CONSTRAINT ck_users_currency CHECK (currency IN ('UZS', 'USD', 'RUB', 'EUR'))
      )`);

    await q.query(`
      CREATE TABLE bot_sessions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        is_active boolean NOT NULL DEFAULT true,
        state jsonb,
        started_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        CONSTRAINT pk_bot_sessions PRIMARY KEY (id),
        CONSTRAINT fk_bot_sessions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_bot_sessions_one_active ON bot_sessions (user_id) WHERE is_active`);

    await q.query(`
      CREATE TABLE refresh_tokens (
        jti uuid NOT NULL,
        family_id uuid NOT NULL,
        user_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        replaced_by uuid,
        CONSTRAINT pk_refresh_tokens PRIMARY KEY (jti),
        CONSTRAINT fk_refresh_tokens_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_refresh_tokens_family ON refresh_tokens (family_id)`);
    await q.query(`CREATE INDEX ix_refresh_tokens_user ON refresh_tokens (user_id)`);

    await q.query(`
      CREATE TABLE login_codes (
        code_hash char(64) NOT NULL,
        user_id uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_login_codes PRIMARY KEY (code_hash),
        CONSTRAINT fk_login_codes_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX ix_login_codes_user ON login_codes (user_id)`);

    await q.query(`
      CREATE TABLE processed_updates (
        update_id bigint NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'processing',
        attempts integer NOT NULL DEFAULT 1,
        received_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT pk_processed_updates PRIMARY KEY (update_id),
        CONSTRAINT ck_processed_updates_status CHECK (status IN ('processing', 'done', 'failed'))
      )`);

    await q.query(`
      CREATE TABLE transactions (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        type varchar(7) NOT NULL,
        amount numeric(15, 2) NOT NULL,
        currency char(3) NOT NULL,
        category varchar(64) NOT NULL DEFAULT 'other',
        description varchar(500) NOT NULL DEFAULT '',
        occurred_at timestamptz NOT NULL DEFAULT now(),
        source varchar(5) NOT NULL DEFAULT 'api',
        source_update_id bigint,
        source_item smallint NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_transactions PRIMARY KEY (id),
        CONSTRAINT fk_transactions_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_transactions_type CHECK (type IN ('income', 'expense')),
        CONSTRAINT ck_transactions_amount_positive CHECK (amount > 0),
        CONSTRAINT ck_transactions_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_transactions_source CHECK (source IN ('text', 'voice', 'api')),
        CONSTRAINT uq_transactions_source_update UNIQUE (source_update_id, source_item)
      )`);
    await q.query(
      `CREATE INDEX ix_transactions_user_occurred ON transactions (user_id, occurred_at DESC, created_at DESC)`,
    );
    await q.query(`CREATE INDEX ix_transactions_user_currency ON transactions (user_id, currency)`);
    await q.query(`CREATE INDEX ix_transactions_user_category ON transactions (user_id, category)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE transactions`);
    await q.query(`DROP TABLE processed_updates`);
    await q.query(`DROP TABLE login_codes`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE bot_sessions`);
    await q.query(`DROP TABLE users`);
  }
}
