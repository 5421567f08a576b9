import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * Body of POST / PUT / PATCH /api/transactions/. Values are checked by TransactionsService (readTransactionInput),
 * which reports every field error at once with DRF's messages; the DTO exists for the OpenAPI document.
 */
export class TransactionBodyDto {
  @ApiProperty({ enum: ['income', 'expense'] })
  @Allow()
  type?: unknown;

  @ApiProperty({
    example: '50000.00',
    description: 'Decimal string (or JSON number); > 0, at most 13 integer digits and 2 decimals.',
  })
  @Allow()
  amount?: unknown;

  @ApiPropertyOptional({ enum: ['UZS', 'USD', 'RUB', 'EUR'], description: "Default: the user's currency." })
  @Allow()
  currency?: unknown;

  @ApiPropertyOptional({
    example: 'groceries',
    description: 'A default key of the type (GET /api/categories/) or custom:<uuid>. Default: other.',
  })
  @Allow()
  category?: unknown;

  @ApiPropertyOptional({ example: 'продукты', maxLength: 500 })
  @Allow()
  description?: unknown;

  @ApiPropertyOptional({
    example: '2026-11-29',
    description:
      "YYYY-MM-DD (that day, 12:00 in the user's time zone) or an ISO 8601 date-time. Default: now.",
  })
  @Allow()
  date?: unknown;
}

export class ParseBodyDto {
  @ApiProperty({ example: 'потратил 50000 сум на продукты', maxLength: 1000 })
  @Allow()
  text?: unknown;
}
