/**
 * Text update → parsed → recorded → reply, through the real webhook of the whole app (fake Bot API on loopback),
 * next to a bare Node HTTP server that parses the same POST and answers 200. Sequential and concurrent load from
 * this process over keep-alive connections; medians of rounds.
 */
import { createServer, request as httpRequest, Agent, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import { median, percentile } from './stats';

const SECRET = 'bench-webhook-secret';
const TOKEN = '123456789:BENCH-token_abcdefghijklmnopqrstu';

export interface LoadResult {
  requestsPerSecond: number;
  latencyMedianMs: number;
  latencyP95Ms: number;
}

export interface WebhookBenchResult {
  database: string;
  requests: number;
  concurrency: number;
  app: LoadResult;
  bare: LoadResult;
  recorded: number;
  replies: number;
}

function post(agent: Agent, port: number, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': SECRET },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const PHRASES = ['Потратил 50000 сум на продукты', 'taksiga 20 ming berdim', 'got paid 500 dollars', 'кофе 18000', 'зарплата 5 млн'];

function update(updateId: number, chatId: number): string {
  return JSON.stringify({
    update_id: updateId,
    message: {
      message_id: updateId,
      from: { id: chatId, is_bot: false, first_name: 'Bench', language_code: 'ru' },
      chat: { id: chatId, first_name: 'Bench', type: 'private' },
      date: Math.floor(Date.now() / 1000),
      text: PHRASES[updateId % PHRASES.length],
    },
  });
}

async function load(port: number, path: string, total: number, concurrency: number, nextId: () => number): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latencies: number[] = [];
  let sent = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (sent < total) {
        sent++;
        const id = nextId();
        const t0 = process.hrtime.bigint();
        const status = await post(agent, port, path, update(id, 900_000 + worker));
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (status !== 200) throw new Error(`status ${status}`);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  agent.destroy();
  return { requestsPerSecond: total / seconds, latencyMedianMs: median(latencies), latencyP95Ms: percentile(latencies, 95) };
}

function bareServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function runWebhookBench(total = 400, concurrency = 8, rounds = 3): Promise<WebhookBenchResult> {
  const telegram = await new FakeTelegram().start();
  const database = await createTestDatabase();
  const config = loadConfig({
    SECRET_KEY: 'bench-secret-key-0123456789',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    BOT_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const appPort = (app.getHttpServer().address() as AddressInfo).port;
  const bare = await bareServer();
  const barePort = (bare.address() as AddressInfo).port;
  let id = 1;
  const nextId = () => id++;
  try {
    // Register the bench users first (/start), then measure text updates.
    for (let w = 0; w < concurrency; w++) {
      const body = JSON.parse(update(nextId(), 900_000 + w)) as { message: { text: string } };
      body.message.text = '/start';
      await post(new Agent(), appPort, '/telegram/webhook/', JSON.stringify(body));
    }
    await load(appPort, '/telegram/webhook/', 50, concurrency, nextId); // warm-up
    await load(barePort, '/telegram/webhook/', 50, concurrency, nextId);
    const appRounds: LoadResult[] = [];
    const bareRounds: LoadResult[] = [];
    for (let r = 0; r < rounds; r++) {
      appRounds.push(await load(appPort, '/telegram/webhook/', total, concurrency, nextId));
      bareRounds.push(await load(barePort, '/telegram/webhook/', total, concurrency, nextId));
    }
    const pick = (rs: LoadResult[]): LoadResult => ({
      requestsPerSecond: median(rs.map((r) => r.requestsPerSecond)),
      latencyMedianMs: median(rs.map((r) => r.latencyMedianMs)),
      latencyP95Ms: median(rs.map((r) => r.latencyP95Ms)),
    });
    const recorded = Number((await app.get(DataSource).query('SELECT count(*)::int AS n FROM transactions'))[0].n);
    return {
      database: database.url.startsWith('pglite') ? 'embedded PGlite (in memory)' : 'PostgreSQL 15 (local)',
      requests: total,
      concurrency,
      app: pick(appRounds),
      bare: pick(bareRounds),
      recorded,
      replies: telegram.sent('sendMessage').length,
    };
  } finally {
    await app.close();
    bare.close();
    await telegram.stop();
    await database.drop();
  }
}
