import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { parseDbDecimal, toDecimalString } from '../../common/money';
import { queryReturning } from '../../database/returning';
import { Household, HouseholdRole } from './household.entity';
import { INVITE_LIFETIME_HOURS } from './households.rules';

/** A member as the API shows them: their first name comes from users. */
export interface MemberRow {
  userId: string;
  firstName: string;
  role: HouseholdRole;
  joinedAt: Date;
}

/** A membership as the household wallet needs it (transactions: who sees and changes which records). */
export interface WalletMembership {
  householdId: string;
  role: HouseholdRole;
  /** The member's default wallet for records that do not name one. */
  recordsToHousehold: boolean;
}

/** A household's members who asked to hear of expenses over an amount (household currency). */
export interface ExpenseWatchers {
  name: string;
  currency: string;
  watchers: Array<{ userId: string; over: bigint }>;
}

/** Why an invite token could not be claimed. */
export type InviteState = 'unknown' | 'expired' | 'used' | 'revoked';

/** A member's own settings (migration 1764402000000). */
export interface MemberSettings {
  /** The default wallet of records that name none: true = the household's. */
  recordsToHousehold: boolean;
  /** Tell this member about other members' household expenses above this amount (minor units); null = never. */
  notifyOver: bigint | null;
}

/** An invite as its link shows it, before anyone claims it. */
export interface InvitePeek {
  householdName: string;
  inviterFirstName: string;
  /** 'valid': it can be claimed now. */
  state: 'valid' | Exclude<InviteState, 'unknown'>;
}

type Row = Record<string, unknown>;

function householdOf(row: Row): Household {
  const h = new Household();
  h.id = row.id as string;
  h.name = row.name as string;
  h.currency = row.currency as string;
  h.ownerId = row.owner_id as string;
  h.createdAt = new Date(row.created_at as string);
  h.updatedAt = new Date(row.updated_at as string);
  return h;
}

const HOUSEHOLD_COLUMNS = 'id, name, currency, owner_id, created_at, updated_at';

/**
 * All SQL about households. Every statement names the household or the user it is about; who may do what is the
 * service's business (it reads the caller's membership on every request).
 */
