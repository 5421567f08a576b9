import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * message_links: what a user's Telegram message did, so that an edit of the message can follow it
 * (docs/message-edits.md). One row per message (user, chat, message_id) that recorded transactions (`records`) or
 * did something else that must not be repeated by an edit (`action`: a goal, a debt, an undo). Messages that only
 * got an answer have no row: their edits are read as new messages.
 *
 * - update_id: the update whose id the message's transactions carry (transactions.source_update_id); the ↩️/🏷
 *   buttons under the bot's reply address the same id.
 * - items: for `records`, one {type, category} per item slot (source_item 0, 1, …) as the text gave it; a slot
 *   without its row was undone. The category the text gave tells a category chosen with the button from it.
 * - reply_message_id: the bot's reply, edited in place when the message is edited (null: the send failed).
 * - last_update_id: the newest update applied (the message or an edit); an older edit arriving late is ignored.
 * Written once when the reply is sent (INSERT … ON CONFLICT), changed by an edit in the transaction that changes
 * the rows.
 */
export class MessageLinks1764401200000 implements MigrationInterface {
  name = 'MessageLinks1764401200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE message_links (
        user_id uuid NOT NULL,
        chat_id bigint NOT NULL,
        message_id bigint NOT NULL,
        update_id bigint NOT NULL,
        kind varchar(7) NOT NULL,
        items jsonb NOT NULL DEFAULT '[]'::jsonb,
        reply_message_id bigint,
        last_update_id bigint NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_message_links PRIMARY KEY (user_id, chat_id, message_id),
        CONSTRAINT fk_message_links_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_message_links_kind CHECK (kind IN ('records', 'action')),
        CONSTRAINT ck_message_links_items CHECK (jsonb_typeof(items) = 'array' AND (kind = 'records' OR items = '[]'::jsonb)),
        CONSTRAINT ck_message_links_message_id CHECK (message_id > 0),
        CONSTRAINT ck_message_links_reply_message_id CHECK (reply_message_id > 0),
        CONSTRAINT ck_message_links_last_update CHECK (last_update_id >= update_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE message_links`);
  }
}
