/**
 * Three scenarios need a PostgreSQL server: the outage cuts a TCP proxy in front of it, two instances share it,
 * and the SIGTERM test starts a second process on it. The embedded engine (PGlite) lives inside one process and
 * serves one connection, so none of them can run there; on it they are skipped with one line from the global setup,
 * and the Bot API scenario (which needs no shared database) still runs.
 */
const url = process.env.DATABASE_URL;

/** True when DATABASE_URL names a PostgreSQL server (not unset, not pglite://). */
export const onPostgresServer = !!url && /^postgres(ql)?:\/\//.test(url);

/** `describe` on a PostgreSQL server, `describe.skip` on the embedded engine (read when a spec calls it). */
export const describeOnPostgresServer = (name: string, body: () => void): void =>
  (onPostgresServer ? describe : describe.skip)(name, body);

export const SKIPPED_WITHOUT_POSTGRES =
  '[resilience] DATABASE_URL is not a PostgreSQL server: the database-outage, two-instance and SIGTERM scenarios need one and are skipped ' +
  '(run DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run test:resilience); the Bot API scenario runs on the embedded engine';
