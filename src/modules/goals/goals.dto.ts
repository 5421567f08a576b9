import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** Body of POST / PATCH /api/goals/. Checked by GoalsService (readGoalInput); the DTO is the OpenAPI document. */
export class GoalBodyDto {
  @ApiProperty({ example: 'Телефон', maxLength: 100 })
  @Allow()
  title?: unknown;

  @ApiProperty({
    example: '3000000.00',
    description: 'Decimal string (or JSON number); > 0, at most 13 integer digits and 2 decimals.',
  })
  @Allow()
  target_amount?: unknown;

  @ApiPropertyOptional({ enum: ['UZS', 'USD', 'RUB', 'EUR'], description: "Default: the user's currency." })
  @Allow()
  currency?: unknown;

  @ApiPropertyOptional({ example: '2027-03-01', nullable: true, description: 'YYYY-MM-DD or null.' })
  @Allow()
  deadline?: unknown;

  @ApiPropertyOptional({
    enum: ['active', 'completed'],
    description: 'PATCH only: complete (or reopen) by hand. Reaching the target completes a goal by itself.',
  })
  @Allow()
  status?: unknown;
}

export class AmountBodyDto {
  @ApiProperty({ example: '500000.00', description: 'Decimal string (or JSON number); > 0.' })
  @Allow()
  amount?: unknown;
}

export class GoalResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ example: '3000000.00' }) target_amount: string;
  @ApiProperty({ example: '1200000.00' }) saved_amount: string;
  @ApiProperty({ example: 'UZS' }) currency: string;
  @ApiProperty({ example: '2027-03-01', nullable: true, type: String }) deadline: string | null;
  @ApiProperty({ enum: ['active', 'completed'] }) status: string;
  @ApiProperty({ example: 40, description: 'Whole percent of the target saved, 0–100.' })
  progress_percent: number;
  @ApiProperty() created_at: string;
  @ApiProperty() updated_at: string;
}
