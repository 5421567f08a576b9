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
import { DEBT_DIRECTIONS, DEBT_STATUSES, DebtDirection, DebtStatus } from './debt.entity';
import type { DebtChanges } from './debts.service';

export const COUNTERPARTY_MAX = 100;
export const DESCRIPTION_MAX = 500;

/** Body of POST /api/debts/ (direction, counterparty and amount required); every field error at once. */
export class DebtBodyDto {
  @ApiProperty({ enum: DEBT_DIRECTIONS, description: 'lent: someone owes you; borrowed: you owe someone.' })
  @IsChoice(DEBT_DIRECTIONS, { required: true, onNull: 'check' })
  direction!: DebtDirection;

  @ApiProperty({ type: String, example: 'Алишер', maxLength: COUNTERPARTY_MAX })
  @IsText({ max: COUNTERPARTY_MAX, required: true })
  counterparty!: string;

  @AmountField('200.00')
  /** In minor units once the validation pipe has run. */
  amount!: bigint;

  @CurrencyField()
  currency?: Currency;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    example: '2027-06-01',
    nullable: true,
    description: 'YYYY-MM-DD, or null (or "") for none.',
  })
  @IsOptionalDay()
  due_date?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'на ремонт',
    maxLength: DESCRIPTION_MAX,
    description: 'Trimmed; null is taken as "".',
  })
  @IsText({ max: DESCRIPTION_MAX, allowBlank: true, onNull: 'allow', nullAs: '' })
  description?: string;

  @ApiPropertyOptional({ enum: DEBT_STATUSES, description: 'PATCH only: close or reopen by hand.' })
  @IsChoice(DEBT_STATUSES)
  status?: DebtStatus;
}

/** Body of PATCH /api/debts/{id}/: any of the fields. */
export class DebtPatchDto extends PartialType(DebtBodyDto, { skipNullProperties: false }) {}

/** The typed changes of a checked body. */
export function debtChanges(dto: Partial<DebtBodyDto>): DebtChanges {
  return {
    direction: dto.direction,
    counterparty: dto.counterparty,
    amountMinor: dto.amount,
    currency: dto.currency,
    dueDate: dto.due_date,
    description: dto.description,
    status: dto.status,
  };
}

/** GET /api/debts/ */
export class DebtListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DEBT_STATUSES })
  @IsQueryChoice(DEBT_STATUSES)
  status?: DebtStatus;

  @ApiPropertyOptional({ enum: DEBT_DIRECTIONS })
  @IsQueryChoice(DEBT_DIRECTIONS)
  direction?: DebtDirection;
}
