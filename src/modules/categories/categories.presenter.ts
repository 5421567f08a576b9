/** The JSON of categories on the REST API (snake_case, docs/interface.md §3). */
import type { TransactionType } from '../nlu/nlu.types';
import type { Category } from './category.entity';
import { ownCategoryView, type CategoryView, type LearnedWord } from './categories.service';

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

export function categoryJson(c: CategoryView): CategoryJson {
  return { id: c.id, key: c.key, type: c.type, name: c.name, is_default: c.isDefault };
}

export function customCategoryJson(c: Category): CategoryJson {
  return categoryJson(ownCategoryView(c));
}

export function learnedCategoryJson(w: LearnedWord): LearnedCategoryJson {
  return {
    id: w.id,
    keyword: w.keyword,
    type: w.type,
    category: w.category,
    category_name: w.categoryName,
    created_at: w.createdAt.toISOString(),
    updated_at: w.updatedAt.toISOString(),
  };
}
