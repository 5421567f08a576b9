import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { preparedQuery } from '../../database/prepared';
import { columnsOf, entityFromRow } from '../../database/raw-entities';
import { User } from './user.entity';

export interface NewUserProfile {
  telegramChatId: bigint;
  firstName?: string;
  lastName?: string;
  username?: string | null;
  language: string;
  currency: string;
  timezone: string;
}

/** All SQL about users. */
@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  /**
   * The user by id. Read on nearly every request (the bearer check, then the handler), so written by hand: TypeORM's
   * query building and hydration cost more CPU than the statement (docs/benchmarks-analysis.md, issue 16).
   */
  findById(id: string): Promise<User | null> {
    return this.findOne(`id = $1`, id);
  }

  findByChatId(chatId: bigint): Promise<User | null> {
    return this.findOne(`telegram_chat_id = $1`, chatId.toString());
  }

  private async findOne(where: string, value: string): Promise<User | null> {
    const db = this.repo.manager.connection;
    const rows = await preparedQuery(db, `SELECT ${columnsOf(db, User, 'u')} FROM users u WHERE u.${where}`, [
      value,
    ]);
    return rows[0] ? entityFromRow(db, User, rows[0]) : null;
  }

  /**
   * Creates the user for a chat id unless one exists; the unique constraint decides under concurrency.
   * Returns the user and whether this call created it (exactly one concurrent caller gets `created: true`).
   */
  async insertOrGet(profile: NewUserProfile): Promise<{ user: User; created: boolean }> {
    const db = this.repo.manager.connection;
    const columns = columnsOf(db, User, 'u');
    // One statement: the new row, or the existing one. The existing row is read in the statement's snapshot, so a
    // row another request inserts at the same moment is not there yet: then it is read again once that one is done.
    const sql = `WITH made AS (
         INSERT INTO users AS u (telegram_chat_id, first_name, last_name, username, language, currency, timezone)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (telegram_chat_id) DO NOTHING
         RETURNING ${columns})
       SELECT made.*, true AS created FROM made
       UNION ALL
       SELECT ${columns}, false AS created FROM users u WHERE u.telegram_chat_id = $1 AND NOT EXISTS (SELECT 1 FROM made)`;
    const params = [
      profile.telegramChatId.toString(),
      profile.firstName ?? '',
      profile.lastName ?? '',
      profile.username ?? null,
      profile.language,
      profile.currency,
      profile.timezone,
    ];
    const rows = await preparedQuery(db, sql, params);
    if (rows[0]) return { user: entityFromRow(db, User, rows[0]), created: rows[0].created === true };
    const user = await this.findByChatId(profile.telegramChatId);
    if (!user)
      throw new Error(`users: no row for chat ${profile.telegramChatId} after ON CONFLICT DO NOTHING`);
    return { user, created: false };
  }

  async update(
    id: string,
    patch: Partial<
      Pick<
        User,
        | 'phoneNumber'
        | 'phoneVerified'
        | 'language'
        | 'currency'
        | 'timezone'
        | 'isActive'
        | 'firstName'
        | 'lastName'
        | 'username'
        | 'dailyReminder'
        | 'reminderTime'
      >
    >,
  ): Promise<User> {
    await this.repo.update({ id }, patch);
    return this.repo.findOneByOrFail({ id });
  }

  /**
   * Gives `userId` the phone number as verified (their own shared Telegram contact), in one transaction: every user
   * who holds the number unverified loses it (phone_number NULL); a user who holds it verified keeps it and nothing
   * changes ('taken'). The holders' rows are locked, so a concurrent change cannot slip in between; a concurrent
   * first verification of the number ends in the partial unique index (23505) for the loser.
   */
  async claimVerifiedPhone(
    userId: string,
    phone: string,
  ): Promise<
    { outcome: 'claimed'; user: User; releasedFrom: string[] } | { outcome: 'taken'; holderId: string }
  > {
    return this.repo.manager.transaction(async (em) => {
      const holders: Array<{ id: string; phone_verified: boolean }> = await em.query(
        `SELECT id, phone_verified FROM users WHERE phone_number = $1 AND id <> $2 ORDER BY id FOR UPDATE`,
        [phone, userId],
      );
      const verified = holders.find((h) => h.phone_verified);
      if (verified) return { outcome: 'taken', holderId: verified.id };
      const released = holders.map((h) => h.id);
      if (released.length) {
        await em.query(
          `UPDATE users SET phone_number = NULL, phone_verified = false, updated_at = now() WHERE id = ANY($1::uuid[])`,
          [released],
        );
      }
      await em.query(
        `UPDATE users SET phone_number = $2, phone_verified = true, updated_at = now() WHERE id = $1`,
        [userId, phone],
      );
      const user = await em.findOneByOrFail(User, { id: userId });
      return { outcome: 'claimed', user, releasedFrom: released };
    });
  }

  /** Active users who asked for the daily reminder. */
  dailyReminderUsers(): Promise<User[]> {
    return this.repo.find({ where: { dailyReminder: true, isActive: true }, order: { id: 'ASC' } });
  }

  async setActiveByChatId(chatId: bigint, active: boolean): Promise<void> {
    await this.repo.update({ telegramChatId: chatId }, { isActive: active });
  }
}
