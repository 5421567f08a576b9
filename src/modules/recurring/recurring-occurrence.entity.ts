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
} from 'typeorm';
import { moneyTransformer } from '../../database/transformers';
import { User } from '../users/user.entity';
import { RecurringRule } from './recurring-rule.entity';

export const OCCURRENCE_STATUSES = ['asked', 'recorded', 'skipped', 'failed'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** One handled occurrence of a rule; (recurring_id, occurrence_date) is claimed once (docs/recurring.md). */
@Entity({ name: 'recurring_occurrences' })
@Unique('uq_recurring_occurrences_key', ['recurringId', 'occurrenceDate'])
@Check('ck_recurring_occurrences_status', `status IN ('asked', 'recorded', 'skipped', 'failed')`)
@Index('ix_recurring_occurrences_user', ['userId', 'createdAt'])
export class RecurringOccurrence {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'recurring_id', type: 'uuid' })
  recurringId: string;

  @ManyToOne(() => RecurringRule, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'recurring_id', foreignKeyConstraintName: 'fk_recurring_occurrences_rule' })
  rule?: RecurringRule;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_recurring_occurrences_user' })
  user?: User;

  @Column({ name: 'occurrence_date', type: 'date' })
  occurrenceDate: string;

  @Column({ type: 'varchar', length: 8 })
  status: OccurrenceStatus;

  /** What was recorded (minor units), when it was. */
  @Column({ type: 'numeric', precision: 15, scale: 2, nullable: true, transformer: moneyTransformer })
  amount: bigint | null;

  @Column({ name: 'transaction_id', type: 'uuid', nullable: true })
  transactionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;
}
