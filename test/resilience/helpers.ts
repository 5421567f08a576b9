import { TestApp } from '../helpers/test-app';
import { postUpdate, textUpdate } from '../helpers/updates';

/** One text update per id that records exactly one expense of a distinct amount (id + 1000 sum). */
export function recordingUpdate(updateId: number, chatId: number): Record<string, unknown> {
  return textUpdate(updateId, chatId, `кофе ${1000 + updateId}`);
}

/** Sends every update id through `senders` concurrent loops; resolves with each id's HTTP status. */
export async function sendAll(
  pick: (i: number) => TestApp,
  ids: number[],
  senders: number,
  chatOf: (id: number) => number,
  onSent?: (count: number) => void | Promise<void>,
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  let sent = 0;
  await Promise.all(
    Array.from({ length: senders }, async () => {
      while (next < ids.length) {
        const id = ids[next++];
        const res = await postUpdate(pick(id), recordingUpdate(id, chatOf(id)));
        statuses.set(id, res.status);
        sent++;
        await onSent?.(sent);
      }
    }),
  );
  return statuses;
}

/** Telegram's redelivery: re-sends every update not yet answered 200 until all are, within `rounds`. */
export async function redeliver(t: TestApp, statuses: Map<number, number>, chatOf: (id: number) => number, rounds = 40, pauseMs = 250): Promise<number> {
  let redeliveries = 0;
  for (let round = 0; round < rounds; round++) {
    const pending = [...statuses].filter(([, s]) => s !== 200).map(([id]) => id);
    if (!pending.length) return redeliveries;
    for (const id of pending) {
      const res = await postUpdate(t, recordingUpdate(id, chatOf(id)));
      statuses.set(id, res.status);
      redeliveries++;
    }
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  const stuck = [...statuses].filter(([, s]) => s !== 200);
  const rows = await t.db.query(`SELECT update_id, status, attempts, now() - attempted_at AS age FROM processed_updates WHERE update_id = ANY($1::bigint[])`, [stuck.map(([id]) => id)]);
  throw new Error(`updates still failing after ${rounds} redelivery rounds: ${JSON.stringify(stuck)}; guard rows: ${JSON.stringify(rows)}`);
}

/** Transactions recorded per update id, for the ids given. */
export async function effectsPerUpdate(t: TestApp, ids: number[]): Promise<Map<number, number>> {
  const rows: Array<{ id: string; n: number }> = await t.db.query(
    `SELECT source_update_id::text AS id, count(*)::int AS n FROM transactions WHERE source_update_id = ANY($1::bigint[]) GROUP BY source_update_id`,
    [ids],
  );
  const counts = new Map(ids.map((id) => [id, 0]));
  for (const r of rows) counts.set(Number(r.id), r.n);
  return counts;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
