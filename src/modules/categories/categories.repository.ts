import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { TransactionType } from '../nlu/nlu.types';
import { Category } from './category.entity';
import { FALLBACK_CATEGORY } from './category-keys';

/** All SQL about users' own categories. Every query is scoped by user id. */
@Injectable()
export class CategoriesRepository {
  constructor(@InjectRepository(Category) private readonly repo: Repository<Category>) {}

  listOwned(userId: string, type?: TransactionType): Promise<Category[]> {
    const qb = this.repo.createQueryBuilder('c').where('c.user_id = :userId', { userId });
    if (type) qb.andWhere('c.type = :type', { type });
    return qb
      .orderBy('c.type', 'DESC')
      .addOrderBy('lower(c.name)', 'ASC')
      .addOrderBy('c.created_at', 'ASC')
      .getMany();
  }

  findOwned(userId: string, id: string): Promise<Category | null> {
    return this.repo.findOneBy({ id, userId });
  }

  /**
   * Does the user own a category with this id and type? Inside a transaction (`em`) the row is also locked
   * FOR KEY SHARE until commit, so a concurrent delete waits and then re-assigns what this transaction wrote.
   */
  async existsOwned(userId: string, id: string, type: TransactionType, em?: EntityManager): Promise<boolean> {
    const rows: unknown[] = await (em ?? this.repo.manager).query(
      `SELECT 1 FROM categories WHERE id = $1 AND user_id = $2 AND type = $3${em ? ' FOR KEY SHARE' : ''}`,
      [id, userId, type],
    );
    return rows.length > 0;
  }

  /** Inserts a category; null when the user already has one of this type and name (any case). */
  async insert(userId: string, type: TransactionType, name: string): Promise<Category | null> {
    const rows: Array<{ id: string }> = await this.repo.manager.query(
      `INSERT INTO categories (user_id, type, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id`,
      [userId, type, name],
    );
    return rows.length ? this.repo.findOneBy({ id: rows[0].id }) : null;
  }

  /**
   * Renames a category; 'taken' when another category of the user has that name (the unique index decides a race,
   * raising 23505).
   */
  async rename(userId: string, id: string, name: string): Promise<Category | 'taken' | null> {
    const result: [unknown[], number] = await this.repo.manager.query(
      `UPDATE categories c SET name = $3, updated_at = now()
       WHERE c.id = $1 AND c.user_id = $2
         AND NOT EXISTS (SELECT 1 FROM categories o WHERE o.user_id = c.user_id AND o.type = c.type AND lower(o.name) = lower($3) AND o.id <> c.id)`,
      [id, userId, name],
    );
    if (result[1] > 0) return this.repo.findOneBy({ id, userId });
    return (await this.repo.existsBy({ id, userId })) ? 'taken' : null;
  }

  /** Deletes a category (inside the caller's transaction). False when the user has no such category. */
  async deleteOwned(em: EntityManager, userId: string, id: string): Promise<boolean> {
    // TypeORM answers DELETE/UPDATE with [rows, affected].
    const result: [unknown[], number] = await em.query(
      `DELETE FROM categories WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return result[1] > 0;
  }

  /**
   * Moves the user's transactions of a category key to the fall-back category. Runs in the same transaction as
   * the category's delete; the transactions table is touched here because this is the categories' invariant
   * (no transaction points to a category that does not exist).
   */
  async reassignTransactions(em: EntityManager, userId: string, key: string): Promise<number> {
    const result: [unknown[], number] = await em.query(
      `UPDATE transactions SET category = $3, updated_at = now() WHERE user_id = $1 AND category = $2`,
      [userId, key, FALLBACK_CATEGORY],
    );
    return result[1];
  }
}
