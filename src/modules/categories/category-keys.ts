/** Category keys: the defaults of CONTRACT §6 (in code, the same for everyone) and users' own, `custom:<uuid>`. */
import { isUuid } from '../../common/validation/uuid';
import { CategoryKey, EXPENSE_CATEGORIES, INCOME_CATEGORIES, TransactionType } from '../nlu/nlu.types';

export const DEFAULT_CATEGORY_KEYS: Record<TransactionType, readonly CategoryKey[]> = {
  expense: EXPENSE_CATEGORIES,
  income: INCOME_CATEGORIES,
};

/** The fall-back key, valid for both types; transactions of a deleted custom category get it. */
export const FALLBACK_CATEGORY: CategoryKey = 'other';

const CUSTOM_PREFIX = 'custom:';

export function isDefaultCategory(type: TransactionType, key: string): key is CategoryKey {
  return (DEFAULT_CATEGORY_KEYS[type] as readonly string[]).includes(key);
}

/** A default key of either type (e.g. for deciding that an id in a URL names a default category). */
export function isAnyDefaultCategory(key: string): key is CategoryKey {
  return isDefaultCategory('expense', key) || isDefaultCategory('income', key);
}

export function customCategoryKey(id: string): string {
  return `${CUSTOM_PREFIX}${id.toLowerCase()}`;
}

/** The category id inside a `custom:<uuid>` key, or null when the key is not of that form. */
export function customCategoryId(key: string): string | null {
  if (!key.startsWith(CUSTOM_PREFIX)) return null;
  const id = key.slice(CUSTOM_PREFIX.length);
  return isUuid(id) ? id.toLowerCase() : null;
}
