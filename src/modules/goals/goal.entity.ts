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

export const GOAL_STATUSES = ['active', 'completed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A savings goal. Constraints and indexes mirror migration 1764401000000 so `migration:generate` sees no drift. */
@Entity({ name: 'goals' })
@Check('ck_goals_target_positive', `target_amount > 0`)
@Check('ck_goals_saved_not_negative', `saved_amount >= 0`)
@Check('ck_goals_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_goals_status', `status IN ('active', 'completed')`)
@Check('ck_goals_title_not_blank', `btrim(title) <> ''`)
@Index('ix_goals_user_status', ['userId', 'status', 'createdAt'])
export class Goal {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_goals_user' })
  user?: User;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** Minor units; numeric(15,2). */
  @Column({ name: 'target_amount', type: 'numeric', precision: 15, scale: 2, transformer: moneyTransformer })
  targetAmount: bigint;

  /** Minor units; changed only by an atomic UPDATE (GoalsRepository.contribute). */
  @Column({
    name: 'saved_amount',
    type: 'numeric',
    precision: 15,
    scale: 2,
    default: 0,
    transformer: moneyTransformer,
  })
  savedAmount: bigint;

  @Column({ type: 'char', length: 3 })
  currency: string;

  /** YYYY-MM-DD or null. */
  @Column({ type: 'date', nullable: true })
  deadline: string | null;

  @Column({ type: 'varchar', length: 9, default: 'active' })
  status: GoalStatus;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
