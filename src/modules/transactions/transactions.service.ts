import { Injectable } from '@nestjs/common';
import { toDecimalString } from '../../common/money';
import { Transaction } from './transaction.entity';
import { CurrencyTotals, TransactionFilter, TransactionOrder, TransactionsRepository } from './transactions.repository';

export interface BalanceLine {
  currency: string;
  incomeMinor: bigint;
  expenseMinor: bigint;
  balanceMinor: bigint;
}

/** Transactions of one user: listing, balance, recording. Plain values in, entities out. */
@Injectable()
export class TransactionsService {
  constructor(private readonly transactions: TransactionsRepository) {}

  list(userId: string, filter: TransactionFilter, order: TransactionOrder, page: number, pageSize: number) {
    return this.transactions.page(userId, filter, order, (page - 1) * pageSize, pageSize);
  }

  async balance(userId: string): Promise<BalanceLine[]> {
    const totals: CurrencyTotals[] = await this.transactions.totals(userId);
    return totals.map((t) => ({ ...t, balanceMinor: t.incomeMinor - t.expenseMinor }));
  }

  recent(userId: string, limit = 5): Promise<Transaction[]> {
    return this.transactions.recent(userId, limit);
  }
}

/** The API shape of a transaction (DRF style: snake_case, money as a decimal string). */
export function transactionJson(tx: Transaction) {
  return {
    id: tx.id,
    type: tx.type,
    amount: toDecimalString(tx.amount),
    currency: tx.currency,
    category: tx.category,
    description: tx.description,
    date: tx.occurredAt.toISOString(),
    source: tx.source,
    created_at: tx.createdAt.toISOString(),
    updated_at: tx.updatedAt.toISOString(),
  };
}
