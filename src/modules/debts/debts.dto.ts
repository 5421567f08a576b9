import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** Body of POST / PATCH /api/debts/. Checked by DebtsService (readDebtInput); the DTO is the OpenAPI document. */
export class DebtBodyDto {
  @ApiProperty({
    enum: ['lent', 'borrowed'],
    description: 'lent: someone owes you; borrowed: you owe someone.',
  })
  @Allow()
  direction?: unknown;

  @ApiProperty({ example: 'Алишер', maxLength: 100 })
  @Allow()
  counterparty?: unknown;

  @ApiProperty({ example: '200.00', description: 'Decimal string (or JSON number); > 0.' })
  @Allow()
  amount?: unknown;

  @ApiPropertyOptional({ enum: ['UZS', 'USD', 'RUB', 'EUR'], description: "Default: the user's currency." })
  @Allow()
  currency?: unknown;

  @ApiPropertyOptional({ example: '2027-06-01', nullable: true, description: 'YYYY-MM-DD or null.' })
  @Allow()
  due_date?: unknown;

  @ApiPropertyOptional({ example: 'на ремонт', maxLength: 500 })
  @Allow()
  description?: unknown;

  @ApiPropertyOptional({ enum: ['open', 'closed'], description: 'PATCH only: close or reopen by hand.' })
  @Allow()
  status?: unknown;
}

export class DebtResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['lent', 'borrowed'] }) direction: string;
  @ApiProperty() counterparty: string;
  @ApiProperty({ example: '200.00' }) amount: string;
  @ApiProperty({ example: '50.00' }) repaid_amount: string;
  @ApiProperty({ example: '150.00' }) remaining_amount: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiProperty({ example: '2027-06-01', nullable: true, type: String }) due_date: string | null;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty() description: string;
  @ApiProperty() created_at: string;
  @ApiProperty() updated_at: string;
}
