import { mkdirSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export const EMBEDDED_DATA_DIR = './data/pglite';

/**
 * The embedded engine: PGlite (PostgreSQL compiled to WASM) served over the Postgres wire protocol on a
 * loopback port, so the app talks to it through the very same `pg` driver, SQL and migrations as to a real
 * server. PGlite is single-connection: callers must use a pool of one connection.
 */
export class EmbeddedPostgres {
  private constructor(
    private readonly db: PGlite,
    private readonly server: PGLiteSocketServer,
    readonly url: string,
  ) {}

  /** `dataDir` undefined → in memory. */
  static async start(dataDir?: string): Promise<EmbeddedPostgres> {
    if (dataDir) mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ?? 'memory://');
    const server = new PGLiteSocketServer({ db, port: 0, host: '127.0.0.1' });
    await server.start();
    const { port } = (server as unknown as { server: { address(): AddressInfo } }).server.address();
    return new EmbeddedPostgres(db, server, `postgres://postgres@127.0.0.1:${port}/postgres`);
  }

  async stop(): Promise<void> {
    await this.server.stop();
    await this.db.close();
  }
}

/** What DATABASE_URL means: a server URL, the in-memory engine, or (unset) the on-disk engine. */
export function resolveDatabaseTarget(
  databaseUrl: string | undefined,
): { kind: 'server'; url: string } | { kind: 'embedded'; dataDir?: string } {
  if (!databaseUrl) return { kind: 'embedded', dataDir: EMBEDDED_DATA_DIR };
  if (databaseUrl === 'pglite://memory') return { kind: 'embedded' };
  if (databaseUrl.startsWith('pglite://'))
    return { kind: 'embedded', dataDir: databaseUrl.slice('pglite://'.length) };
  return { kind: 'server', url: databaseUrl };
}
