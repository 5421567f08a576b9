import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Currency } from '../../common/money';
import {
  AmountField,
  CurrencyField,
  IsChoice,
  IsOptionalDay,
  IsQueryChoice,
  IsText,
} from '../../common/validation/field-rules';
import { PageQueryDto } from '../../common/validation/page-query.dto';
import { GOAL_STATUSES, GoalStatus } from './goal.entity';
import type { GoalChanges } from './goals.service';

export const TITLE_MAX = 100;

/** Body of POST /api/goals/ (title and target_amount required); every field error at once, DRF's messages. */
export class GoalBodyDto {
  @ApiProperty({ type: String, example: 'Телефон', maxLength: TITLE_MAX })
  @IsText({ max: TITLE_MAX, required: true })
  title!: string;

  @AmountField('3000000.00')
  /** In minor units once the validation pipe has run. */
  target_amount!: bigint;

  @CurrencyField()
  currency?: Currency;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2027-03-01',
    nullable: true,
    description: 'YYYY-MM-DD, or null (or "") for none.',
  })
  @IsOptionalDay()
  deadline?: string | null;

  @ApiPropertyOptional({
    enum: GOAL_STATUSES,
    description: 'PATCH only: complete (or reopen) by hand. Reaching the target completes a goal by itself.',
  })
  @IsChoice(GOAL_STATUSES, { onNull: 'check' })
  status?: GoalStatus;
}

/** Body of PATCH /api/goals/{id}/: any of the fields. */
export class GoalPatchDto extends PartialType(GoalBodyDto, { skipNullProperties: false }) {}

/** The typed changes of a checked body. */
export function goalChanges(dto: Partial<GoalBodyDto>): GoalChanges {
  return {
    title: dto.title,
    targetMinor: dto.target_amount,
    currency: dto.currency,
    deadline: dto.deadline,
    status: dto.status,
  };
}

/** Body of POST /api/goals/{id}/contribute/ and /api/debts/{id}/repay/. */
export class AmountBodyDto {
  @AmountField('500000.00')
  /** In minor units once the validation pipe has run. */
  amount!: bigint;
}

/** GET /api/goals/ */
export class GoalListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GOAL_STATUSES })
  @IsQueryChoice(GOAL_STATUSES)
  status?: GoalStatus;
}
