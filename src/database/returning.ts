import type { EntityManager } from 'typeorm';

/**
 * Runs one UPDATE / DELETE … RETURNING and gives its rows. The statement is wrapped in a SELECT because TypeORM's
 * postgres driver answers a bare UPDATE or DELETE with `[rows, rowCount]` (an array of length 2 whatever happened).
 */
export function queryReturning<T = Record<string, unknown>>(
  db: Pick<EntityManager, 'query'>,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  return db.query(`WITH changed AS (${sql}) SELECT * FROM changed`, params);
}
