import type { LearnedCategory } from './learned-category.entity';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import { keywordOf, keywordsOf, matchKeyword, sameKeyword } from '../nlu/keywords';
import { LANGUAGES, type Language, type TransactionType } from '../nlu/nlu.types';
import { UsersService } from '../users/users.service';
import { CategoriesRepository } from './categories.repository';
import { Category } from './category.entity';
import { LearnedCategoriesRepository } from './learned-categories.repository';
import {
  customCategoryId,
  customCategoryKey,
  DEFAULT_CATEGORY_KEYS,
  isAnyDefaultCategory,
  isDefaultCategory,
} from './category-keys';
import { isUuid } from '../../common/validation/uuid';
import { defaultCategoryName } from './category-names';
import { isUniqueViolation } from '../../database/errors';

/** Default categories are listed expenses first. */
const TYPES: readonly TransactionType[] = ['expense', 'income'];

/** Resolves any category key a transaction may carry to the name the user sees. */
export type CategoryNameResolver = (key: string) => string;

/** What a learned category is looked up for: an item about to be recorded (or parsed), or a record changed. */
export interface LearnableItem {
  type: TransactionType;
  category: string;
  description: string;
}

/** The item with the category the user taught, when a word of its description has one. */
export type WithLearnedCategory<T extends LearnableItem> = Omit<T, 'category'> & { category: string };

/** At most this many learned words are kept per user (the least recently learned go first). */
export const LEARNED_MAX = 500;

/**
 * The word a correction teaches: the key word of the record's description when its category changed, else null.
 * (learnFromChange stores it; the bot names it in its answer.)
 */
export function correctionKeyword(before: LearnableItem, after: LearnableItem): string | null {
  return before.category === after.category ? null : keywordOf(after.description);
}

const DUPLICATE_NAME = 'A category with this name already exists.';

/** A category as listed: a default (id null, named in the user's language) or one of the user's own. */
export interface CategoryView {
  id: string | null;
  key: string;
  type: TransactionType;
  name: string;
  isDefault: boolean;
}

/** A learned word with the name of its category in the asked language. */
export interface LearnedWord {
  id: string;
  keyword: string;
  type: TransactionType;
  category: string;
  categoryName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** An own category as listed. */
export function ownCategoryView(c: Category): CategoryView {
  return { id: c.id, key: customCategoryKey(c.id), type: c.type, name: c.name, isDefault: false };
}

/** A new category: its type and name (trimmed, white space collapsed, at most 64 characters). */
export interface NewCategory {
  type: TransactionType;
  name: string;
}

/** A rename; `type` is whatever the client sent (it may only repeat the category's type). */
export interface CategoryRename {
  name: string;
  type?: unknown;
}

/** Categories: the defaults (translated) and users' own. Typed input in, entities and views out. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly learned: LearnedCategoriesRepository,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
  ) {}

  /** Default categories (in the user's language) then the user's own; `type` narrows both. */
  async list(userId: string, type?: TransactionType): Promise<CategoryView[]> {
    const user = await this.users.getById(userId);
    const defaults = (type ? [type] : TYPES).flatMap((t) =>
      DEFAULT_CATEGORY_KEYS[t].map((key) => ({
        id: null,
        key,
        type: t,
        name: defaultCategoryName(key, user.language),
        isDefault: true,
      })),
    );
    const own = await this.categories.listOwned(userId, type);
    return [...defaults, ...own.map(ownCategoryView)];
  }

  /** One of the user's own categories (defaults are listed only). */
  async get(userId: string, id: string): Promise<Category> {
    if (isAnyDefaultCategory(id)) throw DomainError.notFound();
    return await this.findOwnedOrFail(userId, id);
  }

  /** A new category of the user (`name` trimmed, its white space collapsed); a taken name → 400. */
  async create(userId: string, { type, name }: NewCategory): Promise<Category> {
    if (this.isDefaultName(type, name)) throw DomainError.validation('name', DUPLICATE_NAME);
    try {
      const created = await this.categories.insert(userId, type, name);
      if (!created) throw DomainError.validation('name', DUPLICATE_NAME);
      return created;
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.validation('name', DUPLICATE_NAME);
      throw error;
    }
  }

  /** Renames one of the user's categories; `type`, when sent, must be its type (a type cannot change). */
  async rename(userId: string, id: string, { name, type }: CategoryRename): Promise<Category> {
    const existing = await this.findOwnedOrFail(userId, id);
    const errors: Record<string, string[]> = {};
    if (type !== undefined && type !== existing.type)
      errors.type = ['The type of a category cannot be changed.'];
    if (this.isDefaultName(existing.type, name)) errors.name = [DUPLICATE_NAME];
    if (Object.keys(errors).length) throw new DomainError('validation', 'Invalid category', errors);
    try {
      const renamed = await this.categories.rename(userId, existing.id, name);
      if (!renamed) throw DomainError.notFound();
      if (renamed === 'taken') throw DomainError.validation('name', DUPLICATE_NAME);
      return renamed;
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.validation('name', DUPLICATE_NAME);
      throw error;
    }
  }

  /**
   * Deletes a custom category; its transactions fall back to 'other' and the words learned for it are forgotten,
   * in the same database transaction.
   */
  async remove(userId: string, id: string): Promise<void> {
    const categoryId = this.readId(id);
    const deleted = await this.dataSource.transaction(async (em) => {
      if (!(await this.categories.deleteOwned(em, userId, categoryId))) return false;
      await this.categories.reassignTransactions(em, userId, customCategoryKey(categoryId));
      await this.learned.deleteForCategory(em, userId, customCategoryKey(categoryId));
      return true;
    });
    if (!deleted) throw DomainError.notFound();
  }

