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
import { User } from '../users/user.entity';
import type { TransactionType } from '../nlu/nlu.types';

/**
 * A user's own category. Transactions refer to it by key `custom:<id>` (see category-keys.ts). Constraints mirror
 * the migration; the unique index on (user_id, type, lower(name)) is an expression index TypeORM cannot declare, so
 * it is named here with `synchronize: false` and migration:generate leaves it alone.
 */
@Entity({ name: 'categories' })
@Index('uq_categories_user_type_name', { synchronize: false })
@Check('ck_categories_type', `type IN ('income', 'expense')`)
@Check('ck_categories_name_not_blank', `btrim(name) <> ''`)
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE', createForeignKeyConstraints: true })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_categories_user' })
  user?: User;

  @Column({ type: 'varchar', length: 7 })
  type: TransactionType;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
