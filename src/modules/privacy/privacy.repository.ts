import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { queryReturning } from '../../database/returning';
import { PROFILE_COLUMNS, TableSection } from './privacy.sections';

/** One page of a section: the rows, and where the next page starts (null after the last). */
export interface SectionPage {
  rows: Array<Record<string, unknown>>;
  next: string[] | null;
}

/** The key columns of a section, from its `orderBy`. */
export function sectionKeys(s: TableSection): string[] {
  return s.orderBy.split(',').map((c) => c.trim());
}

/** The SQL of the data export and the erasure. Every statement is scoped by user id. */
@Injectable()
export class PrivacyRepository {
  constructor(private readonly db: DataSource) {}

  /** For computed sections (ComputedSection.collect). */
  get manager(): EntityManager {
    return this.db.manager;
  }

  async profile(userId: string): Promise<Record<string, unknown> | null> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${PROFILE_COLUMNS} FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0] ?? null;
  }

  /**
   * Up to `limit` of the user's rows of a section after `after` (keyset paging on the section's key columns). One
   * short statement per page: the export holds no connection and no transaction between pages. The cursor is the
   * database's own text of the keys (exact timestamps), kept in memory only — never sent to the client.
   */
  async sectionPage(
    userId: string,
    s: TableSection,
    after: string[] | null,
    limit: number,
  ): Promise<SectionPage> {
    const keys = sectionKeys(s);
    const cursor = keys.map((k, i) => `${k}::text AS "__key${i}"`).join(', ');
    const params: unknown[] = [userId, ...(after ?? [])];
    const range = after ? ` AND (${keys.join(', ')}) > (${keys.map((_, i) => `$${i + 2}`).join(', ')})` : '';
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT ${s.columns}, ${cursor} FROM ${s.table} WHERE ${s.userColumn ?? 'user_id'} = $1${range} ORDER BY ${keys.join(', ')} LIMIT ${Math.max(1, Math.floor(limit))}`,
      params,
    );
    const last = rows[rows.length - 1];
    const next = rows.length === limit && last ? keys.map((_, i) => String(last[`__key${i}`])) : null;
    for (const row of rows) for (let i = 0; i < keys.length; i++) delete row[`__key${i}`];
    return { rows, next };
  }

  /** Deletes the user; every table holding their rows follows by ON DELETE CASCADE. True when there was one. */
  async deleteUser(userId: string): Promise<boolean> {
    const rows = await queryReturning(this.db, `DELETE FROM users WHERE id = $1 RETURNING id`, [userId]);
    return rows.length > 0;
  }
}
