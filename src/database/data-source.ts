import { DataSource, DataSourceOptions } from 'typeorm';
import { join } from 'node:path';
import { TypeOrmLogger } from './typeorm-logger';

/**
 * The one TypeORM configuration, shared by Nest (DatabaseModule) and the migration CLI.
 * Entities and migrations are discovered by file name so both compiled (dist) and ts-node runs work.
 */
export function buildDataSourceOptions(url: string, opts: { embedded: boolean; poolSize?: number }): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(__dirname, '..', 'modules', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    // PGlite serves one connection; a real server gets a normal pool.
    extra: { max: opts.embedded ? 1 : (opts.poolSize ?? 10), connectionTimeoutMillis: 5000 },
  };
}

const ADVISORY_LOCK_KEY = 7_042_025_001;

/**
 * Applies pending migrations. On a real server this runs under a session advisory lock so that several
 * instances starting together migrate once; the embedded engine is owned by one process and has one
 * connection, so it needs (and can take) no lock.
 */
export async function runMigrations(dataSource: DataSource, opts: { embedded: boolean }): Promise<string[]> {
  if (opts.embedded) {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await runner.release();
  }
}
