import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Money said for a later day ("завтра куплю билеты 800 тыс", "ertaga 100 ming to'lashim kerak"): never recorded as
 * today's expense; the bot offers a reminder for that day (docs/asides.md).
 *
 * - One row per message that said it: unique (user_id, source_update_id). The transactions it finally records are
 *   tied to that same update id (transactions.uq_transactions_source_update), so they are recorded once however
 *   often "Record" is pressed, on however many instances.
 * - items: the parsed items as the parse JSON shows them ({type, amount: "800000.00", currency, category,
 *   description, date}), 1 to 30 of them.
 * - status: offered (the question was shown) → scheduled (a reminder for remind_on) → sent (the reminder went out)
 *   → recorded | skipped; declined ("No"). The move scheduled → sent is the reminder's claim: one conditional
 *   UPDATE, so it goes out once with several instances ticking together.
 * - ix_planned_payments_due serves the reminder tick (scheduled rows by day).
 */
export class PlannedPayments1764401500000 implements MigrationInterface {
  name = 'PlannedPayments1764401500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE planned_payments (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        source_update_id bigint NOT NULL,
        source varchar(5) NOT NULL DEFAULT 'text',
        transcript text,
        items jsonb NOT NULL,
        planned_on date,
        remind_on date,
        status varchar(9) NOT NULL DEFAULT 'offered',
        sent_at timestamptz,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_planned_payments PRIMARY KEY (id),
        CONSTRAINT fk_planned_payments_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_planned_payments_update UNIQUE (user_id, source_update_id),
        CONSTRAINT ck_planned_payments_source CHECK (source IN ('text', 'voice')),
        CONSTRAINT ck_planned_payments_status CHECK (status IN ('offered', 'scheduled', 'sent', 'recorded', 'skipped', 'declined')),
        CONSTRAINT ck_planned_payments_items CHECK (jsonb_typeof(items) = 'array' AND jsonb_array_length(items) BETWEEN 1 AND 30),
        CONSTRAINT ck_planned_payments_remind_on CHECK (status NOT IN ('scheduled', 'sent') OR remind_on IS NOT NULL),
        CONSTRAINT ck_planned_payments_transcript_length CHECK (char_length(transcript) <= 4000)
      )`);
    await q.query(
      `CREATE INDEX ix_planned_payments_due ON planned_payments (remind_on) WHERE status = 'scheduled'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE planned_payments`);
  }
}
