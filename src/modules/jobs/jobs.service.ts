import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import PgBoss from 'pg-boss';
import type { Pool, PoolClient } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { withoutTimeouts } from '../../database/data-source';

/** A queue and its retry policy; declared by the module that owns the work. */
export interface QueueDefinition {
  name: string;
  /** Attempts after the first one. */
  retryLimit: number;
  /** Seconds before the first retry; doubled each time when `retryBackoff`. */
  retryDelay: number;
  retryBackoff: boolean;
  /** A job still active after this long is failed (and retried) by pg-boss's supervisor. */
  expireInSeconds: number;
}

export interface JobContext {
  id: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
  /** No retry will follow if this attempt fails. */
  lastAttempt: boolean;
}

export type JobHandler<T> = (data: T, job: JobContext) => Promise<void>;

export interface SendOptions {
  /** A deterministic uuid makes the enqueue idempotent: a second send with the same id is a no-op (null). */
  id?: string;
  startAfter?: Date;
  singletonKey?: string;
  /** Enqueue inside the caller's transaction: the job exists only if the transaction commits. */
  manager?: EntityManager;
}

export const JOBS_SCHEMA = 'pgboss';
/** Advisory lock key serialising pg-boss's start (schema install) across instances: 'ovozjobs' in ASCII. */
const JOBS_START_LOCK = 0x6f766f7a6a6f6273n.toString();

/** pg-boss's one-method database port over a pg pool or a client that is inside a transaction. */
function executor(target: Pool | PoolClient): PgBoss.Db {
  return {
    executeSql: async (text: string, values: unknown[]) => {
      const result = (await target.query(text, values)) as unknown as
        { rows?: unknown[] } | Array<{ rows?: unknown[] }>;
      // A multi-statement text (pg-boss's own schema set-up) answers with one result per statement.
      return { rows: Array.isArray(result) ? (result[result.length - 1]?.rows ?? []) : (result.rows ?? []) };
    },
  };
}

/**
 * The durable job engine: pg-boss on the application's own PostgreSQL (or the embedded engine), through the app's
 * connection pool. Jobs live in the `pgboss` schema of the same database, so several app instances share the work,
 * queued work survives a restart, and a job can be enqueued in the same transaction as the rows it belongs to.
 * With the embedded engine the pool has one connection, which pg-boss shares; that keeps working (slower).
 */
