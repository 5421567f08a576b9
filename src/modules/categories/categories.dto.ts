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
