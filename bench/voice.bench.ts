/**
 * Voice pipeline overhead, without speech-recognition time: the whole app (webhook, pg-boss queue, worker, file
 * download, parser, recording, reply) against a fake Bot API and a fake OpenAI-compatible STT server on loopback
 * that answers at once. Measured:
 *   - update in → STT request out (webhook, queue, worker pick-up, getFile, download, multipart upload);
 *   - transcript in → reply out (parse, record, reply);
 *   - the webhook's acknowledgement latency under a burst of 200 voice updates (target p95 < 200 ms), and how long
 *     the worker takes to drain them; beside it, the same burst of text updates (recorded inside the request).
 * Runnable alone: `node -r ts-node/register/transpile-only bench/voice.bench.ts`.
 */
import { Agent, request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { createApp } from '../src/bootstrap';
import { loadConfig } from '../src/config/app-config';
import { JobsService } from '../src/modules/jobs/jobs.service';
import { FakeStt, voiceFixtures } from '../test/fakes/fake-stt';
import { FakeTelegram } from '../test/fakes/fake-telegram';
import { createTestDatabase } from '../test/helpers/test-database';
import { fmt, median, percentile } from './stats';
import { messageUpdate } from './load';

const SECRET = 'bench-webhook-secret';
/** Telegram's default webhook max_connections: how many updates it delivers in parallel. */
const MAX_CONNECTIONS = 40;
const TOKEN = '123456789:BENCH-token_abcdefghijklmnopqrstu';

export interface Spread {
  p50: number;
  p95: number;
}

export interface VoiceBenchResult {
  database: string;
  sequentialNotes: number;
  toStt: Spread;
  transcriptToReply: Spread;
  textRoundTrip: Spread;
  burst: number;
  voiceAck: Spread & { max: number };
  textAck: Spread & { max: number };
  drainSeconds: number;
  recorded: number;
}

function post(agent: Agent, port: number, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path: '/telegram/webhook/',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          'x-telegram-bot-api-secret-token': SECRET,
        },
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

const voice = (fileId: string, size: number) => ({
  voice: {
    file_id: fileId,
    file_unique_id: `u-${fileId}`,
    duration: 3,
    mime_type: 'audio/ogg',
    file_size: size,
  },
});
const spread = (xs: number[]): Spread => ({ p50: median(xs), p95: percentile(xs, 95) });
const ms = (t: bigint) => Number(t) / 1e6;

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('bench: timed out waiting for the voice worker');
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function runVoiceBench(sequential = 60, burst = 200): Promise<VoiceBenchResult> {
  const telegram = await new FakeTelegram().start();
  const fixtures = voiceFixtures().filter((f) => f.phrase);
  let sttAt = 0n;
  const stt: FakeStt = await new FakeStt((req): string => {
    sttAt = process.hrtime.bigint();
    return stt.phraseFor(req.bytes);
  }).start();
  const replies = new Map<number, bigint>();
  telegram.on('sendMessage', (call) => {
    replies.set(Number(call.params.chat_id), process.hrtime.bigint());
    return {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: Number(call.params.chat_id), type: 'private' },
      text: call.params.text,
    };
  });
  const database = await createTestDatabase();
  const config = loadConfig({
    SECRET_KEY: 'bench-secret-key-0123456789',
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: telegram.url,
    BOT_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    CBU_RATES_URL: 'http://127.0.0.1:9/',
    STT_PROVIDER: 'openai',
    STT_BASE_URL: stt.url,
    STT_API_KEY: 'bench',
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const port = (app.getHttpServer().address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const jobs = app.get(JobsService);
  let updateId = 1;
  try {
    fixtures.forEach((f, i) => telegram.addFile(`fx${i}`, f.bytes));

    // Sequential notes: where the time goes, one note at a time.
    const toStt: number[] = [];
    const toReply: number[] = [];
    const text: number[] = [];
    for (let i = 0; i < sequential + 5; i++) {
      const chatId = 700_000 + i;
      const f = i % fixtures.length;
      const t0 = process.hrtime.bigint();
      if (
        (await post(
          agent,
          port,
          messageUpdate(updateId++, chatId, voice(`fx${f}`, fixtures[f].bytes.length)),
        )) !== 200
      )
        throw new Error('voice update refused');
      await waitFor(() => replies.has(chatId), 30_000);
      const t3 = replies.get(chatId)!;
      // The same user types the same phrase: the text path's full round trip (recorded and answered in the request).
      const t4 = process.hrtime.bigint();
      await post(agent, port, messageUpdate(updateId++, chatId, { text: fixtures[f].phrase }));
      if (i < 5) continue; // warm-up
      toStt.push(ms(sttAt - t0));
      toReply.push(ms(t3 - sttAt));
      text.push(ms(process.hrtime.bigint() - t4));
    }

    // A burst of voice updates from known users, delivered the way Telegram does: over at most `max_connections`
    // (default 40) parallel connections. Acknowledgement latency while the worker drains the queue behind it.
    for (let i = 0; i < burst; i++)
      await post(agent, port, messageUpdate(updateId++, 800_000 + i, { text: '/start' }));
    const burstAck = async (content: (i: number) => object): Promise<number[]> => {
      const latencies: number[] = [];
      let next = 0;
      await Promise.all(
        Array.from({ length: MAX_CONNECTIONS }, async () => {
          while (next < burst) {
            const i = next++;
            const t0 = process.hrtime.bigint();
            const status = await post(agent, port, messageUpdate(updateId++, 800_000 + i, content(i)));
            if (status !== 200) throw new Error(`burst update answered ${status}`);
            latencies.push(ms(process.hrtime.bigint() - t0));
          }
        }),
      );
      return latencies;
    };
    const drainStart = process.hrtime.bigint();
    const voiceAcks = await burstAck((i) =>
      voice(`fx${i % fixtures.length}`, fixtures[i % fixtures.length].bytes.length),
    );
    await waitFor(async () => (await jobs.countJobs('voice', ['created', 'retry', 'active'])) === 0, 300_000);
    const drainSeconds = ms(process.hrtime.bigint() - drainStart) / 1000;
    const textAcks = await burstAck((i) => ({ text: fixtures[i % fixtures.length].phrase }));

    const recorded = Number(
      (
        await app.get(DataSource).query(`SELECT count(*)::int AS n FROM transactions WHERE source = 'voice'`)
      )[0].n,
    );
    return {
      database: database.url.startsWith('pglite') ? 'embedded PGlite (in memory)' : 'PostgreSQL (local)',
      sequentialNotes: sequential,
      toStt: spread(toStt),
      transcriptToReply: spread(toReply),
      textRoundTrip: spread(text),
      burst,
      voiceAck: { ...spread(voiceAcks), max: Math.max(...voiceAcks) },
      textAck: { ...spread(textAcks), max: Math.max(...textAcks) },
      drainSeconds,
      recorded,
    };
  } finally {
    agent.destroy();
    await app.close();
    await stt.stop();
    await telegram.stop();
    await database.drop();
  }
}

/** The benchmarks.md section. */
export function voiceMarkdown(r: VoiceBenchResult): string {
  const row = (name: string, s: Spread) => `| ${name} | ${fmt(s.p50, 1)} ms | ${fmt(s.p95, 1)} ms |`;
  return `## Voice note → transcribed → recorded → reply (pipeline overhead, STT time excluded)

Database: ${r.database}. The whole app with STT_PROVIDER=openai against a fake OpenAI-compatible server and a fake
Bot API on loopback, both answering at once, so the figures are OvozPay's own overhead. ${r.sequentialNotes} notes
one at a time (after 5 warm-up notes); the real Ogg/Opus fixtures (3–9 KB).

| segment | p50 | p95 |
|---|---|---|
${row('update in → STT request out (webhook, queue, worker, getFile, download, upload)', r.toStt)}
${row('transcript in → reply out (parse, record, reply)', r.transcriptToReply)}
${row('baseline: the same phrase typed, webhook round trip (recorded and answered in the request)', r.textRoundTrip)}

Acknowledgement under a burst of ${r.burst} voice updates from known users, delivered as Telegram does over its
default 40 parallel webhook connections (target p95 < 200 ms), beside the same burst of text updates (which
record and reply before answering):

| burst of ${r.burst} | ack p50 | ack p95 | ack max |
|---|---|---|---|
| voice updates (queued, answered before transcription) | ${fmt(r.voiceAck.p50, 1)} ms | ${fmt(r.voiceAck.p95, 1)} ms | ${fmt(r.voiceAck.max, 1)} ms |
| text updates (baseline) | ${fmt(r.textAck.p50, 1)} ms | ${fmt(r.textAck.p95, 1)} ms | ${fmt(r.textAck.max, 1)} ms |

The worker (2 per instance) drained the ${r.burst} queued notes in ${fmt(r.drainSeconds, 1)} s; voice transactions recorded
in the whole run: ${r.recorded} (each note exactly once).
`;
}

if (require.main === module) {
  runVoiceBench()
    .then((r) => process.stdout.write(`${voiceMarkdown(r)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(
        `voice bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(1);
    });
}
