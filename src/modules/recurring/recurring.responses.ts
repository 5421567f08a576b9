import { ApiProperty } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { DAY, MONEY, PageResponse } from '../../common/openapi/schemas';
import { TRANSACTION_TYPES, type TransactionType } from '../nlu/nlu.types';
import { WALLETS, type Wallet } from '../transactions/wallet';
import { EVERY, type Every } from './recurring.schedule';

/** The response schemas of /api/recurring/ (docs/recurring.md; recurringJson). */
export class RecurringResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ enum: TRANSACTION_TYPES, example: 'expense' })
  type: TransactionType;

  @ApiProperty({ ...MONEY, example: '3000000.00' })
  amount: string;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty({ example: 'housing' })
  category: string;

  @ApiProperty({ example: 'Аренда' })
  description: string;

  @ApiProperty({ enum: EVERY, example: 'month' })
  every: Every;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 31, example: 1 })
  day: number;

  @ApiProperty({ example: false, description: 'Records by itself on the day; false: the bot asks.' })
  auto: boolean;

  @ApiProperty({ enum: WALLETS, example: 'personal' })
  wallet: Wallet;

  @ApiProperty({
    ...DAY,
    example: '2027-01-01',
    description: "The next occurrence's local date (the user's zone).",
  })
  next_date: string;

  @ApiProperty({ example: false })
  paused: boolean;
}

export class RecurringPageResponse extends PageResponse {
  @ApiProperty({ type: [RecurringResponse] })
  results: RecurringResponse[];
}
