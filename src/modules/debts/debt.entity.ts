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
import { User } from '../users/user.entity';

export const DEBT_DIRECTIONS = ['lent', 'borrowed'] as const;
export type DebtDirection = (typeof DEBT_DIRECTIONS)[number];
export const DEBT_STATUSES = ['open', 'closed'] as const;
export type DebtStatus = (typeof DEBT_STATUSES)[number];

/** Money lent to or borrowed from someone. Constraints mirror migration 1764401000000. */
@Entity({ name: 'debts' })
@Check('ck_debts_direction', `direction IN ('lent', 'borrowed')`)
@Check('ck_debts_amount_positive', `amount > 0`)
@Check('ck_debts_repaid_range', `repaid_amount >= 0 AND repaid_amount <= amount`)
@Check('ck_debts_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_debts_status', `status IN ('open', 'closed')`)
@Check('ck_debts_counterparty_not_blank', `btrim(counterparty) <> ''`)
@Index('ix_debts_user_status', ['userId', 'status', 'createdAt'])
@Index('ix_debts_open_due', { synchronize: false }) // (due_date) WHERE status = 'open' AND due_date IS NOT NULL
export class Debt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_debts_user' })
  user?: User;

  @Column({ type: 'varchar', length: 8 })
  direction: DebtDirection;

  @Column({ type: 'varchar', length: 100 })
  counterparty: string;

  /** Minor units; numeric(15,2). */
  @Column({ type: 'numeric', precision: 15, scale: 2, transformer: moneyTransformer })
  amount: bigint;

  /** Minor units; changed only by an atomic UPDATE (DebtsRepository.repay). */
  @Column({
    name: 'repaid_amount',
    type: 'numeric',
    precision: 15,
    scale: 2,
    default: 0,
    transformer: moneyTransformer,
  })
  repaidAmount: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** YYYY-MM-DD or null. */
  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ type: 'varchar', length: 6, default: 'open' })
  status: DebtStatus;

  @Column({ type: 'varchar', length: 500, default: '' })
  description: string;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
