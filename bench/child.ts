/** The app under test as its own process (`node dist/main.js`), so the load generator does not share its event loop. */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Target } from './load';

export const ROOT = join(__dirname, '..');

/** What every benchmark app process runs with: made-up secrets, loopback only. */
export const BENCH_SECRETS = {
  webhookSecret: 'bench-webhook-secret',
  botToken: '123456789:BENCH-token_abcdefghijklmnopqrstu',
  secretKey: 'bench-secret-key-0123456789abcdef',
};

/** The environment of an app process with its webhook on, on `databaseUrl`, talking to the fake Bot API at `botApiUrl`. */
export function benchAppEnv(databaseUrl: string, botApiUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    SECRET_KEY: BENCH_SECRETS.secretKey,
    TELEGRAM_BOT_TOKEN: BENCH_SECRETS.botToken,
    TELEGRAM_API_ROOT: botApiUrl,
    BOT_MODE: 'webhook',
    TELEGRAM_WEBHOOK_SECRET: BENCH_SECRETS.webhookSecret,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
    // No bank to ask here: the rates refresh fails at once (a closed local port) instead of waiting for cbu.uz.
    CBU_RATES_URL: 'http://127.0.0.1:9/',
  };
}

/** An app process's webhook as a load target (with the secret header Telegram sends). */
export function webhookTarget(port: number): Target {
  return {
    port,
    path: '/telegram/webhook/',
    headers: { 'x-telegram-bot-api-secret-token': BENCH_SECRETS.webhookSecret },
  };
}

export function ensureBuilt(): void {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.js')], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed');
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  port: number;
  /** Milliseconds from spawn to the first 200 from /health/. */
  readyMs: number;
  rssMb(): number;
  /** User + system CPU time the process has used so far, in ms. */
  cpuMs(): number;
  stop(): Promise<number | null>;
}

export async function startChild(
  env: Record<string, string>,
  script = join(ROOT, 'dist', 'main.js'),
  args: string[] = [],
): Promise<Child> {
  const port = await freePort();
  const t0 = process.hrtime.bigint();
  const proc = spawn(process.execPath, [...args, script], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`child exited ${proc.exitCode}: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Number(process.hrtime.bigint() - t0) / 1e9 > 60)
      throw new Error(`child not ready in 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const readyMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return {
    proc,
    port,
    readyMs,
    rssMb: () => {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${proc.pid}/status`, 'utf8'));
      return m ? Number(m[1]) / 1024 : NaN;
    },
    cpuMs: () => {
      const fields = readFileSync(`/proc/${proc.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks (100 Hz)
    },
    stop: async () => {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      return exited;
    },
  };
}

/** Samples a child's RSS every 100 ms while `work` runs; returns the peak in MB. */
export async function peakRss<T>(
  child: Child,
  work: () => Promise<T>,
): Promise<{ result: T; peakMb: number }> {
  let peak = child.rssMb();
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, child.rssMb());
    } catch {
      /* exited */
    }
  }, 100);
  try {
    const result = await work();
    return { result, peakMb: Math.max(peak, child.rssMb()) };
  } finally {
    clearInterval(timer);
  }
}

/** The baseline: a bare Node HTTP server (own process) that reads and JSON-parses the POST and answers 200. */
export const BARE_SERVER = join(ROOT, 'bench', 'bare-server.js');

/** The anchor (issue 16): a minimal telegraf + pg bot, one INSERT … ON CONFLICT and one reply per text update. */
export const MINIMAL_BOT = join(ROOT, 'bench', 'minimal-bot.js');
/** OvozPay's statements, parser and reply for a recorded phrase without the framework (bench/lean-bot.js). */
export const LEAN_BOT = join(ROOT, 'bench', 'lean-bot.js');
/** The REST list and balance's statements and JSON without the framework (bench/lean-rest.js). */
export const LEAN_REST = join(ROOT, 'bench', 'lean-rest.js');

/**
 * The statements a child run with `-r bench/pg-statements.js` sent through pg (the JSON it wrote to `file` at exit),
 * printed per `unit` (update, request): `sent` of them over the whole process life, start-up included.
 */
export function printStatements(file: string, sent: number, unit: string, top: number): void {
  const counts = JSON.parse(readFileSync(file, 'utf8')) as Array<[string, number]>;
  const total = counts.reduce((a, [, n]) => a + n, 0);
  process.stdout.write(`${(total / sent).toFixed(2)} statements per ${unit} through pg, by text:\n`);
  for (const [text, n] of counts.slice(0, top)) process.stdout.write(`${(n / sent).toFixed(2)}  ${text}\n`);
}
