import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer } from '../../database/transformers';
import type { Currency } from '../../common/money';
import type { Language } from '../../config/app-config';

@Entity({ name: 'users' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'telegram_chat_id', type: 'bigint', transformer: bigintTransformer })
  telegramChatId: bigint;

  @Column({ name: 'phone_number', type: 'varchar', length: 16, nullable: true })
  phoneNumber: string | null;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
