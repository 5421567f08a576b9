import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { CURRENCIES, type Currency } from '../../common/money';
import { DAY, INSTANT, MONEY, PageResponse } from '../../common/openapi/schemas';
import type { GoalStatus } from './goal.entity';

/** The response schemas of /api/goals/ (README "REST API"; goalJson). */

const STATUSES: readonly GoalStatus[] = ['active', 'completed'];

// The schema keeps the name the document has always given it.
@ApiSchema({ name: 'GoalResponseDto' })
export class GoalResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'Телефон' })
  title: string;

  @ApiProperty({ ...MONEY, example: '3000000.00' })
  target_amount: string;

  @ApiProperty({ ...MONEY, example: '1200000.00' })
  saved_amount: string;

  @ApiProperty({ enum: CURRENCIES, example: 'UZS' })
  currency: Currency;

  @ApiProperty({ ...DAY, example: '2027-03-01', nullable: true })
  deadline: string | null;

  @ApiProperty({ enum: STATUSES, example: 'active' })
  status: GoalStatus;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 100,
    example: 40,
    description: 'Whole percent of the target saved',
  })
  progress_percent: number;

  @ApiProperty(INSTANT)
  created_at: string;

  @ApiProperty(INSTANT)
  updated_at: string;
}

export class GoalPageResponse extends PageResponse {
  @ApiProperty({ type: [GoalResponse] })
  results: GoalResponse[];
}
