import { ApiProperty } from '@nestjs/swagger';

/**
 * Building blocks of the response schemas (docs/interface.md §3): money is a decimal string with two decimals,
 * instants are ISO 8601 date-times in UTC, days are YYYY-MM-DD.
 */
export const MONEY = { type: String, pattern: '^-?\\d+\\.\\d{2}$', example: '50000.00' } as const;
export const INSTANT = { type: String, format: 'date-time', example: '2026-11-29T09:30:00.000Z' } as const;
export const DAY = { type: String, format: 'date', example: '2026-11-29' } as const;

/**
 * DRF's page (PageNumberPagination): `count` rows in all, absolute links to the next and previous pages (null at
 * either end) and this page's `results`. Each list extends it with its own `results`.
 */
export abstract class PageResponse {
  @ApiProperty({ example: 42, minimum: 0 })
  count: number;

  @ApiProperty({
    type: String,
    format: 'uri',
    nullable: true,
    example: 'https://ovozpay.example/api/transactions/?page=3',
  })
  next: string | null;

  @ApiProperty({
    type: String,
    format: 'uri',
    nullable: true,
    example: 'https://ovozpay.example/api/transactions/',
  })
  previous: string | null;
}
