import { ApiProperty } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { DAY, MONEY, PageResponse } from '../../common/openapi/schemas';
import { WALLETS, type Wallet } from '../transactions/wallet';
import { BUDGET_PERIODS, type BudgetPeriod } from './budget.entity';

/** The response schemas of /api/budgets/ (docs/budgets.md; budgetJson). */
export class BudgetResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'cafe',
    description:
      'An expense category key, custom:<uuid>, "food" (groceries and cafe), or null: all spending.',
  })
  category: string | null;

  @ApiProperty({ ...MONEY, example: '500000.00' })
  amount: string;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty({ enum: BUDGET_PERIODS, example: 'month' })
  period: BudgetPeriod;

  @ApiProperty({ enum: WALLETS, example: 'personal' })
  wallet: Wallet;

  @ApiProperty({
    ...MONEY,
    nullable: true,
    example: '380000.00',
    description:
      "Expenses of the current period (the user's time zone) in the budget's currency, each at the bank rate of " +
      'its day; null when a rate needed is not available (never a sum of unconverted currencies).',
  })
  spent: string | null;

  @ApiProperty({
    ...MONEY,
    nullable: true,
    example: '120000.00',
    description: 'amount − spent; negative when overspent.',
  })
  remaining: string | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 0,
    example: 76,
    description: 'Whole percent spent, rounded down; above 100 when overspent.',
  })
  percent: number | null;

  @ApiProperty({ ...DAY, example: '2026-12-01', description: 'First local day of the current period.' })
  period_start: string;

  @ApiProperty({ ...DAY, example: '2026-12-31', description: 'Last local day of the current period.' })
  period_end: string;
}

export class BudgetPageResponse extends PageResponse {
  @ApiProperty({ type: [BudgetResponse] })
  results: BudgetResponse[];
}
