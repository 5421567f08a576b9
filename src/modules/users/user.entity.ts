import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { bigintTransformer } from '../../database/transformers';
import type { Currency } from '../../common/money';
import type { Language } from '../../config/app-config';

/** Constraints mirror the migrations so that `migration:generate` sees no drift. */
@Entity({ name: 'users' })
@Unique('uq_users_telegram_chat_id', ['telegramChatId'])
// A typed number may be typed by several users; only a verified one (a shared contact) is unique.
@Index('uq_users_phone_number_verified', ['phoneNumber'], { unique: true, where: 'phone_verified' })
@Index('ix_users_phone_number', ['phoneNumber'], { where: 'phone_number IS NOT NULL' })
@Check('ck_users_chat_id_positive', `telegram_chat_id > 0`)
@Check('ck_users_phone_e164', `phone_number IS NULL OR phone_number ~ '^\\+[1-9][0-9]{6,14}$'`)
@Check('ck_users_phone_verified_has_number', `phone_number IS NOT NULL OR NOT phone_verified`)
@Check('ck_users_language', `language IN ('ru', 'uz', 'en')`)
@Check('ck_users_currency', `currency IN ('UZS', 'USD', 'RUB', 'EUR')`)
@Check('ck_users_reminder_time', `reminder_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'telegram_chat_id', type: 'bigint', transformer: bigintTransformer })
  telegramChatId: bigint;

  @Column({ name: 'phone_number', type: 'varchar', length: 16, nullable: true })
  phoneNumber: string | null;

  /** True when the number came from the user's own shared Telegram contact; typed numbers are unverified. */
  @Column({ name: 'phone_verified', type: 'boolean', default: false })
  phoneVerified: boolean;

  @Column({ name: 'first_name', type: 'varchar', length: 255, default: '' })
  firstName: string;

  @Column({ name: 'last_name', type: 'varchar', length: 255, default: '' })
  lastName: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username: string | null;

  @Column({ type: 'varchar', length: 2, default: 'ru' })
  language: Language;

  @Column({ type: 'char', length: 3, default: 'UZS' })
  currency: Currency;

  @Column({ type: 'varchar', length: 64, default: 'Asia/Tashkent' })
  timezone: string;

  @Column({ name: 'is_active', type: 'boolean', default: true })
  isActive: boolean;

  /** The optional "nothing recorded today" nudge (off by default), sent at `reminderTime` ("HH:MM", local). */
  @Column({ name: 'daily_reminder', type: 'boolean', default: false })
  dailyReminder: boolean;

  @Column({ name: 'reminder_time', type: 'varchar', length: 5, default: '21:00' })
  reminderTime: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