@Injectable()
export class JobsService implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobsService.name);
  private boss!: PgBoss;
  private readonly queues = new Map<string, QueueDefinition>();
  private readonly workers = new Map<string, string[]>();
  private started: Promise<void> | undefined;

  constructor(private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    this.boss = new PgBoss({
      db: executor(pool),
      schema: JOBS_SCHEMA,
      // Completed jobs are kept a week for inspection, then dropped by the supervisor.
      deleteAfterDays: 7,
      archiveCompletedAfterSeconds: 3600,
    });
    this.boss.on('error', (error: Error & { queue?: string }) =>
      this.logger.error(`Job engine error${error.queue ? ` (${error.queue})` : ''}: ${error.message}`),
    );
    this.started = this.startExclusive(pool);
    await this.started;
  }

  /**
   * pg-boss installs its schema at start; two instances doing that at once on a fresh database collide
   * (CREATE SCHEMA is not race-safe). A session advisory lock makes the starts take turns. Not with a one-connection
   * pool (the embedded engine): holding its only connection would block pg-boss itself, and nothing else can race.
   */
  private async startExclusive(pool: Pool): Promise<void> {
    if ((pool.options.max ?? 10) <= 1) {
      await this.boss.start();
      return;
    }
    const client = await pool.connect();
    try {
      // Waiting for another instance's start may outlast the pool's statement_timeout: not on this connection.
      await withoutTimeouts(client, async () => {
        await client.query('SELECT pg_advisory_lock($1)', [JOBS_START_LOCK]);
        try {
          await this.boss.start();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [JOBS_START_LOCK]).catch(() => undefined);
        }
      });
    } finally {
      client.release();
    }
  }

  /** Before the pool closes (TypeORM closes it in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    if (!this.started) return;
    // Graceful: workers take no new jobs; active ones get up to 20 s to finish (the rest are retried elsewhere).
    await this.boss
      .stop({ graceful: true, wait: true, close: false, timeout: 20_000 })
      .catch((error: Error) => {
        this.logger.warn(`Job engine did not stop cleanly: ${error.message}`);
      });
    this.started = undefined;
  }

  /**
   * Creates the queue (idempotent) with its retry policy. Instances starting together on one database race to
   * create it (pg-boss creates a partition per queue): a deadlock or a duplicate is retried after a short pause,
   * and then finds the queue the other instance made.
   */
  async define(queue: QueueDefinition): Promise<void> {
    await this.started;
    const { name, ...policy } = queue;
    for (let attempt = 1; ; attempt++) {
      try {
        const existing = await this.boss.getQueue(name);
        if (existing) await this.boss.updateQueue(name, { name, ...policy });
        else await this.boss.createQueue(name, { name, policy: 'standard', ...policy });
        break;
      } catch (error) {
        const code = (error as { code?: string }).code;
        // 40P01 deadlock_detected, 23505 unique_violation, 42P07 duplicate_table: another instance got there first.
        if (attempt >= 5 || !['40P01', '23505', '42P07'].includes(code ?? '')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200 * attempt));
      }
    }
    this.queues.set(name, queue);
  }

  /** Enqueues a job; resolves to its id, or null when a job with the same id already exists. */
  async send<T extends object>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    const definition = this.requireQueue(queue);
    const { manager, ...rest } = options;
    const client = (manager?.queryRunner as { databaseConnection?: PoolClient } | undefined)
      ?.databaseConnection;
    const id = await this.boss.send(queue, data, {
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelay,
      retryBackoff: definition.retryBackoff,
      expireInSeconds: definition.expireInSeconds,
      ...rest,
      ...(client ? { db: executor(client) } : {}),
    });
    // Wake this instance's idle workers at once instead of waiting for their next poll.
    if (id && !manager) this.wake(queue);
    return id;
  }

  /** Starts `concurrency` workers for a queue; each takes one job at a time. */
  async work<T>(
    queue: string,
    handler: JobHandler<T>,
    opts: { concurrency?: number; pollingIntervalSeconds?: number } = {},
  ): Promise<void> {
    this.requireQueue(queue);
    const ids: string[] = [];
    for (let i = 0; i < (opts.concurrency ?? 1); i++) {
      let workerId = '';
      workerId = await this.boss.work<T>(
        queue,
        { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 },
        async ([job]) => {
          const context: JobContext = {
            id: job.id,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
            lastAttempt: job.retryCount >= job.retryLimit,
          };
          try {
            await handler(job.data, context);
          } finally {
            // pg-boss sleeps a polling interval after every job; with a backlog, go straight to the next one.
            if (workerId) this.boss.notifyWorker(workerId);
          }
        },
      );
      ids.push(workerId);
    }
    this.workers.set(queue, [...(this.workers.get(queue) ?? []), ...ids]);
  }

  /** Wakes the local workers of a queue (after a transaction that enqueued work has committed). */
  wake(queue: string): void {
    for (const id of this.workers.get(queue) ?? []) this.boss.notifyWorker(id);
  }

  /** A cron schedule (in `tz`): pg-boss sends one job per tick across all instances. */
  async schedule(queue: string, cron: string, data: object = {}, tz = 'UTC'): Promise<void> {
    this.requireQueue(queue);
    await this.boss.schedule(queue, cron, data, { tz });
  }

  /** Jobs of a queue in a state (for tests, health and benchmarks). */
  async countJobs(
    queue: string,
    states: ReadonlyArray<'created' | 'retry' | 'active' | 'completed' | 'failed' | 'cancelled'>,
  ): Promise<number> {
    const rows: Array<{ n: string }> = await this.dataSource.query(
      `SELECT count(*)::text AS n FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state::text = ANY($2)`,
      [queue, states],
    );
    return Number(rows[0]?.n ?? 0);
  }

  private requireQueue(name: string): QueueDefinition {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Queue "${name}" is not defined (JobsService.define first)`);
    return queue;
  }
}
