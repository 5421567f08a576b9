import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PROFILE_COLUMNS, TableSection } from './privacy.sections';

/** The SQL of the data export and the erasure. Every statement is scoped by user id. */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: DataSource) {}

  async profile(userId: string, em?: EntityManager): Promise<Record<string, unknown> | null> {
    const rows: Array<Record<string, unknown>> = await (em ?? this.db).query(`SELECT ${PROFILE_COLUMNS} FROM users WHERE id = $1`, [userId]);
    return rows[0] ?? null;
  }

  section(userId: string, s: TableSection, em?: EntityManager): Promise<Array<Record<string, unknown>>> {
    return (em ?? this.db).query(`SELECT ${s.columns} FROM ${s.table} WHERE user_id = $1 ORDER BY ${s.orderBy}`, [userId]);
  }

  /** Deletes the user; every table holding their rows follows by ON DELETE CASCADE. True when there was one. */
  async deleteUser(userId: string): Promise<boolean> {
    const rows: unknown[] = await this.db.query(`DELETE FROM users WHERE id = $1 RETURNING id`, [userId]);
    return rows.length > 0;
  }

  /** For one consistent export: a read-only snapshot. */
  snapshot<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction('REPEATABLE READ', work);
  }
}
