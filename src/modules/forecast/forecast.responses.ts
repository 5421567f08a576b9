import { ApiProperty } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { DAY, MONEY } from '../../common/openapi/schemas';

/** GET /api/analytics/forecast/ (docs/forecast.md; forecastJson). */

const PART_KINDS = ['balance', 'recurring_income', 'recurring_expense', 'budget'] as const;

export class ForecastPartResponse {
  @ApiProperty({ enum: PART_KINDS, example: 'recurring_expense' })
  kind: (typeof PART_KINDS)[number];

  @ApiProperty({ example: 'Аренда', description: "A rule's description or category, a budget's category" })
  label: string;

  @ApiProperty({
    ...DAY,
    nullable: true,
    description: 'The occurrence date (recurring parts); null otherwise',
  })
  date: string | null;

  @ApiProperty({
    ...MONEY,
    nullable: true,
    example: '3000000.00',
    description: 'In `currency`, positive; null when it cannot be converted (no rate)',
  })
  amount: string | null;
}

export class ForecastResponse {
  @ApiProperty({ enum: CURRENCIES, example: 'UZS', description: "The user's currency" })
  currency: Currency;

  @ApiProperty({ ...DAY, description: "Today, the user's local date" })
  as_of: string;

  @ApiProperty({ ...DAY, example: '2026-12-31', description: "The last day of the user's current month" })
  month_end: string;

  @ApiProperty({ ...MONEY, nullable: true, description: "Today's balance" })
  balance: string | null;

  @ApiProperty({ ...MONEY, nullable: true, description: 'Recurring incomes still due this month' })
  recurring_income: string | null;

  @ApiProperty({ ...MONEY, nullable: true, description: 'Recurring payments still due this month' })
  recurring_expense: string | null;

  @ApiProperty({
    ...MONEY,
    nullable: true,
    description: 'What budgets still allow this month, beyond the recurring payments under them',
  })
  budgets_left: string | null;

  @ApiProperty({
    ...MONEY,
    nullable: true,
    example: '1250000.00',
    description: 'balance + recurring_income − recurring_expense − budgets_left; null when a rate is missing',
  })
  expected: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: null,
    description: 'Why `expected` is null: "no_rate" (a rate needed is missing); null when it is computed',
  })
  reason: 'no_rate' | null;

  @ApiProperty({ type: [ForecastPartResponse] })
  parts: ForecastPartResponse[];
}
