import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity';
import { Budget } from './budget.entity';

/** A budget warning already sent (docs/budgets.md, "Alerts"). Mirrors migration 1764402200000. */
@Entity({ name: 'budget_alerts' })
@Unique('uq_budget_alerts_once', ['budgetId', 'periodStart', 'threshold'])
@Check('ck_budget_alerts_threshold', `threshold IN (80, 100)`)
@Index('ix_budget_alerts_user', ['userId', 'sentAt'])
export class BudgetAlert {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'budget_id', type: 'uuid' })
  budgetId: string;

  @ManyToOne(() => Budget, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'budget_id', foreignKeyConstraintName: 'fk_budget_alerts_budget' })
  budget?: Budget;

  /** The budget's user_id (so the erasure takes both). */
  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_budget_alerts_user' })
  user?: User;

  /** YYYY-MM-DD: the first day of the period the warning is about. */
  @Column({ name: 'period_start', type: 'date' })
  periodStart: string;

  @Column({ type: 'smallint' })
  threshold: number;

  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}
