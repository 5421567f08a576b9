import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { IsChoice, IsQueryChoice, IsText } from '../../common/validation/field-rules';
import { TRANSACTION_TYPES, TransactionType } from '../nlu/nlu.types';

export const CATEGORY_NAME_MAX = 64;

/** POST /api/categories/ (type first: DRF reports its error first). */
export class CreateCategoryDto {
  @ApiProperty({ enum: TRANSACTION_TYPES, example: 'expense' })
  @IsChoice(TRANSACTION_TYPES, { required: true, plainString: true })
  type!: TransactionType;

  @ApiProperty({
    type: String,
    example: 'Бензин',
    maxLength: CATEGORY_NAME_MAX,
    description: 'Trimmed, inner white space made one space.',
  })
  @IsText({ max: CATEGORY_NAME_MAX, required: true, collapseSpaces: true })
  name!: string;
}

/** PATCH /api/categories/{id}/: rename. */
export class RenameCategoryDto {
  @ApiProperty({
    type: String,
    example: 'Топливо',
    maxLength: CATEGORY_NAME_MAX,
    description: 'Trimmed, inner white space made one space.',
  })
  @IsText({ max: CATEGORY_NAME_MAX, required: true, collapseSpaces: true })
  name!: string;

  @ApiPropertyOptional({
    enum: TRANSACTION_TYPES,
    description: 'Cannot be changed; accepted when equal to the current type (anything else is refused).',
  })
  @Allow()
  type?: unknown;
}

/** GET /api/categories/ */
export class CategoryListQueryDto {
  @ApiPropertyOptional({ enum: TRANSACTION_TYPES })
  @IsQueryChoice(TRANSACTION_TYPES, true)
  type?: TransactionType;
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
