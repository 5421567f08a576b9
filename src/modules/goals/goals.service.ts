import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Currency } from '../../common/money';
import { isUuid } from '../../common/validation/uuid';
import { namesMatch } from '../nlu/plans';
import { UsersService } from '../users/users.service';
import { Goal, GoalStatus } from './goal.entity';
import { GoalsRepository } from './goals.repository';
import { checkAmountMinor } from '../../common/validation/readers';

export interface NewGoal {
  title: string;
  targetMinor: bigint;
  /** Default: the user's currency. */
  currency?: Currency;
  deadline?: string | null;
}

/** Changes to a goal (absent fields keep their value). */
export interface GoalChanges {
  title?: string;
  targetMinor?: bigint;
  currency?: Currency;
  deadline?: string | null;
  status?: GoalStatus;
}

export interface Contribution {
  goal: Goal;
  /** The contribution made the goal reach its target. */
  completedNow: boolean;
}

/** Savings goals of one user. Plain values in, entities out; REST, the bot and tests share it. */
@Injectable()
export class GoalsService {
  private readonly logger = new Logger(GoalsService.name);

  constructor(
    private readonly goals: GoalsRepository,
    private readonly users: UsersService,
  ) {}

  list(userId: string, page: number, pageSize: number, status?: GoalStatus) {
    return this.goals.page(userId, status, (page - 1) * pageSize, pageSize);
  }

  /** Every goal of the user (the bot's list; a person has a handful). */
  async all(userId: string): Promise<Goal[]> {
    return (await this.goals.page(userId, undefined, 0, 50)).rows;
  }

  findOwned(userId: string, id: string): Promise<Goal | null> {
    return isUuid(id) ? this.goals.findOwned(userId, id) : Promise.resolve(null);
  }

  async getOwned(userId: string, id: string): Promise<Goal> {
    const goal = await this.findOwned(userId, id);
    if (!goal) throw DomainError.notFound();
    return goal;
  }

  async create(userId: string, goal: NewGoal): Promise<Goal> {
    checkAmountMinor('target_amount', goal.targetMinor);
    const row = await this.goals.insert({
      userId,
      title: goal.title.trim().slice(0, 100),
      targetAmount: goal.targetMinor,
      savedAmount: 0n,
      currency: goal.currency ?? (await this.users.getById(userId)).currency,
      deadline: goal.deadline ?? null,
      status: 'active',
    });
    this.logger.log(`Goal created: user_id=${userId}, goal_id=${row.id}`);
    return row;
  }

  /**
   * PATCH: title, target_amount, currency, deadline, status. A new target re-decides the status (reached →
   * completed, else active) unless the body sets status itself.
   */
  async update(userId: string, id: string, changes: GoalChanges): Promise<Goal> {
    const goal = await this.getOwned(userId, id);
    const values = { ...changes };
    if (values.title !== undefined) goal.title = values.title;
    if (values.currency !== undefined) goal.currency = values.currency;
    if (values.deadline !== undefined) goal.deadline = values.deadline;
    if (values.targetMinor !== undefined) {
      goal.targetAmount = values.targetMinor;
      if (values.status === undefined)
        values.status = goal.savedAmount >= goal.targetAmount ? 'completed' : 'active';
    }
    if (values.status !== undefined && values.status !== goal.status) {
      goal.status = values.status;
      goal.completedAt = values.status === 'completed' ? new Date() : null;
    }
    return this.goals.save(goal);
  }

  async deleteOwned(userId: string, id: string): Promise<boolean> {
    return isUuid(id) && this.goals.deleteOwned(userId, id);
  }

  /** Adds money to a goal (atomic); 404 for another user's goal; 400 when the saved amount would overflow. */
  async contribute(userId: string, id: string, amountMinor: bigint): Promise<Contribution> {
    if (!isUuid(id)) throw DomainError.notFound();
    checkAmountMinor('amount', amountMinor);
    const result = await this.goals.contribute(userId, id, amountMinor);
    switch (result.outcome) {
      case 'not_found':
        throw DomainError.notFound();
      case 'too_large':
        throw DomainError.validation(
          'amount',
          'Ensure that the saved amount has no more than 13 digits before the decimal point.',
        );
      case 'ok':
        this.logger.log(
          `Goal contribution: user_id=${userId}, goal_id=${id}${result.completedNow ? ', goal reached' : ''}`,
        );
        return { goal: result.goal, completedNow: result.completedNow };
    }
  }

  /** Marks a goal completed by hand (true when it changed). */
  async complete(userId: string, id: string): Promise<{ goal: Goal; changed: boolean }> {
    const goal = await this.getOwned(userId, id);
    if (goal.status === 'completed') return { goal, changed: false };
    goal.status = 'completed';
    goal.completedAt = new Date();
    return { goal: await this.goals.save(goal), changed: true };
  }

  /** The user's goals a spoken name fits ("телефону" → «Телефон»), active ones first. */
  async findByName(userId: string, name: string): Promise<Goal[]> {
    const all = await this.all(userId);
    return all.filter((g) => namesMatch(name, g.title));
  }
}
