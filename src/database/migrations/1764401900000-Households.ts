import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Households (docs/households.md): a family's shared wallet, its members and its invite links.
 *
 * - household_members.user_id is the primary key: a person belongs to at most one household, also under races
 *   (two joins at once: the second INSERT fails on the key).
 * - households.owner_id is the owner; the owner's member row says role = 'owner'. Both change together in one
 *   transaction (HouseholdsRepository).
 * - household_invites keeps only the SHA-256 of a token (the token itself is shown once, to its creator). A token is
 *   claimed by one UPDATE … WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > now(): single-use under races.
 * - Every reference to users cascades (the erasure deletes users rows; docs/interface.md, privacy). An owner's
 *   erasure first hands ownership over (HouseholdsService.handOverBeforeErasure), so the cascade on owner_id only
 *   removes a household nobody else is in.
 */
export class Households1764401900000 implements MigrationInterface {
  name = 'Households1764401900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE households (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        currency char(3) NOT NULL,
        owner_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_households PRIMARY KEY (id),
        CONSTRAINT fk_households_owner FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_households_currency CHECK (currency ~ '^[A-Z]{3}$'),
        CONSTRAINT ck_households_name_not_blank CHECK (btrim(name) <> '')
      )`);
    await q.query(`CREATE INDEX ix_households_owner ON households (owner_id)`);

    await q.query(`
      CREATE TABLE household_members (
        user_id uuid NOT NULL,
        household_id uuid NOT NULL,
        role varchar(6) NOT NULL DEFAULT 'member',
        joined_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_household_members PRIMARY KEY (user_id),
        CONSTRAINT fk_household_members_household FOREIGN KEY (household_id) REFERENCES households (id) ON DELETE CASCADE,
        CONSTRAINT fk_household_members_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ck_household_members_role CHECK (role IN ('owner', 'member'))
      )`);
    await q.query(
      `CREATE INDEX ix_household_members_household ON household_members (household_id, joined_at, user_id)`,
    );

    await q.query(`
      CREATE TABLE household_invites (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL,
        household_id uuid NOT NULL,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        CONSTRAINT pk_household_invites PRIMARY KEY (id),
        CONSTRAINT uq_household_invites_token_hash UNIQUE (token_hash),
        CONSTRAINT fk_household_invites_household FOREIGN KEY (household_id) REFERENCES households (id) ON DELETE CASCADE,
        CONSTRAINT fk_household_invites_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(
      `CREATE INDEX ix_household_invites_household ON household_invites (household_id, created_at)`,
    );
    await q.query(
      `CREATE INDEX ix_household_invites_created_by ON household_invites (created_by, created_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE household_invites`);
    await q.query(`DROP TABLE household_members`);
    await q.query(`DROP TABLE households`);
  }
}
