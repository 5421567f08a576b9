import type { AuthUser } from '../../common/decorators/current-user.decorator';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Currency } from '../../common/money';
import { DomainError } from '../../common/errors/domain-error';
import { checkPhoneNumber, PHONE_FIELD_MESSAGES } from './phone';
import { User } from './user.entity';
import { UsersRepository } from './users.repository';
import { LANGUAGES, Language } from '../nlu/nlu.types';
import { isUniqueViolation } from '../../database/errors';

const PHONE_TAKEN_MESSAGE = 'user with this phone number already exists.';

export interface TelegramProfile {
  chatId: bigint;
  firstName?: string;
  lastName?: string;
  username?: string | null;
  /** Telegram's language_code, used to pick the first language of a new user. */
  languageCode?: string;
}

/** A profile change (field names as on PATCH /api/users/me/); the values are checked (UpdateMeDto, the bot). */
export interface ProfilePatch {
  /** An international number (normalised to E.164 here), or null to remove it. */
  phone_number?: string | null;
  language?: Language;
  currency?: Currency;
  /** An IANA time zone. */
  timezone?: string;
  daily_reminder?: boolean;
  /** HH:MM. */
  reminder_time?: string;
}

/** Users: find or create by chat id, profile changes, activity. Plain values in, entities out. */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly config: AppConfig,
  ) {}

  async findOrCreate(profile: TelegramProfile): Promise<{ user: User; created: boolean }> {
    if (profile.chatId <= 0n)
      throw DomainError.validation('telegram_chat_id', 'Ensure this value is a positive integer.');
    const lang = profile.languageCode?.slice(0, 2).toLowerCase();
    return this.users.insertOrGet({
      telegramChatId: profile.chatId,
      firstName: profile.firstName?.slice(0, 255),
      lastName: profile.lastName?.slice(0, 255),
      username: profile.username?.slice(0, 64) ?? null,
      language:
        lang && (LANGUAGES as readonly string[]).includes(lang) ? lang : this.config.defaults.language,
      currency: this.config.defaults.currency,
      timezone: this.config.defaults.timezone,
    });
  }

  findByChatId(chatId: bigint): Promise<User | null> {
    return this.users.findByChatId(chatId);
  }

  /** The user, or null when there is none. */
  findById(id: string): Promise<User | null> {
    return this.users.findById(id);
  }

  /**
   * The authenticated user of a REST request: as the bearer check read it moments ago (the strategy sets `principal`
   * and `userId` from the same row), else read now. For reads before any write of the request: after a write it is
   * stale.
   */
  ofRequest(auth: AuthUser): Promise<User> {
    const read = auth.principal;
    return read instanceof User ? Promise.resolve(read) : this.getById(auth.userId);
  }

  async getById(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound();
    return user;
  }

  /**
   * Applies a profile change (REST PATCH /api/users/me/, the REST login's phone_number, /phone and the
   * bot's settings). A phone number set here is typed, not proven: it is stored unverified whoever else has typed or
   * verified it, so the answer never tells whether a number belongs to somebody (only a shared contact proves one,
   * see setVerifiedPhone). Setting the number the user already has changes nothing (a verified number stays verified).
   */
  async updateProfile(userId: string, patch: ProfilePatch): Promise<User> {
    const fields: Record<string, string[]> = {};
    const changes: Partial<
      Pick<
        User,
        | 'phoneNumber'
        | 'phoneVerified'
        | 'language'
        | 'currency'
        | 'timezone'
        | 'dailyReminder'
        | 'reminderTime'
      >
    > = {};

    if (patch.phone_number === null) {
      changes.phoneNumber = null;
      changes.phoneVerified = false;
    } else if (patch.phone_number !== undefined) {
      const check = checkPhoneNumber(patch.phone_number);
      if (!check.ok) fields.phone_number = [PHONE_FIELD_MESSAGES[check.reason]];
      else if ((await this.getById(userId)).phoneNumber !== check.e164) {
        changes.phoneNumber = check.e164;
        changes.phoneVerified = false;
      }
    }
    if (patch.language !== undefined) changes.language = patch.language;
    if (patch.currency !== undefined) changes.currency = patch.currency;
    if (patch.timezone !== undefined) changes.timezone = patch.timezone;
    if (patch.daily_reminder !== undefined) changes.dailyReminder = patch.daily_reminder;
    if (patch.reminder_time !== undefined) changes.reminderTime = patch.reminder_time;
    if (Object.keys(fields).length) throw new DomainError('validation', 'Invalid profile', fields);
    if (!Object.keys(changes).length) return this.getById(userId);
    return this.users.update(userId, changes);
  }

  /**
   * The user's own phone number, proven by Telegram (a shared contact whose user_id is the sender): stored as
   * verified. Everyone who only typed the number (maybe someone else's) loses it, in the same transaction; a user
   * who holds it verified keeps it and this is refused (the sender has just proven the number is theirs, so telling
   * them reveals nothing about a stranger).
   */
  async setVerifiedPhone(userId: string, phone: string): Promise<User> {
    const check = checkPhoneNumber(phone);
    if (!check.ok) throw DomainError.validation('phone_number', PHONE_FIELD_MESSAGES[check.reason]);
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.users.claimVerifiedPhone(userId, check.e164);
        if (result.outcome === 'taken') {
          this.logger.warn(
            `Verified phone number not handed over: user_id=${userId}, the number is verified by user_id=${result.holderId}`,
          );
          throw DomainError.validation('phone_number', PHONE_TAKEN_MESSAGE);
        }
        if (result.releasedFrom.length) {
          this.logger.log(
            `Unverified phone number released from user_id=${result.releasedFrom.join(',')} and verified by user_id=${userId}`,
          );
        }
        return result.user;
      } catch (error) {
        // Someone set the free number between our check and our write: look again (it is now held, and decided).
        if (isUniqueViolation(error) && attempt < 3) continue;
        if (isUniqueViolation(error)) throw DomainError.validation('phone_number', PHONE_TAKEN_MESSAGE);
        throw error;
      }
    }
  }

  setLanguage(userId: string, language: User['language']): Promise<User> {
    return this.updateProfile(userId, { language });
  }

  setCurrency(userId: string, currency: Currency): Promise<User> {
    return this.updateProfile(userId, { currency });
  }

  /** The daily "nothing recorded today" nudge on or off (the bot's /remind; REST PATCH daily_reminder). */
  setDailyReminder(userId: string, on: boolean, time?: string): Promise<User> {
    return this.updateProfile(
      userId,
      time === undefined ? { daily_reminder: on } : { daily_reminder: on, reminder_time: time },
    );
  }

  /** Active users with the daily "nothing recorded today" reminder on. */
  dailyReminderUsers(): Promise<User[]> {
    return this.users.dailyReminderUsers();
  }

  /** Telegram reported that the user blocked (false) or unblocked (true) the bot. */
  setActiveByChatId(chatId: bigint, active: boolean): Promise<void> {
    return this.users.setActiveByChatId(chatId, active);
  }
}
