/**
 * Runs once before the e2e suites. With DATABASE_URL set (CI: the local PostgreSQL), checks that it is a test
 * database and reachable; each test file then creates its own database beside it. Without DATABASE_URL every
 * test app runs on its own in-memory embedded engine (PGlite).
 */
import { Client } from 'pg';
import { assertTestDatabaseUrl } from '../helpers/test-database';

export default async function globalSetup(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || url.startsWith('pglite://')) {
    process.stderr.write('\n[e2e] DATABASE_URL not set: using the embedded engine (PGlite) per test file\n');
    return;
  }
  assertTestDatabaseUrl(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
  process.stderr.write(`\n[e2e] using PostgreSQL at ${new URL(url).host}${new URL(url).pathname}\n`);
}
