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

  @ApiPropertyOptional({
    enum: ['expense', 'income'],
    description: 'Cannot be changed; accepted when equal to the current type.',
  })
  @Allow()
  type?: unknown;
}

/** One learned word (GET /api/categories/learned/). */
export class LearnedCategoryResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    example: 'obed',
    description: 'The key word, folded as the parser reads words (lower case, ё→е, no apostrophes).',
  })
  keyword: string;
  @ApiProperty({ enum: ['expense', 'income'], description: 'Applies to records of this type only.' })
  type: string;
  @ApiProperty({ example: 'cafe', description: 'A default category key or `custom:<uuid>`.' })
  category: string;
  @ApiProperty({ example: 'Кафе и рестораны', description: "The category's name in the user's language." })
  category_name: string;
  @ApiProperty() created_at: string;
  @ApiProperty({ description: 'When the word was last learned (a later correction replaces the category).' })
  updated_at: string;
}
