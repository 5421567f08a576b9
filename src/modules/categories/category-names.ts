/**
 * Names of the default categories as users see them (ru, uz Latin, en): the parser module's table, so the bot,
 * the REST API and the Mini App show the same words.
 */
import { categoryName } from '../nlu/categories';
import type { CategoryKey, Language } from '../nlu/nlu.types';

export function defaultCategoryName(key: CategoryKey, lang: Language): string {
  return categoryName(key, lang);
}
