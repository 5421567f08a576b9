import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/** Distinct statements kept as named ones; past it (generated SQL gone wrong) they run unnamed. */
const MAX_NAMES = 500;
const names = new Map<string, string>();

/**
 * Runs one statement on the pool as a named prepared statement: each connection has PostgreSQL parse and plan it
 * once, later runs only bind and execute. For the statements every update or request runs (issue 16,
 * docs/benchmarks-analysis.md): the update's claim with its reads was ≈ 0.4 ms of parsing and planning in
 * PostgreSQL each time, 0.1 ms when prepared. Not for work inside a transaction (it takes any pooled connection).
 * A prepared statement must keep its result's columns while it lives, so callers name their columns (never `*`): a
 * migration that adds a column while older instances run does not break them. Errors come back as TypeORM's
 * QueryFailedError, and failures and slow statements are logged as TypeORM logs its own.
 */
export async function preparedQuery<T = Record<string, unknown>>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  let name = names.get(text);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `ovz_${names.size + 1}`;
    names.set(text, name);
  }
  const pool = (dataSource.driver as PostgresDriver).master as Pool;
  const started = Date.now();
  try {
    const result = await pool.query<T & object>(name ? { name, text, values } : { text, values });
    const took = Date.now() - started;
    // logged as slow past the data source's maxQueryExecutionTime, as TypeORM logs its own statements
    const slowMs = dataSource.options.maxQueryExecutionTime;
    if (slowMs && took > slowMs) dataSource.logger.logQuerySlow(took, text, values);
    return result.rows;
  } catch (error) {
    dataSource.logger.logQueryError(error as Error, text, values);
    throw new QueryFailedError(text, values, error as Error);
  }
}
