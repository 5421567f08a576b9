/**
 * The attacking side of body-flood.resilience-spec.ts, in its own process (as attackers are other machines), so
 * the process measuring /health/ is not the one busy writing bombs. Usage:
 *   node -r ts-node/register/transpile-only body-flood.client.ts <port> <clients> <ms> <access token>
 * Prints "flooding" when the bodies are built and the flood starts, then one JSON line at the end:
 * {"sent": n, "statuses": {"413": n, …}}.
 */
import { deepBomb, keyBomb, keyBombOf } from '../helpers/body-bombs';
import { postBytes } from '../helpers/raw-http';
import { TEST_WEBHOOK_SECRET } from '../helpers/test-app';
import { SECRET_HEADER, WEBHOOK } from '../helpers/updates';

async function flood(
  port: number,
  clients: number,
  ms: number,
  token: string,
): Promise<{ sent: number; statuses: Record<number, number> }> {
  const json = { 'Content-Type': 'application/json' };
  const auth = { Authorization: `Bearer ${token}` };
  const mib = keyBomb(131_070);
  const attacks: Array<{ path: string; body: Buffer; headers: Record<string, string>; chunked?: boolean }> = [
    { path: '/api/users/auth/telegram-login/', body: mib, headers: json },
    { path: '/api/users/auth/telegram-login/', body: mib, headers: json, chunked: true },
    { path: '/api/users/auth/telegram-login/', body: keyBombOf(64 * 1024), headers: json },
    { path: '/api/users/auth/telegram-login/', body: deepBomb(30_000), headers: json },
    { path: '/api/transactions/parse/', body: keyBombOf(64 * 1024), headers: { ...json, ...auth } },
    { path: '/api/transactions/', body: mib, headers: { ...json, ...auth }, chunked: true },
    { path: WEBHOOK, body: mib, headers: json },
    { path: WEBHOOK, body: mib, headers: { ...json, [SECRET_HEADER]: TEST_WEBHOOK_SECRET } },
    { path: '/api/no-such-route/', body: mib, headers: json, chunked: true },
  ];
  process.stdout.write('flooding\n');
  const until = Date.now() + ms;
  const statuses: Record<number, number> = {};
  let sent = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; Date.now() < until; i++) {
        const { path, body, headers, chunked } = attacks[i % attacks.length];
        const { status } = await postBytes(port, path, body, headers, chunked);
        statuses[status] = (statuses[status] ?? 0) + 1;
        sent++;
      }
    }),
  );
  return { sent, statuses };
}

const [port, clients, ms, token] = process.argv.slice(2);
flood(Number(port), Number(clients), Number(ms), token).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  },
);
