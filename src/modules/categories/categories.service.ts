import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import type { Language, TransactionType } from '../nlu/nlu.types';
import { UsersService } from '../users/users.service';
import { CategoriesRepository } from './categories.repository';
import { Category } from './category.entity';
import {
  customCategoryId,
  customCategoryKey,
  DEFAULT_CATEGORY_KEYS,
  isAnyDefaultCategory,
  isDefaultCategory,
  isUuid,
} from './category-keys';
import { defaultCategoryName } from './category-names';

export const CATEGORY_NAME_MAX = 64;
const LANGUAGES: readonly Language[] = ['ru', 'uz', 'en'];
const TYPES: readonly TransactionType[] = ['expense', 'income'];

/** The API shape of a category (default or the user's own). */
export interface CategoryJson {
  id: string | null;
  key: string;
  type: TransactionType;
  name: string;
  is_default: boolean;
}

/** Resolves any category key a transaction may carry to the name the user sees. */
export type CategoryNameResolver = (key: string) => string;

const DUPLICATE_NAME = 'A category with this name already exists.';

function customJson(c: Category): CategoryJson {
  return { id: c.id, key: customCategoryKey(c.id), type: c.type, name: c.name, is_default: false };
}

function readType(value: unknown, errors: Record<string, string[]>): TransactionType | undefined {
  if (value === undefined) errors.type = ['This field is required.'];
  else if (value === null) errors.type = ['This field may not be null.'];
  else if (value === 'income' || value === 'expense') return value;
  else errors.type = [`"${String(value)}" is not a valid choice.`];
  return undefined;
}

/** Trimmed, inner whitespace collapsed; DRF CharField messages. */
function readName(value: unknown, errors: Record<string, string[]>): string | undefined {
  if (value === undefined) errors.name = ['This field is required.'];
  else if (value === null) errors.name = ['This field may not be null.'];
  else if (typeof value !== 'string') errors.name = ['Not a valid string.'];
  else {
    const name = value.trim().replace(/\s+/g, ' ');
    if (!name) errors.name = ['This field may not be blank.'];
    else if (name.length > CATEGORY_NAME_MAX) errors.name = [`Ensure this field has no more than ${CATEGORY_NAME_MAX} characters.`];
    else return name;
  }
  return undefined;
}

function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string } };
  return e?.code === '23505' || e?.driverError?.code === '23505';
}

/** Categories: the defaults (translated) and users' own. Plain values in, API shapes or booleans out. */
@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
  ) {}

  /** Default categories (in the user's language) then the user's own; `type` narrows both. */
  async list(userId: string, type?: TransactionType): Promise<CategoryJson[]> {
    const user = await this.users.getById(userId);
    const defaults = (type ? [type] : TYPES).flatMap((t) =>
      DEFAULT_CATEGORY_KEYS[t].map((key) => ({ id: null, key, type: t, name: defaultCategoryName(key, user.language), is_default: true })),
    );
    const own = await this.categories.listOwned(userId, type);
    return [...defaults, ...own.map(customJson)];
  }

  /** One of the user's own categories (defaults are listed only). */
  async get(userId: string, id: string): Promise<CategoryJson> {
    if (isAnyDefaultCategory(id)) throw DomainError.notFound();
    return customJson(await this.findOwnedOrFail(userId, id));
  }

  async create(userId: string, body: Record<string, unknown>): Promise<CategoryJson> {
    const errors: Record<string, string[]> = {};
    const type = readType(body.type, errors);
    const name = readName(body.name, errors);
    if (type && name && this.isDefaultName(type, name)) errors.name = [DUPLICATE_NAME];
    if (Object.keys(errors).length || !type || !name) throw new DomainError('validation', 'Invalid category', errors);
    try {
      const created = await this.categories.insert(userId, type, name);
      if (!created) throw DomainError.validation('name', DUPLICATE_NAME);
      return customJson(created);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.validation('name', DUPLICATE_NAME);
      throw error;
    }
  }

  async rename(userId: string, id: string, body: Record<string, unknown>): Promise<CategoryJson> {
    const existing = await this.findOwnedOrFail(userId, id);
    const errors: Record<string, string[]> = {};
    const name = readName(body.name, errors);
    if (body.type !== undefined && body.type !== existing.type) errors.type = ['The type of a category cannot be changed.'];
    if (name && this.isDefaultName(existing.type, name)) errors.name = [DUPLICATE_NAME];
    if (Object.keys(errors).length || !name) throw new DomainError('validation', 'Invalid category', errors);
    try {
      const renamed = await this.categories.rename(userId, existing.id, name);
      if (!renamed) throw DomainError.notFound();
      if (renamed === 'taken') throw DomainError.validation('name', DUPLICATE_NAME);
      return customJson(renamed);
    } catch (error) {
      if (isUniqueViolation(error)) throw DomainError.validation('name', DUPLICATE_NAME);
      throw error;
    }
  }

  /** Deletes a custom category; its transactions fall back to 'other', in the same database transaction. */
  async remove(userId: string, id: string): Promise<void> {
    const categoryId = this.readId(id);
    const deleted = await this.dataSource.transaction(async (em) => {
      if (!(await this.categories.deleteOwned(em, userId, categoryId))) return false;
      await this.categories.reassignTransactions(em, userId, customCategoryKey(categoryId));
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

  private isDefaultName(type: TransactionType, name: string): boolean {
    const lower = name.toLowerCase();
    return DEFAULT_CATEGORY_KEYS[type].some((key) => LANGUAGES.some((lang) => defaultCategoryName(key, lang).toLowerCase() === lower));
  }

  /** A URL id: the category's uuid or its `custom:<uuid>` key. Default keys cannot be changed → 400. */
  private readId(id: string): string {
    if (isAnyDefaultCategory(id)) throw new DomainError('validation', 'Default categories cannot be renamed or deleted.');
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
