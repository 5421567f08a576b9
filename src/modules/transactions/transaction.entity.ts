import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer, moneyTransformer } from '../../database/transformers';

export type TransactionType = 'income' | 'expense';
export type TransactionSource = 'text' | 'voice' | 'api';

@Entity({ name: 'transactions' })
export class Transaction {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

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

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'varchar', length: 5, default: 'api' })
  source: TransactionSource;

  @Column({ name: 'source_update_id', type: 'bigint', nullable: true, transformer: bigintTransformer })
  sourceUpdateId: bigint | null;

  @Column({ name: 'source_item', type: 'smallint', default: 0 })
  sourceItem: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
