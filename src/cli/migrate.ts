/**
 * npm run migration:run | migration:revert | migration:generate -- <Name>
 * Uses the same DataSource options as the app (src/database/data-source.ts). With no DATABASE_URL it opens the
 * embedded engine's data in ./data/pglite (stop the server first: the embedded engine has one owner).
 */
import 'reflect-metadata';
import 'dotenv/config';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '../database/data-source';
import { EmbeddedPostgres, resolveDatabaseTarget } from '../database/embedded-postgres';

async function open(): Promise<{ dataSource: DataSource; embedded?: EmbeddedPostgres }> {
  const target = resolveDatabaseTarget(process.env.DATABASE_URL || undefined);
  if (target.kind === 'server') {
    return {
      dataSource: await new DataSource(buildDataSourceOptions(target.url, { embedded: false })).initialize(),
    };
  }
  const embedded = await EmbeddedPostgres.start(target.dataDir);
  const dataSource = await new DataSource(
    buildDataSourceOptions(embedded.url, { embedded: true }),
  ).initialize();
  return { dataSource, embedded };
}

function toPascal(name: string): string {
  return name
    .replace(/(^|[^A-Za-z0-9])([A-Za-z0-9])/g, (_m, _s, c: string) => c.toUpperCase())
    .replace(/[^A-Za-z0-9]/g, '');
}

async function generate(dataSource: DataSource, name: string | undefined): Promise<void> {
  if (!name) throw new Error('usage: npm run migration:generate -- <Name>');
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (!sql.upQueries.length) {
    process.stdout.write('No changes in the entities: nothing to generate.\n');
    return;
  }
  const timestamp = Date.now();
  const className = `${toPascal(name)}${timestamp}`;
  const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
  const up = sql.upQueries.map((x) => `    await q.query(${q(x.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((x) => `    await q.query(${q(x.query)});`)
    .join('\n');
  const file = join(__dirname, '..', 'database', 'migrations', `${timestamp}-${toPascal(name)}.ts`);
  writeFileSync(
    file,
    `import { MigrationInterface, QueryRunner } from 'typeorm';\n\n/** Generated from the entities: review before committing. */\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(q: QueryRunner): Promise<void> {\n${up}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  process.stdout.write(`Wrote ${file}: review it (names of constraints, CHECKs) before committing.\n`);
}

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  if (!['run', 'revert', 'generate'].includes(command ?? '')) {
    process.stderr.write('usage: migrate.ts run|revert|generate [Name]\n');
    process.exit(2);
  }
  const { dataSource, embedded } = await open();
  try {
    if (command === 'run') {
      const applied = await runMigrations(dataSource, { embedded: !!embedded });
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'No pending migrations.\n');
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write('Reverted the last migration.\n');
    } else {
      await generate(dataSource, name);
    }
  } finally {
    await dataSource.destroy();
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Migration failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
