import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { bigintTransformer, moneyTransformer } from '../../database/transformers';
import { User } from '../users/user.entity';

/**
 * Per user and currency: sums and count of the user's transactions. Written only by the trigger
 * trg_transactions_user_balances (migration 1764400800000); the application reads it.
 */
@Entity({ name: 'user_balances' })
@Check('ck_user_balances_currency', `currency ~ '^[A-Z]{3}$'`)
@Check('ck_user_balances_income', `income >= 0`)
@Check('ck_user_balances_expense', `expense >= 0`)
@Check('ck_user_balances_tx_count', `tx_count >= 0`)
export class UserBalance {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_user_balances' })
  userId: string;

  @PrimaryColumn({ type: 'char', length: 3, primaryKeyConstraintName: 'pk_user_balances' })
  currency: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_user_balances_user' })
  user?: User;

  @Column({ type: 'numeric', precision: 24, scale: 2, default: 0, transformer: moneyTransformer })
  income: bigint;

  @Column({ type: 'numeric', precision: 24, scale: 2, default: 0, transformer: moneyTransformer })
  expense: bigint;

  @Column({ name: 'tx_count', type: 'bigint', default: 0, transformer: bigintTransformer })
  txCount: bigint;
}
