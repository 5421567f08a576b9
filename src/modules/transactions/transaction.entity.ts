import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import { Household } from '../households/household.entity';
import { bigintTransformer, moneyTransformer } from '../../database/transformers';

import type { TransactionType } from '../nlu/nlu.types';
export type { TransactionType };
export type TransactionSource = 'text' | 'voice' | 'api';

/** Constraints and indexes mirror the migrations so that `migration:generate` sees no drift. */
@Entity({ name: 'transactions' })
@Check('ck_transactions_type', `type IN ('income', 'expense')`)
@Check('ck_transactions_amount_positive', `amount > 0`)
@Check('ck_transactions_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_transactions_source', `source IN ('text', 'voice', 'api')`)
@Check('ck_transactions_transcript_length', `char_length(transcript) <= 4000`)
@Check('ck_transactions_external_ref', `char_length(btrim(external_ref)) > 0`)
@Check('ck_transactions_card_last4', `card_last4 ~ '^[0-9]{4}$'`)
@Unique('uq_transactions_source_update', ['userId', 'sourceUpdateId', 'sourceItem'])
@Index('ix_transactions_user_occurred', { synchronize: false }) // (user_id, occurred_at DESC, created_at DESC)
@Index('ix_transactions_user_currency', ['userId', 'currency'])
@Index('ix_transactions_user_category', ['userId', 'category'])
@Index('uq_transactions_user_external_ref', { synchronize: false }) // UNIQUE (user_id, external_ref) WHERE external_ref IS NOT NULL
@Index('ix_transactions_user_card', { synchronize: false }) // (user_id, card_last4, occurred_at DESC) WHERE card_last4 IS NOT NULL
@Index('ix_transactions_household_occurred', { synchronize: false }) // (household_id, occurred_at DESC, created_at DESC) WHERE household_id IS NOT NULL
export class Transaction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_transactions_user' })
  user?: User;

  /**
   * Null: the wallet of the person who made it (user_id). Set: the household's wallet, seen by every member
   * (docs/households.md, "Whose money"). A dissolved household sets it back to null.
   */
  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @ManyToOne(() => Household, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_transactions_household' })
  household?: Household;

  @Column({ type: 'varchar', length: 7 })
  type: TransactionType;

  /** Minor units (1/100). Stored as numeric(15,2). */
  @Column({ type: 'numeric', precision: 15, scale: 2, transformer: moneyTransformer })
  amount: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 64, default: 'other' })
  category: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 5, default: 'api' })
  source: TransactionSource;

  @Column({ name: 'source_update_id', type: 'bigint', nullable: true, transformer: bigintTransformer })
  sourceUpdateId: bigint | null;

  @Column({ name: 'source_item', type: 'smallint', default: 0 })
  sourceItem: number;

  /** What the speech-to-text heard, for rows recorded from a voice note (source `voice`); else null. */
  @Column({ type: 'text', nullable: true })
  transcript: string | null;

  /** A forwarded card notification's fingerprint (docs/card-notifications.md): one row per notification and user. */
  @Column({ name: 'external_ref', type: 'varchar', length: 100, nullable: true })
  externalRef: string | null;

  /** Last four digits of the user's card, for rows recorded from a card notification. */
  @Column({ name: 'card_last4', type: 'char', length: 4, nullable: true })
  cardLast4: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
