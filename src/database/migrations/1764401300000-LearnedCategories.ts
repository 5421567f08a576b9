import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Categories learned from the user's corrections (docs/learning.md): when a user moves a record to another
 * category, the key word of its description (folded as the parser folds words, src/modules/nlu/keywords.ts) is
 * remembered with that category, per transaction type, and used before the parser's category next time.
 *
 * - One rule per (user, type, keyword): a later correction of the same word replaces the category
 *   (INSERT … ON CONFLICT ON CONSTRAINT uq_learned_categories_user_type_keyword DO UPDATE).
 * - category is a key as transactions.category holds it: a default key or `custom:<uuid>` (a user's own category
 *   deletes its rules together with itself, in CategoriesService.remove).
 * - The unique index serves the one query per message (user_id = $1) and the list.
 */
export class LearnedCategories1764401300000 implements MigrationInterface {
  name = 'LearnedCategories1764401300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE learned_categories (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        type varchar(7) NOT NULL,
        keyword varchar(64) NOT NULL,
        category varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_learned_categories PRIMARY KEY (id),
        CONSTRAINT fk_learned_categories_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT uq_learned_categories_user_type_keyword UNIQUE (user_id, type, keyword),
        CONSTRAINT ck_learned_categories_type CHECK (type IN ('income', 'expense')),
        CONSTRAINT ck_learned_categories_keyword CHECK (char_length(keyword) >= 2 AND keyword !~ '\\s'),
        CONSTRAINT ck_learned_categories_category CHECK (category ~ '^([a-z_]{1,32}|custom:[0-9a-f-]{36})$')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE learned_categories`);
  }
}
