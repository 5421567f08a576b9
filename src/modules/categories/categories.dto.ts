import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';

/** POST /api/categories/. Values are checked by CategoriesService (DRF-style field errors). */
export class CreateCategoryDto {
  @ApiProperty({ example: 'Бензин', maxLength: 64 })
  @Allow()
  name?: unknown;

  @ApiProperty({ enum: ['expense', 'income'] })
  @Allow()
  type?: unknown;
}

/** PATCH /api/categories/{id}/: rename. */
export class RenameCategoryDto {
  @ApiProperty({ example: 'Топливо', maxLength: 64 })
  @Allow()
  name?: unknown;

  @ApiPropertyOptional({ enum: ['expense', 'income'], description: 'Cannot be changed; accepted when equal to the current type.' })
  @Allow()
  type?: unknown;
}
