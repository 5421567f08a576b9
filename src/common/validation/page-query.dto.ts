import { ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/**
 * `page` and `page_size` of a paginated list. Kept as sent: readPagination (common/http/pagination.ts) reads them
 * as DRF's PageNumberPagination does (a bad page is a 404 "Invalid page.", a bad page size the default).
 */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, example: 1 })
  @Allow()
  page?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: 100,
    example: 20,
    description: 'Default 20, at most 100',
  })
  @Allow()
  page_size?: string;
}
