import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
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

  findById(id: string): Promise<User | null> {
    return this.repo.findOneBy({ id });
  }

  findByChatId(chatId: bigint): Promise<User | null> {
    return this.repo.findOneBy({ telegramChatId: chatId });
  }

  /**
   * Creates the user for a chat id unless one exists; the unique constraint decides under concurrency.
   * Returns the user and whether this call created it (exactly one concurrent caller gets `created: true`).
   */
  async insertOrGet(profile: NewUserProfile, manager?: EntityManager): Promise<{ user: User; created: boolean }> {
    const em = manager ?? this.repo.manager;
    const rows: Array<{ id: string }> = await em.query(
      `INSERT INTO users (telegram_chat_id, first_name, last_name, username, language, currency, timezone)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (telegram_chat_id) DO NOTHING
       RETURNING id`,
      [
        profile.telegramChatId.toString(),
        profile.firstName ?? '',
        profile.lastName ?? '',
        profile.username ?? null,
        profile.language,
        profile.currency,
        profile.timezone,
      ],
    );
    const user = await em.findOneByOrFail(User, { telegramChatId: profile.telegramChatId });
    return { user, created: rows.length === 1 };
  }

  async update(id: string, patch: Partial<Pick<User, 'phoneNumber' | 'language' | 'currency' | 'timezone' | 'isActive' | 'firstName' | 'lastName' | 'username'>>): Promise<User> {
    await this.repo.update({ id }, patch);
    return this.repo.findOneByOrFail({ id });
  }

  /** Is this phone number held by a user other than `exceptUserId`? */
  async phoneTakenByOther(phone: string, exceptUserId: string): Promise<boolean> {
    const row = await this.repo.findOne({ where: { phoneNumber: phone }, select: { id: true } });
    return !!row && row.id !== exceptUserId;
  }

  async setActiveByChatId(chatId: bigint, active: boolean): Promise<void> {
    await this.repo.update({ telegramChatId: chatId }, { isActive: active });
  }
}
