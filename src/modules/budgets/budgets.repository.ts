import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { parseDbDecimal } from '../../common/money';
import { queryReturning } from '../../database/returning';
import { Budget, BudgetPeriod } from './budget.entity';
import type { DaySpending } from './budget-status';

/** Whose budgets: a person's own, and (when they are in one) their household's. */
export interface BudgetOwner {
  userId: string;
  householdId: string | null;
}

/** Whose expenses a budget counts (docs/budgets.md, "Whose spending"). */
export type SpendingScope = { userId: string } | { householdId: string };

/** Someone to warn: a user with their chat and language. */
export interface AlertRecipient {
  userId: string;
  chatId: string;
  language: string;
}

export type BudgetWrite = 'ok' | 'duplicate';

const UNIQUE_VIOLATION = '23505';

function isDuplicate(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === UNIQUE_VIOLATION || e?.driverError?.code === UNIQUE_VIOLATION;
}

/** All SQL about budgets and their warnings. Every read names the user or the household it is about. */
@Injectable()
export class BudgetsRepository {
  constructor(
    @InjectRepository(Budget) private readonly repo: Repository<Budget>,
    private readonly db: DataSource,
  ) {}

  /** The budgets a person sees: their personal ones and their household's; household first, then by creation. */
  visible(owner: BudgetOwner): Promise<Budget[]> {
    const qb = this.repo
      .createQueryBuilder('b')
      .where('(b.user_id = :userId AND b.household_id IS NULL)', { userId: owner.userId });
    if (owner.householdId) qb.orWhere('b.household_id = :householdId', { householdId: owner.householdId });
    return qb
      .orderBy('b.household_id', 'ASC', 'NULLS LAST')
      .addOrderBy('b.created_at', 'ASC')
      .addOrderBy('b.id')
      .getMany();
  }

  /** One budget the person sees, or null (another user's or another household's: null as well). */
  async findVisible(owner: BudgetOwner, id: string): Promise<Budget | null> {
    const rows = await this.visibleWhere(owner).andWhere('b.id = :id', { id }).getMany();
    return rows[0] ?? null;
  }

  private visibleWhere(owner: BudgetOwner) {
    return this.repo
      .createQueryBuilder('b')
      .where(
        owner.householdId
          ? '((b.user_id = :userId AND b.household_id IS NULL) OR b.household_id = :householdId)'
          : '(b.user_id = :userId AND b.household_id IS NULL)',
        { userId: owner.userId, householdId: owner.householdId },
      );
  }

  /** Inserts a budget; a second one for the same owner, category and period → 'duplicate' (the unique index). */
  async insert(values: Partial<Budget>): Promise<Budget | 'duplicate'> {
    try {
      return await this.repo.save(this.repo.create(values));
    } catch (error) {
      if (isDuplicate(error)) return 'duplicate';
      throw error;
    }
  }

  async save(budget: Budget): Promise<BudgetWrite> {
    try {
      await this.repo.save(budget);
      return 'ok';
    } catch (error) {
      if (isDuplicate(error)) return 'duplicate';
      throw error;
    }
  }

  async deleteVisible(owner: BudgetOwner, id: string): Promise<boolean> {
    const params: unknown[] = [id, owner.userId];
    let where = '(user_id = $2 AND household_id IS NULL)';
    if (owner.householdId) {
      params.push(owner.householdId);
      where = `(${where} OR household_id = $3)`;
    }
    const rows = await queryReturning(
      this.db.manager,
      `DELETE FROM budgets WHERE id = $1 AND ${where} RETURNING id`,
      params,
    );
    return rows.length > 0;
  }

  /**
   * Expenses of a scope in [start, end), summed per local day (in `timeZone`) and currency, in the categories given
   * (null: every category).
   */
  async spending(
    scope: SpendingScope,
    categories: string[] | null,
    start: Date,
    end: Date,
    timeZone: string,
  ): Promise<DaySpending[]> {
    const params: unknown[] = [start, end, timeZone];
    let where: string;
    if ('householdId' in scope) {
      params.push(scope.householdId);
      where = `household_id = $4`;
    } else {
      params.push(scope.userId);
      where = `user_id = $4 AND household_id IS NULL`;
    }
    if (categories) {
      params.push(categories);
      where += ` AND category = ANY($5::varchar[])`;
    }
    const rows: Array<{ day: string; currency: string; amount: string }> = await this.db.query(
      `SELECT to_char(occurred_at AT TIME ZONE $3, 'YYYY-MM-DD') AS day, currency, SUM(amount)::text AS amount
         FROM transactions
        WHERE ${where} AND type = 'expense' AND occurred_at >= $1 AND occurred_at < $2
        GROUP BY 1, 2
        ORDER BY 1, 2`,
      params,
    );
    return rows.map((r) => ({ day: r.day, currency: r.currency, amountMinor: parseDbDecimal(r.amount) }));
  }

  /**
   * Claims warnings in one statement: the thresholds this call inserted (and so must warn about); those already
   * claimed — by this instance, another one, or before a restart — are left out (uq_budget_alerts_once).
   */
  async claimAlerts(budget: Budget, periodStart: string, thresholds: readonly number[]): Promise<number[]> {
    const rows = await queryReturning<{ threshold: number }>(
      this.db.manager,
      `INSERT INTO budget_alerts (budget_id, user_id, period_start, threshold)
       SELECT $1, $2, $3, t FROM unnest($4::smallint[]) AS t ORDER BY t
       ON CONFLICT ON CONSTRAINT uq_budget_alerts_once DO NOTHING
       RETURNING threshold`,
      [budget.id, budget.userId, periodStart, thresholds],
    );
    return rows.map((r) => Number(r.threshold));
  }

  /** Who a budget's warnings go to: a personal budget's owner, or every member of the household; active users. */
  async recipients(budget: Budget): Promise<AlertRecipient[]> {
    const rows: Array<{ id: string; chat_id: string; language: string }> = budget.householdId
      ? await this.db.query(
          `SELECT u.id, u.telegram_chat_id::text AS chat_id, u.language
             FROM household_members m JOIN users u ON u.id = m.user_id
            WHERE m.household_id = $1 AND u.is_active
            ORDER BY m.joined_at, u.id`,
          [budget.householdId],
        )
      : await this.db.query(
          `SELECT id, telegram_chat_id::text AS chat_id, language FROM users WHERE id = $1 AND is_active`,
          [budget.userId],
        );
    return rows.map((r) => ({ userId: r.id, chatId: r.chat_id, language: r.language }));
  }

  /** Budgets of one scope and period kind (for a record: which budgets it falls under). */
  ofScope(owner: BudgetOwner, wallet: 'personal' | 'household', period?: BudgetPeriod): Promise<Budget[]> {
    const qb = this.repo.createQueryBuilder('b');
    if (wallet === 'household') qb.where('b.household_id = :h', { h: owner.householdId });
    else qb.where('b.user_id = :u AND b.household_id IS NULL', { u: owner.userId });
    if (period) qb.andWhere('b.period = :period', { period });
    return qb.orderBy('b.created_at').addOrderBy('b.id').getMany();
  }
}
