import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { toDecimalString } from '../../common/money';
import { Debt, DebtDirection, DebtStatus } from './debt.entity';

export interface DebtFilter {
  status?: DebtStatus;
  direction?: DebtDirection;
}

export type RepayOutcome =
  | { outcome: 'ok'; debt: Debt; closedNow: boolean }
  | { outcome: 'not_found' }
  | { outcome: 'too_much'; remainingMinor: bigint }
  | { outcome: 'closed' };

/** An open debt due soon, with what a reminder needs of its user. */
export interface DueDebtRow {
  debt: Debt;
  chatId: bigint;
  language: string;
  timezone: string;
}

/** All SQL about debts. Every user-facing query is scoped by user id. */
@Injectable()
export class DebtsRepository {
  constructor(@InjectRepository(Debt) private readonly repo: Repository<Debt>) {}

  /** Open debts first (nearest due date first), then closed ones, newest first. */
  async page(
    userId: string,
    filter: DebtFilter,
    offset: number,
    limit: number,
  ): Promise<{ rows: Debt[]; count: number }> {
    const qb = this.repo.createQueryBuilder('d').where('d.user_id = :userId', { userId });
    if (filter.status) qb.andWhere('d.status = :status', { status: filter.status });
    if (filter.direction) qb.andWhere('d.direction = :direction', { direction: filter.direction });
    const [rows, count] = await qb
      .orderBy(`CASE WHEN d.status = 'open' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('d.due_date', 'ASC', 'NULLS LAST')
      .addOrderBy('d.created_at', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
    return { rows, count };
  }

  findOwned(userId: string, id: string): Promise<Debt | null> {
    return this.repo.findOneBy({ id, userId });
  }

  insert(values: Partial<Debt>): Promise<Debt> {
    return this.repo.save(this.repo.create(values));
  }

  save(debt: Debt): Promise<Debt> {
    return this.repo.save(debt);
  }

  async deleteOwned(userId: string, id: string): Promise<boolean> {
    const result = await this.repo.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Adds a repayment in one UPDATE, never past the amount (the CHECK backs the WHERE up under races); a debt paid
   * off is closed in the same statement.
   */
  async repay(userId: string, id: string, amountMinor: bigint): Promise<RepayOutcome> {
    const rows: Array<{ id: string }> = await this.repo.query(
      // (wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count])
      `WITH changed AS (UPDATE debts SET
         repaid_amount = repaid_amount + $3::numeric,
         status = CASE WHEN repaid_amount + $3::numeric >= amount THEN 'closed' ELSE status END,
         closed_at = CASE WHEN repaid_amount + $3::numeric >= amount THEN now() ELSE closed_at END,
         updated_at = now()
       WHERE id = $1 AND user_id = $2 AND status = 'open' AND repaid_amount + $3::numeric <= amount
       RETURNING id) SELECT id FROM changed`,
      [id, userId, toDecimalString(amountMinor)],
    );
    const debt = await this.findOwned(userId, id);
    if (!debt) return { outcome: 'not_found' };
    if (!rows.length)
      return debt.status === 'closed'
        ? { outcome: 'closed' }
        : { outcome: 'too_much', remainingMinor: debt.amount - debt.repaidAmount };
    return { outcome: 'ok', debt, closedNow: debt.status === 'closed' };
  }

  /** Open debts with a due date in [from, to] (YYYY-MM-DD) of active users, for the due reminders. */
  async openDueBetween(from: string, to: string): Promise<DueDebtRow[]> {
    const rows = await this.repo
      .createQueryBuilder('d')
      .innerJoinAndSelect('d.user', 'u')
      .where(`d.status = 'open' AND d.due_date IS NOT NULL AND d.due_date BETWEEN :from AND :to`, {
        from,
        to,
      })
      .andWhere('u.is_active = true')
      .orderBy('d.due_date', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .getMany();
    return rows.map((debt) => ({
      debt,
      chatId: debt.user!.telegramChatId,
      language: debt.user!.language,
      timezone: debt.user!.timezone,
    }));
  }
}
