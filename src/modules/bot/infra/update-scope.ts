/**
 * What one update carries through its handlers, so that work the flows would repeat is done once
 * (docs/benchmarks-analysis.md, issue 16).
 *
 * The scope hangs on the sender's user object that the update's claim read (UpdateGuard opens it): that object is
 * made for this update and passed by the flows to the repositories (BotSessionsRepository, MessageLinksRepository),
 * so a repository finds the scope from the user it is given. No other update, job or REST request holds that object:
 * a user read anywhere else (a job, REST, a user created by /start, another person in a household flow) has no scope,
 * and everything about it is read and written at once. This replaces an AsyncLocalStorage, whose promise hooks cost
 * every promise of the process (REST included) about a tenth of its CPU on Node 20.
 */
export interface UpdateScope {
  /** The session state this update last read, as JSON (BotSessionsRepository; every write forgets it). */
  sessionState?: string;
  /**
   * A write that may wait for the update's done-mark and go in its statement (one round trip fewer): the link of the
   * message to its reply (MessageLinksRepository.remember). Parameters are numbered from $1.
   */
  atFinish?: { sql: string; params: unknown[] };
}

/**
 * The user a scope hangs on: the object itself is the key, its id says whose state it is. So the flows hand the
 * repositories the update's own user object (never a copy or `{ id }`, which have no scope: correct, but read and
 * written at once), and a write through one object forgets only that object's memo.
 */
export type ScopedUser = { readonly id: string };

const scopes = new WeakMap<ScopedUser, UpdateScope>();

/** Opens the update's scope on the sender's user object its claim read (with the session state read with it). */
export function openUpdateScope(user: ScopedUser, sessionState: unknown): void {
  scopes.set(user, { sessionState: JSON.stringify(sessionState ?? null) });
}

/**
 * Closes the update's scope (UpdateGuard, before the done-mark): what waits for the done-mark is handed back, and
 * anything done with the object later is read and written at once instead of waiting for a mark already written.
 */
export function closeUpdateScope(user: ScopedUser): UpdateScope | undefined {
  const scope = scopes.get(user);
  scopes.delete(user);
  return scope;
}

/** The scope of the update this user object belongs to, or undefined (not the claim's object: no scope). */
export function updateScopeOf(user: ScopedUser): UpdateScope | undefined {
  return scopes.get(user);
}
