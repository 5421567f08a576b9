import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { User } from '../users/user.entity';
import type { TransactionType } from '../nlu/nlu.types';

/**
 * A category learned from the user's corrections: the key word of a description (src/modules/nlu/keywords.ts) →
 * the category the user moved such a record to, per transaction type. Constraints mirror the migration.
 */
@Entity({ name: 'learned_categories' })
@Unique('uq_learned_categories_user_type_keyword', ['userId', 'type', 'keyword'])
@Check('ck_learned_categories_type', `type IN ('income', 'expense')`)
@Check('ck_learned_categories_keyword', `char_length(keyword) >= 2 AND keyword !~ '\\s'`)
@Check('ck_learned_categories_category', `category ~ '^([a-z_]{1,32}|custom:[0-9a-f-]{36})$'`)
export class LearnedCategory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_learned_categories_user' })
  user?: User;

  @Column({ type: 'varchar', length: 7 })
  type: TransactionType;

  /** Folded as the parser folds words (lower case, ё→е, …). */
  @Column({ type: 'varchar', length: 64 })
  keyword: string;

  /** A category key as transactions.category holds it: a default key or `custom:<uuid>`. */
  @Column({ type: 'varchar', length: 64 })
  category: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
