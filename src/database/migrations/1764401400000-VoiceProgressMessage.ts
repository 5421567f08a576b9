import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The "🎙 still trying…" message of a voice note whose recognition takes long or failed once (docs/operations.md,
 * "Voice notes when speech-to-text is down"). At most one per note, whatever the retries: an attempt claims it
 * (progress_claimed_at, set only while NULL) before sending, then stores the id Telegram gave it, which the final
 * answer edits. A claim without an id means the message may or may not have arrived (a crash or a lost answer
 * between sending and storing): it is never sent again, and the answer is sent as a new message.
 */
export class VoiceProgressMessage1764401400000 implements MigrationInterface {
  name = 'VoiceProgressMessage1764401400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE voice_messages ADD COLUMN progress_claimed_at timestamptz, ADD COLUMN progress_message_id bigint`,
    );
    await q.query(
      `ALTER TABLE voice_messages ADD CONSTRAINT ck_voice_messages_progress_claimed CHECK (progress_message_id IS NULL OR progress_claimed_at IS NOT NULL)`,
    );
    await q.query(
      `ALTER TABLE voice_messages ADD CONSTRAINT ck_voice_messages_progress_message_id CHECK (progress_message_id > 0)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE voice_messages DROP CONSTRAINT ck_voice_messages_progress_message_id`);
    await q.query(`ALTER TABLE voice_messages DROP CONSTRAINT ck_voice_messages_progress_claimed`);
    await q.query(
      `ALTER TABLE voice_messages DROP COLUMN progress_message_id, DROP COLUMN progress_claimed_at`,
    );
  }
}
