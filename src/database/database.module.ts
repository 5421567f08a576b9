import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions, runMigrations } from './data-source';
import { EmbeddedPostgres, resolveDatabaseTarget } from './embedded-postgres';

export const DATABASE_TARGET = Symbol('DATABASE_TARGET');

/** Where the app's database lives: a server URL, or an embedded engine this process owns. */
export class DatabaseTarget implements OnApplicationShutdown {
  private static readonly logger = new Logger(DatabaseTarget.name);

  /** Set once TypeORM is up, so that shutdown closes the pool before the embedded engine stops. */
  dataSource: DataSource | undefined;

  constructor(
    readonly url: string,
    readonly embedded: EmbeddedPostgres | undefined,
  ) {}

  static async resolve(config: AppConfig): Promise<DatabaseTarget> {
    const target = resolveDatabaseTarget(config.databaseUrl);
    if (target.kind === 'server') return new DatabaseTarget(target.url, undefined);
    const engine = await EmbeddedPostgres.start(target.dataDir);
    this.logger.log(`Embedded PostgreSQL (PGlite) started, data: ${target.dataDir ?? 'in memory'}`);
    return new DatabaseTarget(engine.url, engine);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.embedded) return;
    if (this.dataSource?.isInitialized) await this.dataSource.destroy();
    await this.embedded.stop();
  }
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      extraProviders: [
        {
          provide: DATABASE_TARGET,
          useFactory: (c: AppConfig) => DatabaseTarget.resolve(c),
          inject: [AppConfig],
        },
      ],
      inject: [DATABASE_TARGET, AppConfig],
      useFactory: (target: DatabaseTarget, config: AppConfig) => ({
        ...buildDataSourceOptions(target.url, {
          embedded: !!target.embedded,
          poolSize: config.databasePoolSize,
          timeouts: config.databaseTimeouts,
        }),
        // Keep TypeORM's start-up retries short: a dead database should fail the boot, not hang it.
        retryAttempts: 3,
        retryDelay: 1000,
        target,
      }),
      dataSourceFactory: async (options) => {
        const { target, ...rest } = options as typeof options & { target: DatabaseTarget };
        const dataSource = await new DataSource(rest).initialize();
        target.dataSource = dataSource;
        const applied = await runMigrations(dataSource, { embedded: !!target.embedded });
        if (applied.length) new Logger(DatabaseModule.name).log(`Applied migrations: ${applied.join(', ')}`);
        return dataSource;
      },
    }),
  ],
})
export class DatabaseModule {
  constructor(@Inject(DataSource) readonly dataSource: DataSource) {}
}
