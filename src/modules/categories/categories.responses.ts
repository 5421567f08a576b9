import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { INSTANT } from '../../common/openapi/schemas';
import { TRANSACTION_TYPES, type TransactionType } from '../nlu/nlu.types';

/** The response schemas of /api/categories/ (README "REST API"; CategoryJson and LearnedCategoryJson). */

export class CategoryResponse {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a default category' })
  id: string | null;

  @ApiProperty({ example: 'groceries', description: 'A default key, or `custom:<uuid>` for your own' })
  key: string;

  @ApiProperty({ enum: TRANSACTION_TYPES, example: 'expense' })
  type: TransactionType;

  @ApiProperty({ example: 'Продукты', description: "The name in the user's language, or the name you gave" })
  name: string;

  @ApiProperty()
  is_default: boolean;
}

/** One learned word (GET /api/categories/learned/). */
// The schema keeps the name the document has always given it.
@ApiSchema({ name: 'LearnedCategoryResponseDto' })
export class LearnedCategoryResponse {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({
    example: 'obed',
    description: 'The key word, folded as the parser reads words (lower case, ё→е, no apostrophes).',
  })
  keyword: string;

  @ApiProperty({ enum: TRANSACTION_TYPES, description: 'Applies to records of this type only.' })
  type: TransactionType;

  @ApiProperty({ example: 'cafe', description: 'A default category key or `custom:<uuid>`.' })
  category: string;

  @ApiProperty({ example: 'Кафе и рестораны', description: "The category's name in the user's language." })
  category_name: string;

  @ApiProperty(INSTANT)
  created_at: string;

  @ApiProperty({
    ...INSTANT,
    description: 'When the word was last learned (a later correction replaces the category).',
  })
  updated_at: string;
}
