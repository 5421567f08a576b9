import { DataSource, DataSourceOptions, MigrationExecutor } from 'typeorm';
import { join } from 'node:path';
import { TypeOrmLogger } from './typeorm-logger';

/**
 * The one TypeORM configuration, shared by Nest (DatabaseModule) and the migration CLI.
 * Entities and migrations are discovered by file name so both compiled (dist) and ts-node runs work.
 */
export interface PoolTimeouts {
  /** PostgreSQL statement_timeout of every pool connection, ms (0 = none). */
  statementMs: number;
  /** idle_in_transaction_session_timeout: a connection left idle inside a transaction this long is closed by the server. */
  idleInTransactionMs: number;
}

export function buildDataSourceOptions(
  url: string,
  opts: { embedded: boolean; poolSize?: number; timeouts?: PoolTimeouts },
): DataSourceOptions {
  // Sent as start-up parameters, so they are each connection's session defaults (RESET returns to them). Not for the
  // embedded engine: one connection owned by this process, nothing else can hold it.
  const timeouts =
    opts.timeouts && !opts.embedded
      ? {
          statement_timeout: opts.timeouts.statementMs,
          idle_in_transaction_session_timeout: opts.timeouts.idleInTransactionMs,
        }
      : {};
  return {
    type: 'postgres',
    url,
    entities: [join(__dirname, '..', 'modules', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // The migrations own the schema and use the built-in gen_random_uuid(); the embedded engine has no uuid-ossp,
    // and TypeORM's attempt to install it at connect only printed a warning there.
    ...(opts.embedded ? { installExtensions: false } : {}),
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    // PGlite serves one connection; a real server gets a normal pool.
    extra: { max: opts.embedded ? 1 : (opts.poolSize ?? 10), connectionTimeoutMillis: 5000, ...timeouts },
  };
}

const ADVISORY_LOCK_KEY = 7_042_025_001;

/**
 * Applies pending migrations. On a real server this runs under a session advisory lock so that several
 * instances starting together migrate once; the embedded engine is owned by one process and has one
 * connection, so it needs (and can take) no lock.
 *
 * The lock and the migrations share one connection with the pool's timeouts switched off for the while: waiting for
 * another instance's migrations, or building an index on a big table, may take longer than any request should.
 */
export async function runMigrations(dataSource: DataSource, opts: { embedded: boolean }): Promise<string[]> {
  if (opts.embedded) {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((m) => m.name);
  }
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    return await withoutTimeouts(runner, async () => {
      await runner.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
      try {
        const executor = new MigrationExecutor(dataSource, runner);
        executor.transaction = 'each';
        return (await executor.executePendingMigrations()).map((m) => m.name);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
      }
    });
  } finally {
    await runner.release();
  }
}

/** A session-level SQL runner: a TypeORM query runner or a pg client. */
interface SessionQuery {
  query(sql: string): Promise<unknown>;
}

/**
 * Runs `work` on one connection with statement_timeout and idle_in_transaction_session_timeout off, then puts the
 * connection's own defaults back (RESET) before it returns to the pool. For start-up work that legitimately waits:
 * advisory locks another instance holds, migrations, the job engine's schema.
 */
export async function withoutTimeouts<T>(session: SessionQuery, work: () => Promise<T>): Promise<T> {
  await session.query('SET statement_timeout = 0');
  await session.query('SET idle_in_transaction_session_timeout = 0');
  try {
    return await work();
  } finally {
    await session.query('RESET statement_timeout').catch(() => undefined);
    await session.query('RESET idle_in_transaction_session_timeout').catch(() => undefined);
  }
}
