import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one update carries through its handlers (UpdateGuard runs each update inside `inUpdateScope`), so that work
 * the flows would repeat is done once (docs/benchmarks-analysis.md, issue 16). Outside an update (jobs, REST) there
 * is no scope and everything is read and written at once.
 */
export interface UpdateScope {
  /** The session states read during this update, by user id, as JSON (BotSessionsRepository; every write forgets). */
  sessions: Map<string, string>;
  /**
   * A write that may wait for the update's done-mark and go in its statement (one round trip fewer): the link of the
   * message to its reply (MessageLinksRepository.remember). Parameters are numbered from $1.
   */
  atFinish?: { sql: string; params: unknown[] };
}

const scope = new AsyncLocalStorage<UpdateScope>();

/** Runs one update's handling in its own scope (starting with a session state already read, when given). */
export function inUpdateScope<T>(
  work: (scope: UpdateScope) => Promise<T>,
  known?: [userId: string, state: unknown],
): Promise<T> {
  const sessions = new Map<string, string>();
  if (known) sessions.set(known[0], JSON.stringify(known[1] ?? null));
  const current: UpdateScope = { sessions };
  return scope.run(current, () => work(current));
}

/** The running update's scope, or undefined outside an update. */
export function updateScope(): UpdateScope | undefined {
  return scope.getStore();
}
