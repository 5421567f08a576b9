import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Currency } from '../../common/money';
import { AmountField, CurrencyField, IsCategoryKey, IsChoice } from '../../common/validation/field-rules';
import { WALLETS, type Wallet } from '../transactions/wallet';
import { BUDGET_PERIODS, BudgetPeriod } from './budget.entity';
import type { BudgetChanges, NewBudget } from './budgets.service';

export const CATEGORY_KEY_MAX = 64;

/** Body of POST /api/budgets/ (amount required); every field error at once, DRF's messages. */
export class BudgetBodyDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: CATEGORY_KEY_MAX,
    example: 'cafe',
    description:
      'An expense category key (GET /api/categories/), custom:<uuid> of your own, "food" (groceries and cafe), or ' +
      'null for all spending. Default: null.',
  })
  @IsCategoryKey(CATEGORY_KEY_MAX, { onNull: 'allow' })
  category?: string | null;

  @AmountField('500000.00')
  /** In minor units once the validation pipe has run. */
  amount!: bigint;

  @CurrencyField()
  currency?: Currency;

  @ApiPropertyOptional({
    enum: BUDGET_PERIODS,
    description: 'month: 1st to last day; week: Monday to Sunday. Default: month.',
  })
  @IsChoice(BUDGET_PERIODS)
  period?: BudgetPeriod;

  @ApiPropertyOptional({
    enum: WALLETS,
    description:
      "personal: your own records in your own wallet; household: your household's records from every member " +
      '(you must be in one; every member sees and changes it). Default: personal.',
  })
  @IsChoice(WALLETS)
  wallet?: Wallet;
}

/** Body of PATCH /api/budgets/{id}/: any of the fields. */
export class BudgetPatchDto extends PartialType(BudgetBodyDto, { skipNullProperties: false }) {}

/** The typed input of a checked POST body. */
export function newBudget(dto: BudgetBodyDto): NewBudget {
  return {
    category: dto.category ?? null,
    amountMinor: dto.amount,
    currency: dto.currency,
    period: dto.period,
    wallet: dto.wallet,
  };
}

/** The typed changes of a checked PATCH body. */
export function budgetChanges(dto: Partial<BudgetBodyDto>): BudgetChanges {
  return {
    category: dto.category,
    amountMinor: dto.amount,
    currency: dto.currency,
    period: dto.period,
    wallet: dto.wallet,
  };
}
