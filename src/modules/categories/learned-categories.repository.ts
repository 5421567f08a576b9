import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { TransactionType } from '../nlu/nlu.types';
import { LearnedCategory } from './learned-category.entity';

/** All SQL about learned categories. Every statement is scoped by user id. */
@Injectable()
export class LearnedCategoriesRepository {
  constructor(@InjectRepository(LearnedCategory) private readonly repo: Repository<LearnedCategory>) {}

  /** The user's rules (of `types` when given), the most recently learned first. */
  list(userId: string, types?: readonly TransactionType[], em?: EntityManager): Promise<LearnedCategory[]> {
    const qb = (em ?? this.repo.manager)
      .createQueryBuilder(LearnedCategory, 'l')
      .where('l.user_id = :userId', { userId });
    if (types) qb.andWhere('l.type IN (:...types)', { types });
    return qb.orderBy('l.updated_at', 'DESC').addOrderBy('l.keyword', 'ASC').getMany();
  }

  /** Learns (or re-learns) one word: the unique (user, type, keyword) makes a later correction replace the category. */
  async upsert(
    em: EntityManager,
    userId: string,
    type: TransactionType,
    keyword: string,
    category: string,
  ): Promise<void> {
    await em.query(
      `INSERT INTO learned_categories (user_id, type, keyword, category) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT uq_learned_categories_user_type_keyword DO UPDATE SET category = EXCLUDED.category, updated_at = now()`,
      [userId, type, keyword, category],
    );
  }

  /** Deletes some of the user's rules (inside the caller's transaction). */
  async deleteMany(em: EntityManager, userId: string, ids: readonly string[]): Promise<void> {
    if (ids.length)
      await em.query(`DELETE FROM learned_categories WHERE user_id = $1 AND id = ANY($2::uuid[])`, [
        userId,
        ids,
      ]);
  }

  /** Keeps the user's `keep` most recently learned rules and deletes the rest (each message reads them all). */
  async trim(em: EntityManager, userId: string, keep: number): Promise<void> {
    await em.query(
      `DELETE FROM learned_categories WHERE id IN (
         SELECT id FROM learned_categories WHERE user_id = $1 ORDER BY updated_at DESC, keyword OFFSET $2)`,
      [userId, keep],
    );
  }

  /** Deletes one rule and returns its keyword; null when the user has no rule with this id. */
  async deleteOwned(userId: string, id: string): Promise<string | null> {
    const result = await this.repo
      .createQueryBuilder()
      .delete()
      .where('id = :id AND user_id = :userId', { id, userId })
      .returning('keyword')
      .execute();
    const rows = result.raw as Array<{ keyword: string }>;
    return rows[0]?.keyword ?? null;
  }

  /** Forgets every rule that points to a category (its own category being deleted, inside that transaction). */
  async deleteForCategory(em: EntityManager, userId: string, category: string): Promise<void> {
    await em.query(`DELETE FROM learned_categories WHERE user_id = $1 AND category = $2`, [userId, category]);
  }
}
