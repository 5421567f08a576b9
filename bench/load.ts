/**
 * Load generation on loopback for the benchmarks: closed-loop (N senders, each sends the next request when the
 * previous answered) for a fixed duration, and open-loop (a fixed arrival rate, whatever the answers) for latency
 * under a given load. Bounded in time and to 127.0.0.1.
 */
import { Agent, request } from 'node:http';
import { percentile } from './stats';

export interface Target {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
}

/** A private-chat message update as Telegram sends it, with `content` (text, voice, …) in its message. */
export function messageUpdate(updateId: number, chatId: number, content: object): string {
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      from: { id: chatId, is_bot: false, first_name: 'Bench', language_code: 'ru' },
      chat: { id: chatId, first_name: 'Bench', type: 'private' },
      date: Math.floor(Date.now() / 1000),
      ...content,
    },
  });
}

/** A private-chat text update (a command gets its bot_command entity). */
export function textUpdate(updateId: number, chatId: number, text: string): string {
  return messageUpdate(updateId, chatId, {
    text,
    ...(text.startsWith('/') ? { entities: [{ type: 'bot_command', offset: 0, length: text.length }] } : {}),
  });
}

export function send(
  agent: Agent,
  target: Target,
  body: string | undefined,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...target.headers };
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(body);
    }
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: target.path,
        method: target.method ?? 'POST',
        agent,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

function summarize(latencies: number[], seconds: number, errors: number): LoadResult {
  return {
    requests: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    maxMs: latencies.length ? latencies.reduce((a, b) => (b > a ? b : a), -Infinity) : NaN,
    errors,
  };
}

/** `senders` loops, each sending `next(i)` and waiting for the answer, for `durationMs`. */
export async function closedLoop(
  senders: number,
  durationMs: number,
  next: (
    i: number,
    sender: number,
  ) => { target: Target; body?: string } | Promise<{ target: Target; body?: string }>,
  expectStatus = 200,
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: senders });
  const latencies: number[] = [];
  let errors = 0;
  let i = 0;
  const started = process.hrtime.bigint();
  const deadline = Date.now() + durationMs;
  await Promise.all(
    Array.from({ length: senders }, async (_, sender) => {
      while (Date.now() < deadline) {
        const { target, body } = await next(i++, sender);
        const t0 = process.hrtime.bigint();
        try {
          const res = await send(agent, target, body);
          if (res.status !== expectStatus) errors++;
        } catch {
          errors++;
        }
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return summarize(latencies, seconds, errors);
}

/** A request every 1/rate seconds for `durationMs`, not waiting for answers (open loop: queueing shows as latency). */
export async function openLoop(
  rate: number,
  durationMs: number,
  next: (i: number) => { target: Target; body?: string },
): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const latencies: number[] = [];
  let errors = 0;
  const total = Math.round((rate * durationMs) / 1000);
  const started = process.hrtime.bigint();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = (i * 1000) / rate;
    const now = Number(process.hrtime.bigint() - started) / 1e6;
    if (due > now) await new Promise((r) => setTimeout(r, due - now));
    const { target, body } = next(i);
    const scheduledAt = started + BigInt(Math.round(due * 1e6));
    pending.push(
      send(agent, target, body).then(
        (res) => {
          if (res.status !== 200) errors++;
          latencies.push(Number(process.hrtime.bigint() - scheduledAt) / 1e6); // from the intended send time
        },
        () => {
          errors++;
        },
      ),
    );
  }
  await Promise.all(pending);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return summarize(latencies, seconds, errors);
}
