import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Users' own categories. Default categories (docs/interface.md §6 keys) live in code; a custom category is referenced
 * from transactions.category as `custom:<id>`. Names are unique per user and type, ignoring case.
 */
export class Categories1764400200000 implements MigrationInterface {
  name = 'Categories1764400200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE categories (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        type varchar(7) NOT NULL,
        name varchar(64) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_categories PRIMARY KEY (id),
        CONSTRAINT fk_categories_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_categories_type CHECK (type IN ('income', 'expense')),
        CONSTRAINT ck_categories_name_not_blank CHECK (btrim(name) <> '')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_categories_user_type_name ON categories (user_id, type, lower(name))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE categories`);
  }
}
