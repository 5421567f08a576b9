import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Voice notes. Each voice/audio/video_note update becomes one voice_messages row (unique per user and update,
 * so a redelivered update cannot queue it twice); its id is also the id of its pg-boss job. The row carries the
 * processing state, the transcript and the reply worked out from it, so a retried job never transcribes, applies
 * or records twice (a retry after the reply was stored only sends it again). Transactions
 * recorded from a voice note keep the transcript they came from.
 */
export class VoiceMessages1764400700000 implements MigrationInterface {
  name = 'VoiceMessages1764400700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE voice_messages (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        update_id bigint NOT NULL,
        chat_id bigint NOT NULL,
        message_id bigint NOT NULL,
        kind varchar(10) NOT NULL,
        file_id varchar(255) NOT NULL,
        file_unique_id varchar(64) NOT NULL,
        mime_type varchar(64) NOT NULL,
        duration_seconds integer NOT NULL,
        file_size integer,
        sent_at timestamptz NOT NULL,
        status varchar(12) NOT NULL DEFAULT 'queued',
        transcript text,
        reply jsonb,
        error varchar(32),
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_voice_messages PRIMARY KEY (id),
        CONSTRAINT fk_voice_messages_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_voice_messages_update UNIQUE (user_id, update_id),
        CONSTRAINT ck_voice_messages_kind CHECK (kind IN ('voice', 'audio', 'video_note')),
        CONSTRAINT ck_voice_messages_status CHECK (status IN ('queued', 'transcribed', 'answered', 'done', 'failed')),
        CONSTRAINT ck_voice_messages_duration CHECK (duration_seconds >= 0),
        CONSTRAINT ck_voice_messages_transcript_length CHECK (char_length(transcript) <= 4000)
      )`);
    await q.query(`ALTER TABLE transactions ADD COLUMN transcript text`);
    await q.query(
      `ALTER TABLE transactions ADD CONSTRAINT ck_transactions_transcript_length CHECK (char_length(transcript) <= 4000)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE transactions DROP CONSTRAINT ck_transactions_transcript_length`);
    await q.query(`ALTER TABLE transactions DROP COLUMN transcript`);
    await q.query(`DROP TABLE voice_messages`);
  }
}
