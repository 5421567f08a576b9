/** The JSON of categories on the REST API (snake_case); the bot's category list reads the same shapes. */
import type { TransactionType } from '../nlu/nlu.types';
import { customCategoryKey } from './category-keys';
import type { Category } from './category.entity';
import type { LearnedCategory } from './learned-category.entity';

/** Resolves a category key to the name the user sees. */
type NameOf = (key: string) => string;

/** The API shape of a category (default or the user's own). */
export interface CategoryJson {
  id: string | null;
  key: string;
  type: TransactionType;
  name: string;
  is_default: boolean;
}

/** The API shape of a learned category (GET /api/categories/learned/). */
export interface LearnedCategoryJson {
  id: string;
  keyword: string;
  type: TransactionType;
  category: string;
  category_name: string;
  created_at: string;
  updated_at: string;
}

export function learnedCategoryJson(rule: LearnedCategory, name: NameOf): LearnedCategoryJson {
  return {
    id: rule.id,
    keyword: rule.keyword,
    type: rule.type,
    category: rule.category,
    category_name: name(rule.category),
    created_at: rule.createdAt.toISOString(),
    updated_at: rule.updatedAt.toISOString(),
  };
}

export function customCategoryJson(c: Category): CategoryJson {
  return { id: c.id, key: customCategoryKey(c.id), type: c.type, name: c.name, is_default: false };
}
