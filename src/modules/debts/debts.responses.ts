import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { DAY, INSTANT, MONEY, PageResponse } from '../../common/openapi/schemas';
import type { DebtDirection, DebtStatus } from './debt.entity';

/** The response schemas of /api/debts/ (README "REST API"; debtJson). */

const DIRECTIONS: readonly DebtDirection[] = ['lent', 'borrowed'];
const STATUSES: readonly DebtStatus[] = ['open', 'closed'];

// The schema keeps the name the document has always given it.
@ApiSchema({ name: 'DebtResponseDto' })
export class DebtResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    enum: DIRECTIONS,
    example: 'lent',
    description: 'lent: someone owes you; borrowed: you owe someone',
  })
  direction: DebtDirection;

  @ApiProperty({ example: 'Алишер' })
  counterparty: string;

  @ApiProperty({ ...MONEY, example: '200.00' })
  amount: string;

  @ApiProperty({ ...MONEY, example: '50.00' })
  repaid_amount: string;

  @ApiProperty({ ...MONEY, example: '150.00' })
  remaining_amount: string;

  @ApiProperty({ enum: CURRENCIES, example: 'USD' })
  currency: Currency;

  @ApiProperty({ ...DAY, example: '2027-06-01', nullable: true })
  due_date: string | null;

  @ApiProperty({ enum: STATUSES, example: 'open' })
  status: DebtStatus;

  @ApiProperty({ example: 'на ремонт' })
  description: string;

  @ApiProperty(INSTANT)
  created_at: string;

  @ApiProperty(INSTANT)
  updated_at: string;
}

export class DebtPageResponse extends PageResponse {
  @ApiProperty({ type: [DebtResponse] })
  results: DebtResponse[];
}