  /**
   * May a transaction of this type carry this category key for this user? Defaults are checked in code; a custom
   * key needs the user's category of the same type. Pass the transaction's `em` to lock the category until commit.
   */
  async isAllowed(userId: string, type: TransactionType, key: string, em?: EntityManager): Promise<boolean> {
    if (isDefaultCategory(type, key)) return true;
    const id = customCategoryId(key);
    return id !== null && this.categories.existsOwned(userId, id, type, em);
  }

  /**
   * Names of every key the user's transactions can carry, in `lang`; an unknown key shows as itself. Given the
   * `keys` about to be named, the user's own categories are read only when one of them is custom (the text path
   * records default keys only, so it skips the query).
   */
  async nameResolver(userId: string, lang: Language, keys?: Iterable<string>): Promise<CategoryNameResolver> {
    const needsOwn = keys === undefined || [...keys].some((k) => !isAnyDefaultCategory(k));
    const owned = needsOwn ? await this.categories.listOwned(userId) : [];
    const own = new Map(owned.map((c) => [customCategoryKey(c.id), c.name]));
    return (key) => (isAnyDefaultCategory(key) ? defaultCategoryName(key, lang) : (own.get(key) ?? key));
  }

  // Learning from corrections (docs/learning.md) ---------------------------------------------------------------

  /**
   * The categories the user taught come before the parser's: each item whose description names a learned word of
   * its type gets that word's category (the earliest word of the description decides). One query for all items;
   * none when no item has a word to look up.
   */
  async applyLearned<T extends LearnableItem>(
    userId: string,
    items: readonly T[],
    /** The user's taught words when the caller has read them already (the most recently learned first). */
    known?: ReadonlyArray<Pick<LearnedCategory, 'type' | 'keyword' | 'category'>>,
  ): Promise<Array<WithLearnedCategory<T>>> {
    if (!items.some((item) => keywordsOf(item.description).length)) return [...items];
    const rules = known ?? (await this.learned.list(userId, [...new Set(items.map((item) => item.type))]));
    if (!rules.length) return [...items];
    return items.map((item) => {
      const own = rules.filter((r) => r.type === item.type);
      const found = matchKeyword(
        item.description,
        own.map((r) => r.keyword),
      );
      return found < 0 ? item : { ...item, category: own[found].category };
    });
  }

  /**
   * A record's category was changed by its user (the bot's 🏷 buttons, PATCH/PUT over REST): its key word now means
   * the new category for records of its type. Runs inside the change's database transaction (`em`). The last
   * correction wins; a rule for another form of the same word (обеда for обед) is replaced. Returns the word
   * learned, or null (category unchanged, or no word in the description).
   */
  async learnFromChange(
    em: EntityManager,
    userId: string,
    before: LearnableItem,
    after: LearnableItem,
  ): Promise<string | null> {
    const keyword = correctionKeyword(before, after);
    if (!keyword) return null;
    const rules = await this.learned.list(userId, [after.type], em);
    const otherForms = rules
      .filter((r) => r.keyword !== keyword && sameKeyword(r.keyword, keyword))
      .map((r) => r.id);
    await this.learned.deleteMany(em, userId, otherForms);
    await this.learned.upsert(em, userId, after.type, keyword, after.category);
    await this.learned.trim(em, userId, LEARNED_MAX);
    return keyword;
  }

  /** The user's learned words, the most recently learned first, with category names in the user's language. */
  async listLearned(userId: string, lang?: Language): Promise<LearnedWord[]> {
    const rules = await this.learned.list(userId);
    const language = lang ?? (await this.users.getById(userId)).language;
    const name = await this.nameResolver(
      userId,
      language,
      rules.map((r) => r.category),
    );
    return rules.map((r) => ({
      id: r.id,
      keyword: r.keyword,
      type: r.type,
      category: r.category,
      categoryName: name(r.category),
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }));
  }

  /** Forgets one learned word and returns it; another user's id, or one already forgotten → not found. */
  async forgetLearned(userId: string, id: string): Promise<string> {
    const keyword = isUuid(id) ? await this.learned.deleteOwned(userId, id.toLowerCase()) : null;
    if (keyword === null) throw DomainError.notFound();
    return keyword;
  }

  private isDefaultName(type: TransactionType, name: string): boolean {
    const lower = name.toLowerCase();
    return DEFAULT_CATEGORY_KEYS[type].some((key) =>
      LANGUAGES.some((lang) => defaultCategoryName(key, lang).toLowerCase() === lower),
    );
  }

  /** A URL id: the category's uuid or its `custom:<uuid>` key. Default keys cannot be changed → 400. */
  private readId(id: string): string {
    if (isAnyDefaultCategory(id))
      throw new DomainError('validation', 'Default categories cannot be renamed or deleted.');
    const fromKey = customCategoryId(id);
    if (fromKey) return fromKey;
    if (!isUuid(id)) throw DomainError.notFound();
    return id.toLowerCase();
  }

  private async findOwnedOrFail(userId: string, id: string): Promise<Category> {
    const category = await this.categories.findOwned(userId, this.readId(id));
    if (!category) throw DomainError.notFound();
    return category;
  }
}
