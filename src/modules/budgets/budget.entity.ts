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
import { Household } from '../households/household.entity';
import { User } from '../users/user.entity';

export const BUDGET_PERIODS = ['month', 'week'] as const;
export type BudgetPeriod = (typeof BUDGET_PERIODS)[number];

/**
 * A spending limit (docs/budgets.md). Constraints and indexes mirror migration 1764402200000 so that
 * `migration:generate` sees no drift.
 */
@Entity({ name: 'budgets' })
@Check('ck_budgets_amount_positive', `amount > 0`)
@Check('ck_budgets_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_budgets_period', `period IN ('month', 'week')`)
@Check('ck_budgets_category_not_blank', `btrim(category) <> ''`)
@Index('uq_budgets_personal', { synchronize: false }) // UNIQUE (user_id, COALESCE(category, ''), period) WHERE household_id IS NULL
@Index('uq_budgets_household', { synchronize: false }) // UNIQUE (household_id, COALESCE(category, ''), period) WHERE household_id IS NOT NULL
export class Budget {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Who set it: a personal budget's owner, or the member who created a household budget. */
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_budgets_user' })
  user?: User;

  /** Set: a household budget, seen and changed by every member. */
  @Column({ name: 'household_id', type: 'uuid', nullable: true })
  householdId: string | null;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_budgets_household' })
  household?: Household;

  /** A category key, "food" (groceries + cafe), or null: all spending. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  category: string | null;

  /** Minor units; numeric(15,2). */
  @Column({ type: 'numeric', precision: 15, scale: 2, transformer: moneyTransformer })
  amount: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  @Column({ type: 'varchar', length: 5 })
  period: BudgetPeriod;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
