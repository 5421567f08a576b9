import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseDbDecimal } from '../../common/money';
import type { TransactionType } from '../transactions/transaction.entity';

export interface CategorySumRow {
  currency: string;
  type: TransactionType;
  category: string;
  amountMinor: bigint;
  count: number;
}

export interface SumFilter {
  start: Date;
  end: Date;
  type?: TransactionType;
  currency?: string;
  category?: string;
}

/**
 * The statistics' SQL: one grouped aggregate over the user's transactions in [start, end). The range scan runs on
 * ix_transactions_user_occurred (user_id, occurred_at DESC, …), so its cost follows the rows of the period.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly db: DataSource) {}

  async categorySums(userId: string, f: SumFilter): Promise<CategorySumRow[]> {
    const params: unknown[] = [userId, f.start, f.end];
    const where = ['user_id = $1', 'occurred_at >= $2', 'occurred_at < $3'];
    for (const [column, value] of [
      ['type', f.type],
      ['currency', f.currency],
      ['category', f.category],
    ] as const) {
      if (value === undefined) continue;
      params.push(value);
      where.push(`${column} = $${params.length}`);
    }
    const rows: Array<{
      currency: string;
      type: TransactionType;
      category: string;
      total: string;
      count: string;
    }> = await this.db.query(
      `SELECT currency, type, category, SUM(amount)::text AS total, COUNT(*)::text AS count
         FROM transactions
        WHERE ${where.join(' AND ')}
        GROUP BY currency, type, category`,
      params,
    );
    return rows.map((r) => ({
      currency: r.currency.trim(),
      type: r.type,
      category: r.category,
      amountMinor: parseDbDecimal(r.total),
      count: Number(r.count),
    }));
  }
}
