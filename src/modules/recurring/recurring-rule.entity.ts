import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { moneyTransformer } from '../../database/transformers';
import type { TransactionType } from '../nlu/nlu.types';
import type { Wallet } from '../transactions/wallet';
import { User } from '../users/user.entity';
import type { Every } from './recurring.schedule';

/** A recurring payment or income (docs/recurring.md). Mirrors migration 1764402300000. */
@Entity({ name: 'recurring_rules' })
@Check('ck_recurring_rules_type', `type IN ('income', 'expense')`)
@Check('ck_recurring_rules_amount_positive', `amount > 0`)
@Check('ck_recurring_rules_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_recurring_rules_every', `every IN ('month', 'week')`)
@Check('ck_recurring_rules_day', `day >= 1 AND day <= CASE WHEN every = 'month' THEN 31 ELSE 7 END`)
@Check('ck_recurring_rules_wallet', `wallet IN ('personal', 'household')`)
@Index('ix_recurring_rules_user', ['userId', 'createdAt'])
export class RecurringRule {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_recurring_rules_user' })
  user?: User;

  @Column({ type: 'varchar', length: 7 })
  type: TransactionType;

  /** Minor units; numeric(15,2). */
  @Column({ type: 'numeric', precision: 15, scale: 2, transformer: moneyTransformer })
  amount: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 64, default: 'other' })
  category: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ type: 'varchar', length: 5 })
  every: Every;

  /** 1–31 (month) or 1–7, Monday first (week). */
  @Column({ type: 'smallint' })
  day: number;

  /** Record by itself on the day (true) or ask with buttons (false). */
  @Column({ type: 'boolean', default: false })
  auto: boolean;

  @Column({ type: 'varchar', length: 9, default: 'personal' })
  wallet: Wallet;

  @Column({ type: 'boolean', default: false })
  paused: boolean;

  /** The local date occurrences start from: made, its timing changed, or resumed (docs/recurring.md). */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
