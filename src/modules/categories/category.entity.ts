import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TransactionType } from '../nlu/nlu.types';

/**
 * A user's own category. Transactions refer to it by key `custom:<id>` (see category-keys.ts). Constraints mirror
 * the migration; the unique index on (user_id, type, lower(name)) is an expression index TypeORM cannot declare.
 */
@Entity({ name: 'categories' })
@Check('ck_categories_type', `type IN ('income', 'expense')`)
@Check('ck_categories_name_not_blank', `btrim(name) <> ''`)
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'varchar', length: 7 })
  type: TransactionType;

  @Column({ type: 'varchar', length: 64 })
  name: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
