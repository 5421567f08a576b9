import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { toDecimalString, MAX_AMOUNT_MINOR } from '../../common/money';
import { Goal, GoalStatus } from './goal.entity';

export type ContributeOutcome =
  { outcome: 'ok'; goal: Goal; completedNow: boolean } | { outcome: 'not_found' } | { outcome: 'too_large' };

/** All SQL about goals. Every query is scoped by user id. */
@Injectable()
export class GoalsRepository {
  constructor(@InjectRepository(Goal) private readonly repo: Repository<Goal>) {}

  /** Active goals first, then completed ones; oldest first within each. */
  async page(
    userId: string,
    status: GoalStatus | undefined,
    offset: number,
    limit: number,
  ): Promise<{ rows: Goal[]; count: number }> {
    const qb = this.repo.createQueryBuilder('g').where('g.user_id = :userId', { userId });
    if (status) qb.andWhere('g.status = :status', { status });
    const [rows, count] = await qb
      .orderBy(`CASE WHEN g.status = 'active' THEN 0 ELSE 1 END`, 'ASC')
      .addOrderBy('g.created_at', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getManyAndCount();
    return { rows, count };
  }

  findOwned(userId: string, id: string): Promise<Goal | null> {
    return this.repo.findOneBy({ id, userId });
  }

  insert(values: Partial<Goal>): Promise<Goal> {
    return this.repo.save(this.repo.create(values));
  }

  save(goal: Goal): Promise<Goal> {
    return this.repo.save(goal);
  }

  async deleteOwned(userId: string, id: string): Promise<boolean> {
    const result = await this.repo.delete({ id, userId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Adds to saved_amount in one UPDATE (concurrent contributions add up); a goal that reaches its target is
   * completed in the same statement. Refused when the sum would not fit numeric(15,2).
   */
  async contribute(userId: string, id: string, amountMinor: bigint): Promise<ContributeOutcome> {
    const amount = toDecimalString(amountMinor);
    const rows: Array<{ id: string; was: GoalStatus; now: GoalStatus }> = await this.repo.query(
      // (ending in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count])
      `WITH old AS (SELECT id, status FROM goals WHERE id = $1 AND user_id = $2 FOR UPDATE),
       changed AS (UPDATE goals g SET
         saved_amount = g.saved_amount + $3::numeric,
         status = CASE WHEN g.saved_amount + $3::numeric >= g.target_amount THEN 'completed' ELSE g.status END,
         completed_at = CASE WHEN g.status = 'active' AND g.saved_amount + $3::numeric >= g.target_amount THEN now() ELSE g.completed_at END,
         updated_at = now()
       FROM old
       WHERE g.id = old.id AND g.saved_amount + $3::numeric <= $4::numeric
       RETURNING g.id, old.status AS was, g.status AS now)
       SELECT id, was, now FROM changed`,
      [id, userId, amount, toDecimalString(MAX_AMOUNT_MINOR)],
    );
    if (!rows.length)
      return (await this.findOwned(userId, id)) ? { outcome: 'too_large' } : { outcome: 'not_found' };
    const goal = await this.repo.findOneByOrFail({ id, userId });
    return { outcome: 'ok', goal, completedNow: rows[0].was === 'active' && rows[0].now === 'completed' };
  }
}
