import { ApiProperty } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { DAY, MONEY } from '../../common/openapi/schemas';
import { TRANSACTION_TYPES, type TransactionType } from '../nlu/nlu.types';
import { PERIODS, type PeriodName } from './stats.period';

/** GET /api/analytics/summary/ (README "REST API"; summaryJson). */

export class SummaryTotal {
  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty({ ...MONEY, example: '5000000.00' })
  income: string;

  @ApiProperty({ ...MONEY, example: '1250000.00' })
  expense: string;

  @ApiProperty({ ...MONEY, example: '3750000.00' })
  balance: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 14, description: 'How many transactions' })
  count: number;
}

export class SummaryCategory {
  @ApiProperty({ enum: TRANSACTION_TYPES, example: 'expense' })
  type: TransactionType;

  @ApiProperty({ example: 'transport', description: 'A default category key or `custom:<uuid>`' })
  category: string;

  @ApiProperty({ example: 'Транспорт' })
  category_name: string;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty({ ...MONEY, example: '120000.00' })
  amount: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 6 })
  count: number;

  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 9.6,
    description: "The category's share of its type and currency total, in percent (two decimals at most)",
  })
  share_percent: number;
}

/** One member's totals in one currency (a household's summary). */
export class SummaryMember {
  @ApiProperty({ format: 'uuid' })
  user_id: string;

  @ApiProperty({ example: 'Dilnoza' })
  first_name: string;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty({ ...MONEY, example: '0.00' })
  income: string;

  @ApiProperty({ ...MONEY, example: '850000.00' })
  expense: string;

  @ApiProperty({ type: 'integer', minimum: 0, example: 9 })
  count: number;
}

export class SummaryResponse {
  @ApiProperty({ enum: PERIODS, example: 'month' })
  period: PeriodName;

  @ApiProperty({ ...DAY, example: '2026-11-01', description: 'First local day' })
  date_from: string;

  @ApiProperty({ ...DAY, example: '2026-11-30', description: 'Last local day, inclusive' })
  date_to: string;

  @ApiProperty({ type: [SummaryTotal] })
  totals: SummaryTotal[];

  @ApiProperty({ type: [SummaryCategory] })
  by_category: SummaryCategory[];

  @ApiProperty({
    type: [SummaryMember],
    required: false,
    description: "With wallet=household only: each member's totals per currency (by first name)",
  })
  by_member?: SummaryMember[];
}
