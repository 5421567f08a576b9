import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { parseDbDecimal } from '../../common/money';
import type { TransactionType } from '../transactions/transaction.entity';
import type { WalletScope } from '../transactions/wallet';

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
  /** Absent: every row the user made (docs/households.md, "Whose money"). */
  wallet?: WalletScope;
}

/** One member's sums in one currency and direction (a household's breakdown). */
export interface MemberSumRow {
  userId: string;
  firstName: string;
  currency: string;
  type: TransactionType;
  amountMinor: bigint;
  count: number;
}

/** The rows of a period: whose, when, and the optional type, currency and category. */
function periodWhere(userId: string, f: SumFilter): { where: string[]; params: unknown[] } {
  const params: unknown[] = [f.start, f.end];
  const where = ['t.occurred_at >= $1', 't.occurred_at < $2'];
  const wallet = f.wallet;
  if (wallet !== undefined && wallet !== 'personal') {
    if (wallet.householdId) {
      params.push(wallet.householdId);
      where.push(`t.household_id = $${params.length}`);
    } else where.push('false');
  } else {
    params.push(userId);
    where.push(`t.user_id = $${params.length}`);
    if (wallet === 'personal') where.push('t.household_id IS NULL');
  }
  for (const [column, value] of [
    ['type', f.type],
    ['currency', f.currency],
    ['category', f.category],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`t.${column} = $${params.length}`);
  }
  return { where, params };
}

/**
 * The statistics' SQL: one grouped aggregate over the user's transactions in [start, end). The range scan runs on
 * ix_transactions_user_occurred (user_id, occurred_at DESC, …), so its cost follows the rows of the period.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly db: DataSource) {}

  async categorySums(userId: string, f: SumFilter): Promise<CategorySumRow[]> {
    const { where, params } = periodWhere(userId, f);
    const rows: Array<{
      currency: string;
      type: TransactionType;
      category: string;
      total: string;
      count: string;
    }> = await this.db.query(
      `SELECT t.currency, t.type, t.category, SUM(t.amount)::text AS total, COUNT(*)::text AS count
         FROM transactions t
        WHERE ${where.join(' AND ')}
        GROUP BY t.currency, t.type, t.category`,
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

  /** Per member of the household (`f.wallet`), currency and direction: the sums of the period, members by first name. */
  async memberSums(f: SumFilter & { wallet: { householdId: string } }): Promise<MemberSumRow[]> {
    const { where, params } = periodWhere('', f);
    const rows: Array<{
      user_id: string;
      first_name: string;
      currency: string;
      type: TransactionType;
      total: string;
      count: string;
    }> = await this.db.query(
      `SELECT t.user_id, u.first_name, t.currency, t.type, SUM(t.amount)::text AS total, COUNT(*)::text AS count
         FROM transactions t JOIN users u ON u.id = t.user_id
        WHERE ${where.join(' AND ')}
        GROUP BY t.user_id, u.first_name, t.currency, t.type
        ORDER BY u.first_name, t.user_id, t.currency, t.type`,
      params,
    );
    return rows.map((r) => ({
      userId: r.user_id,
      firstName: r.first_name,
      currency: r.currency.trim(),
      type: r.type,
      amountMinor: parseDbDecimal(r.total),
      count: Number(r.count),
    }));
  }
}