@Injectable()
export class HouseholdsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** The household the user belongs to and their role in it, or null. */
  async membershipOf(
    userId: string,
    em: EntityManager = this.db.manager,
    lock = false,
  ): Promise<({ household: Household; role: HouseholdRole } & MemberSettings) | null> {
    const rows: Row[] = await em.query(
      `SELECT h.id, h.name, h.currency, h.owner_id, h.created_at, h.updated_at, m.role,
              m.records_to_household, m.notify_over::text AS notify_over
         FROM household_members m JOIN households h ON h.id = m.household_id
        WHERE m.user_id = $1${lock ? ' FOR UPDATE OF h' : ''}`,
      [userId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      household: householdOf(r),
      role: r.role as HouseholdRole,
      recordsToHousehold: r.records_to_household === true,
      notifyOver:
        r.notify_over === null || r.notify_over === undefined ? null : parseDbDecimal(String(r.notify_over)),
    };
  }

  /** Sets the member's default wallet; false when the user is in no household. */
  async setRecordsToHousehold(userId: string, on: boolean): Promise<boolean> {
    const rows = await queryReturning<Row>(
      this.db.manager,
      `UPDATE household_members SET records_to_household = $2 WHERE user_id = $1 RETURNING user_id`,
      [userId, on],
    );
    return rows.length > 0;
  }

  /** Sets (or, with null, clears) the member's notification threshold; false when the user is in no household. */
  async setNotifyOver(userId: string, amountMinor: bigint | null): Promise<boolean> {
    const rows = await queryReturning<Row>(
      this.db.manager,
      `UPDATE household_members SET notify_over = $2::numeric WHERE user_id = $1 RETURNING user_id`,
      [userId, amountMinor === null ? null : toDecimalString(amountMinor)],
    );
    return rows.length > 0;
  }

  /** The invite with this token hash as its link shows it (not claimed), or null when there is none. */
  async peekInvite(tokenHash: string): Promise<InvitePeek | null> {
    const rows: Row[] = await this.db.query(
      `SELECT h.name AS household_name, u.first_name AS inviter_first_name,
              i.used_at IS NOT NULL AS used, i.revoked_at IS NOT NULL AS revoked, i.expires_at <= now() AS expired
         FROM household_invites i
         JOIN households h ON h.id = i.household_id
         JOIN users u ON u.id = i.created_by
        WHERE i.token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return null;
    const state = r.revoked ? 'revoked' : r.used ? 'used' : r.expired ? 'expired' : 'valid';
    return {
      householdName: r.household_name as string,
      inviterFirstName: r.inviter_first_name as string,
      state,
    };
  }

  /** Oldest member first (the owner who created it is the oldest until ownership moves). */
  async members(householdId: string, em: EntityManager = this.db.manager): Promise<MemberRow[]> {
    const rows: Row[] = await em.query(
      `SELECT m.user_id, u.first_name, m.role, m.joined_at
         FROM household_members m JOIN users u ON u.id = m.user_id
        WHERE m.household_id = $1
        ORDER BY m.joined_at, m.user_id`,
      [householdId],
    );
    return rows.map((r) => ({
      userId: r.user_id as string,
      firstName: r.first_name as string,
      role: r.role as HouseholdRole,
      joinedAt: new Date(r.joined_at as string),
    }));
  }

  /** A new household with its owner as first member (one transaction; a second membership fails on the key). */
  async create(em: EntityManager, ownerId: string, name: string, currency: string): Promise<Household> {
    const rows: Row[] = await em.query(
      `INSERT INTO households (name, currency, owner_id) VALUES ($1, $2, $3) RETURNING ${HOUSEHOLD_COLUMNS}`,
      [name, currency, ownerId],
    );
    await this.addMember(em, rows[0].id as string, ownerId, 'owner');
    return householdOf(rows[0]);
  }

  async addMember(
    em: EntityManager,
    householdId: string,
    userId: string,
    role: HouseholdRole,
  ): Promise<void> {
    await em.query(`INSERT INTO household_members (household_id, user_id, role) VALUES ($1, $2, $3)`, [
      householdId,
      userId,
      role,
    ]);
  }

  async update(householdId: string, changes: { name?: string; currency?: string }): Promise<void> {
    await this.db.query(
      `UPDATE households SET name = COALESCE($2, name), currency = COALESCE($3, currency), updated_at = now() WHERE id = $1`,
      [householdId, changes.name ?? null, changes.currency ?? null],
    );
  }

  /** True when the user was a member of this household (and is no longer). */
  async removeMember(
    householdId: string,
    userId: string,
    em: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const rows = await queryReturning<Row>(
      em,
      `DELETE FROM household_members WHERE household_id = $1 AND user_id = $2 RETURNING user_id`,
      [householdId, userId],
    );
    return rows.length > 0;
  }

  /** Moves ownership to a member of the same household (in the caller's transaction). */
  async transfer(em: EntityManager, householdId: string, toUserId: string): Promise<void> {
    await em.query(
      `UPDATE household_members SET role = 'member' WHERE household_id = $1 AND role = 'owner'`,
      [householdId],
    );
    await em.query(`UPDATE household_members SET role = 'owner' WHERE household_id = $1 AND user_id = $2`, [
      householdId,
      toUserId,
    ]);
    await em.query(`UPDATE households SET owner_id = $2, updated_at = now() WHERE id = $1`, [
      householdId,
      toUserId,
    ]);
  }

  /** Deletes the household; its members and invites follow by ON DELETE CASCADE. */
  async dissolve(householdId: string, em: EntityManager = this.db.manager): Promise<void> {
    await em.query(`DELETE FROM households WHERE id = $1`, [householdId]);
  }

  /** Stores a new invite (its hash) valid for INVITE_LIFETIME_HOURS by the database's clock; its expiry. */
  async createInvite(householdId: string, createdBy: string, tokenHash: string): Promise<Date> {
    const rows: Row[] = await this.db.query(
      `INSERT INTO household_invites (token_hash, household_id, created_by, expires_at)
       VALUES ($1, $2, $3, now() + make_interval(hours => $4)) RETURNING expires_at`,
      [tokenHash, householdId, createdBy, INVITE_LIFETIME_HOURS],
    );
    return new Date(rows[0].expires_at as string);
  }

  /** Claims an invite in one statement (single-use under races); its household, or null. */
  async claimInvite(em: EntityManager, tokenHash: string): Promise<string | null> {
    const rows = await queryReturning<Row>(
      em,
      `UPDATE household_invites SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING household_id`,
      [tokenHash],
    );
    return rows[0] ? (rows[0].household_id as string) : null;
  }

  /** Why an invite could not be claimed. */
  async inviteState(em: EntityManager, tokenHash: string): Promise<InviteState> {
    const rows: Row[] = await em.query(
      `SELECT used_at IS NOT NULL AS used, revoked_at IS NOT NULL AS revoked, expires_at <= now() AS expired
         FROM household_invites WHERE token_hash = $1`,
      [tokenHash],
    );
    const r = rows[0];
    if (!r) return 'unknown';
    if (r.revoked) return 'revoked';
    if (r.used) return 'used';
    return r.expired ? 'expired' : 'unknown';
  }

  /** Revokes an unused invite of this household; false when there is none. */
  async revokeInvite(householdId: string, tokenHash: string): Promise<boolean> {
    const rows = await queryReturning<Row>(
      this.db.manager,
      `UPDATE household_invites SET revoked_at = now()
        WHERE household_id = $1 AND token_hash = $2 AND used_at IS NULL AND revoked_at IS NULL
        RETURNING id`,
      [householdId, tokenHash],
    );
    return rows.length > 0;
  }

  /** The user's membership for the wallet (one read of the primary key), or null. */
  async walletMembership(
    userId: string,
    em: EntityManager = this.db.manager,
  ): Promise<WalletMembership | null> {
    const rows: Row[] = await em.query(
      `SELECT household_id, role, records_to_household FROM household_members WHERE user_id = $1`,
      [userId],
    );
    const r = rows[0];
    return r
      ? {
          householdId: r.household_id as string,
          role: r.role as HouseholdRole,
          recordsToHousehold: r.records_to_household === true,
        }
      : null;
  }

  // ---- Group chats linked to a household (docs/households.md, "Group chats") ------------------------------------

  /**
   * Links the group to the household (linked again by the same household: kept, with the new linker). False when
   * the group is linked to another household.
   */
  async linkChat(chatId: bigint, householdId: string, userId: string): Promise<boolean> {
    const rows = await queryReturning<Row>(
      this.db.manager,
      `INSERT INTO household_chats (chat_id, household_id, linked_by) VALUES ($1, $2, $3)
       ON CONFLICT (chat_id) DO UPDATE SET linked_by = EXCLUDED.linked_by
        WHERE household_chats.household_id = EXCLUDED.household_id
       RETURNING chat_id`,
      [chatId.toString(), householdId, userId],
    );
    return rows.length > 0;
  }

  /** The household the group is linked to, or null. */
  async householdOfChat(chatId: bigint): Promise<Household | null> {
    const rows: Row[] = await this.db.query(
      `SELECT h.id, h.name, h.currency, h.owner_id, h.created_at, h.updated_at
         FROM household_chats c JOIN households h ON h.id = c.household_id
        WHERE c.chat_id = $1`,
      [chatId.toString()],
    );
    return rows[0] ? householdOf(rows[0]) : null;
  }

  /** Forgets the group's link (and who was told there); true when it was linked. */
  async unlinkChat(chatId: bigint): Promise<boolean> {
    const rows = await queryReturning<Row>(
      this.db.manager,
      `DELETE FROM household_chats WHERE chat_id = $1 RETURNING chat_id`,
      [chatId.toString()],
    );
    return rows.length > 0;
  }

  /** Notes that this Telegram user was told in the linked group; true only the first time. */
  async claimChatNotice(chatId: bigint, telegramUserId: bigint): Promise<boolean> {
    const rows = await queryReturning<Row>(
      this.db.manager,
      `INSERT INTO household_chat_notices (chat_id, telegram_user_id) VALUES ($1, $2)
       ON CONFLICT DO NOTHING RETURNING chat_id`,
      [chatId.toString(), telegramUserId.toString()],
    );
    return rows.length > 0;
  }

  /** The groups' "only the family records here" notices given to this user's Telegram id (their erasure). */
  async forgetChatNotices(em: EntityManager, userId: string): Promise<void> {
    await em.query(
      `DELETE FROM household_chat_notices
        WHERE telegram_user_id = (SELECT telegram_chat_id FROM users WHERE id = $1)`,
      [userId],
    );
  }

  /** The household's name and currency, and its members who asked to hear of expenses over an amount. */
  async expenseWatchers(householdId: string): Promise<ExpenseWatchers | null> {
    const rows: Row[] = await this.db.query(
      `SELECT h.name, h.currency, m.user_id, m.notify_over::text AS notify_over
         FROM households h LEFT JOIN household_members m ON m.household_id = h.id AND m.notify_over IS NOT NULL
        WHERE h.id = $1
        ORDER BY m.joined_at, m.user_id`,
      [householdId],
    );
    if (!rows.length) return null;
    return {
      name: rows[0].name as string,
      currency: (rows[0].currency as string).trim(),
      watchers: rows.flatMap((r) =>
        r.user_id ? [{ userId: r.user_id as string, over: parseDbDecimal(r.notify_over as string) }] : [],
      ),
    };
  }
}
