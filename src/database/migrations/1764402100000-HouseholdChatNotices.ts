import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Group chats (docs/households.md, "Group chats"): someone who is not a member of the household linked to a group
 * gets one polite reply there, then silence. household_chat_notices remembers who was told in which group (the
 * sender's Telegram id: they may have no account). Unlinking the group forgets them (ON DELETE CASCADE).
 */
export class HouseholdChatNotices1764402100000 implements MigrationInterface {
  name = 'HouseholdChatNotices1764402100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE household_chat_notices (
        chat_id bigint NOT NULL,
        telegram_user_id bigint NOT NULL,
        noticed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_household_chat_notices PRIMARY KEY (chat_id, telegram_user_id),
        CONSTRAINT fk_household_chat_notices_chat FOREIGN KEY (chat_id) REFERENCES household_chats (chat_id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_chat_notices`);
  }
}
