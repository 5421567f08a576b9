/** The JSON of goals on the REST API (snake_case, money as decimal strings; the Mini App reads these names). */
import { toDecimalString } from '../../common/money';
import type { Goal, GoalStatus } from './goal.entity';
import { progressPercent } from './progress';

/** The API shape of a goal (the Mini App reads these names). */
export interface GoalJson {
  id: string;
  title: string;
  target_amount: string;
  saved_amount: string;
  currency: string;
  deadline: string | null;
  status: GoalStatus;
  progress_percent: number;
  created_at: string;
  updated_at: string;
}

export function goalJson(goal: Goal): GoalJson {
  return {
    id: goal.id,
    title: goal.title,
    target_amount: toDecimalString(goal.targetAmount),
    saved_amount: toDecimalString(goal.savedAmount),
    currency: goal.currency,
    deadline: goal.deadline,
    status: goal.status,
    progress_percent: progressPercent(goal.savedAmount, goal.targetAmount),
    created_at: goal.createdAt.toISOString(),
    updated_at: goal.updatedAt.toISOString(),
  };
}
