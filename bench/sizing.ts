/**
 * npm run bench:sizing: the figures of docs/operations.md, "Sizing for 1 million users". On a scratch database of its
 * own (test_ovozpay_<random>, migrated with the real migrations, dropped at the end) it generates a `transactions`
 * table of ROWS rows (default 10,000,000) with a skewed spread over users, copies the same rows into two partitioned
 * side tables (by month of occurred_at; by HASH(user_id)), and measures the table and index sizes and the per-user
 * hot queries on each: the list page, the balance, a month's statistics and the export pages.
 *
 * The queries are the app's own: the real TransactionsRepository and StatsRepository run them, on a DataSource whose
 * connections have search_path = <side schema>, public, so the same unqualified SQL reads the partitioned copy
 * (user_balances stays the one in public). Each statement is also run once under EXPLAIN (ANALYZE, BUFFERS) for
 * the pages it touches.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource, DataSourceOptions, Logger as OrmLogger } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '../src/database/data-source';
import { EXPENSE_CATEGORIES, INCOME_CATEGORIES } from '../src/modules/nlu/nlu.types';
import { StatsRepository } from '../src/modules/stats/stats.repository';
import { Transaction } from '../src/modules/transactions/transaction.entity';
import { TransactionsRepository } from '../src/modules/transactions/transactions.repository';
import { assertTestDatabaseUrl, createTestDatabase } from '../test/helpers/test-database';
import { fmt, median, percentile } from './stats';

const USAGE = `Usage: DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:sizing [-- --help]

Generates a transactions table on a scratch database (test_ovozpay_<random>, real migrations, dropped at the end),
copies it into a table partitioned by month and one partitioned by HASH(user_id), and prints in markdown: table and
index sizes, bytes per row, and the per-user queries' median / p99 on each. Progress goes to stderr.
At 10,000,000 rows it took 14 minutes on 2 busy cores (ROWS=1000000: 1.5 minutes) and needs about 8 GB of disk.

Environment:
  DATABASE_URL     required: a PostgreSQL server URL whose database name contains "test"
  ROWS             transactions to generate (default 10000000)
  SAMPLE           users whose queries are timed (default 200), drawn by activity (a random row's user)
  HASH_PARTITIONS  partitions of the hash-partitioned copy (default 16)
  SIZING_KEEP      set: keep the scratch database (its name is printed)
`;

/** Users by activity: [share of users, share of rows]. Most users have a few rows, a few have most of them. */
const TIERS = [
  { name: 'light', users: 0.6, rows: 0.05 },
  { name: 'medium', users: 0.35, rows: 0.31 },
  { name: 'heavy', users: 0.05, rows: 0.64 },
] as const;
/** Mean rows per user (so ROWS / MEAN users): light ≈ 17, medium ≈ 177, heavy ≈ 2,560 at any ROWS. */
const MEAN_ROWS_PER_USER = 200;
/** The generated history: rows spread evenly over this many days up to now, in time order (as they arrive). */
const HISTORY_DAYS = 730;
/** Month boundaries of the month-partitioned copy and of the month whose statistics are read: the default time zone. */
const ZONE = 'Asia/Tashkent';

const DESCRIPTIONS = [
  'продукты',
  'такси',
  'кофе',
  'taksiga',
  'obed',
  'Korzinka',
  'интернет',
  'аренда квартиры',
  'зарплата',
  'bozordan meva',
  'coffee with friends',
  '',
];

function checkInvocation(argv: string[], url: string | undefined): void {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  const refuse = (reason: string, code = 1): never => {
    process.stderr.write(`bench:sizing: ${reason}\n\n${USAGE}`);
    process.exit(code);
  };
  if (argv.length > 0) refuse(`unknown argument ${argv[0]}`, 2);
  if (!url || !/^postgres(ql)?:\/\//.test(url))
    refuse('DATABASE_URL must be a postgres:// URL whose database name contains "test"');
  try {
    assertTestDatabaseUrl(url!);
  } catch (error) {
    refuse(`DATABASE_URL: ${(error as Error).message}`);
  }
}

const log = (text: string) =>
  process.stderr.write(`[sizing ${new Date().toISOString().slice(11, 19)}] ${text}\n`);
const mb = (bytes: number) => `${fmt(bytes / 2 ** 20)} MB`;
const ms = (n: number) => fmt(n, n < 10 ? 2 : 1);

async function timed<T>(label: string, work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await work();
  const seconds = (performance.now() - t0) / 1000;
  log(`${label}: ${fmt(seconds, 1)} s`);
  return { value, seconds };
}

/** Keeps the SQL and parameters TypeORM sends while `capturing` is set. */
class CaptureLogger implements OrmLogger {
  capturing: Array<{ sql: string; params: unknown[] }> | null = null;
  logQuery(query: string, parameters?: unknown[]): void {
    this.capturing?.push({ sql: query, params: parameters ?? [] });
  }
  logQueryError(error: string | Error, query: string): void {
    process.stderr.write(`query failed: ${String(error)}\n${query}\n`);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(level: string, message: unknown): void {
    if (level === 'warn') process.stderr.write(`${String(message)}\n`);
  }
}

/** A DataSource on the scratch database whose unqualified table names resolve in `schema` first. */
async function openDataSource(url: string, schema: string, logger: CaptureLogger): Promise<DataSource> {
  const base = buildDataSourceOptions(url, { embedded: false, poolSize: 2 });
  const extra = { ...(base.extra as object), options: `-c search_path=${schema},public` };
  const ds = new DataSource({ ...base, extra, logger, logging: true } as DataSourceOptions);
  await ds.initialize();
  return ds;
}

/** The rows of the tiers: users numbered light first, then medium, then heavy. */
function tiers(users: number) {
  let lo = 0;
  return TIERS.map((t, i) => {
    const n = i === TIERS.length - 1 ? users - lo : Math.round(users * t.users);
    const tier = { ...t, lo, n };
    lo += n;
    return tier;
  });
}

/** INSERT … SELECT of rows [from, to) in time order; each row's user drawn by tier (share of rows), then uniformly. */
function generateSql(from: number, to: number, total: number, users: ReturnType<typeof tiers>): string {
  const [light, medium, heavy] = users;
  const cut1 = heavy.rows;
  const cut2 = heavy.rows + medium.rows;
  const arr = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(',')}]`;
  return `
    INSERT INTO transactions (user_id, type, amount, currency, category, description, occurred_at, source,
                              source_update_id, source_item, transcript, external_ref, card_last4, created_at, updated_at)
    SELECT u.id, g.type,
           CASE WHEN g.currency = 'USD' THEN round((1 + g.r4 * 300)::numeric, 2) ELSE round((1000 + g.r4 * 1999000)::numeric, -2) END,
           g.currency,
           CASE WHEN g.type = 'income' THEN (${arr(INCOME_CATEGORIES)})[1 + floor(g.r5 * ${INCOME_CATEGORIES.length})::int]
                ELSE (${arr(EXPENSE_CATEGORIES)})[1 + floor(g.r5 * ${EXPENSE_CATEGORIES.length})::int] END,
           (${arr(DESCRIPTIONS)})[1 + floor(g.r6 * ${DESCRIPTIONS.length})::int],
           g.at,
           g.source,
           CASE WHEN g.source = 'api' THEN NULL ELSE g.k END,
           0,
           CASE WHEN g.source = 'voice' THEN 'потратил ' || round(g.r4 * 100000) || ' сум на продукты в корзинке' END,
           CASE WHEN g.card THEN lpad((g.k % 10000)::text, 4, '0') || '>|' || to_char(g.at, 'YYYY-MM-DD"T"HH24:MI') || '|' || round(g.r4 * 1e7) || 'UZS|debit' END,
           CASE WHEN g.card THEN lpad((g.k % 10000)::text, 4, '0') END,
           g.at + interval '3 seconds', g.at + interval '3 seconds'
      FROM (SELECT k, r1, r2, r4, r5, r6,
                   CASE WHEN r3 < 0.12 THEN 'income' ELSE 'expense' END AS type,
                   CASE WHEN k % 20 = 0 THEN 'USD' ELSE 'UZS' END AS currency,
                   CASE WHEN k % 20 < 14 THEN 'text' WHEN k % 20 < 17 THEN 'voice' ELSE 'api' END AS source,
                   k % 10 = 3 AS card,
                   now() - interval '${HISTORY_DAYS} days' * (1 - k::float8 / ${total}) AS at
              FROM (SELECT k, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6
                      FROM generate_series(${from}::bigint, ${to - 1}::bigint) k) s) g
      JOIN sizing_users u
        ON u.n = CASE WHEN g.r1 < ${cut1} THEN ${heavy.lo} + floor(g.r2 * ${heavy.n})::int
                      WHEN g.r1 < ${cut2} THEN ${medium.lo} + floor(g.r2 * ${medium.n})::int
                      ELSE ${light.lo} + floor(g.r2 * ${light.n})::int END`;
}

/** The balance backfill of src/database/migrations/1764400800000-UserBalancesAndExchangeRates.ts, as it stands there. */
const REBUILD_BALANCES = `
  INSERT INTO user_balances (user_id, currency, income, expense, tx_count)
  SELECT user_id, currency,
         COALESCE(SUM(amount) FILTER (WHERE type = 'income'), 0),
         COALESCE(SUM(amount) FILTER (WHERE type = 'expense'), 0),
         COUNT(*)
    FROM transactions
   GROUP BY user_id, currency`;

interface Sizes {
  heap: number;
  table: number;
  indexes: Array<{ name: string; bytes: number; unique: boolean }>;
  indexTotal: number;
  partitions: number;
}

async function sizesOf(db: Client, table: string): Promise<Sizes> {
  const leaves = (
    await db.query<{ relid: string }>(
      `SELECT relid::regclass::text AS relid FROM pg_partition_tree($1::regclass) WHERE isleaf`,
      [table],
    )
  ).rows.map((r) => r.relid);
  // A table that is not partitioned has no partition tree: it is its own only "leaf".
  if (!leaves.length) leaves.push(table);
  const one = async (sql: string, params: unknown[]) => Number((await db.query(sql, params)).rows[0].n);
  let heap = 0;
  let whole = 0;
  for (const leaf of leaves) {
    heap += await one(`SELECT pg_relation_size($1::regclass) AS n`, [leaf]);
    whole += await one(`SELECT pg_table_size($1::regclass) AS n`, [leaf]);
  }
  const idx = await db.query<{ name: string; bytes: string; unique: boolean }>(
    `SELECT c.relname AS name, i.indisunique AS unique,
            COALESCE((SELECT sum(pg_relation_size(t.relid)) FROM pg_partition_tree(c.oid) t WHERE t.isleaf),
                     pg_relation_size(c.oid))::bigint AS bytes
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass
      ORDER BY c.relname`,
    [table],
  );
  const indexes = idx.rows.map((r) => ({ name: r.name, bytes: Number(r.bytes), unique: r.unique }));
  return {
    heap,
    table: whole,
    indexes,
    indexTotal: indexes.reduce((s, i) => s + i.bytes, 0),
    partitions: leaves[0] === table ? 0 : leaves.length,
  };
}

interface Load {
  rows: number;
  seconds: number;
  how: string;
}

/** What dropIndexes took away from public.transactions, to put back as it was. */
interface Dropped {
  constraints: Array<{ table: string; name: string; def: string }>;
  indexes: string[];
}

/** Drops the indexes and unique constraints of public.transactions (and the foreign keys that lean on them). */
async function dropIndexes(db: Client): Promise<Dropped> {
  const refs = await db.query<{ table: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE confrelid = 'transactions'::regclass AND contype = 'f'`,
  );
  const own = await db.query<{ table: string; name: string; def: string }>(
    `SELECT 'transactions' AS table, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE conrelid = 'transactions'::regclass AND contype IN ('p', 'u')`,
  );
  const indexes = await db.query<{ name: string; def: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'transactions'::regclass
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  );
  for (const f of refs.rows) await db.query(`ALTER TABLE ${f.table} DROP CONSTRAINT ${f.name}`);
  for (const c of own.rows) await db.query(`ALTER TABLE transactions DROP CONSTRAINT ${c.name}`);
  for (const i of indexes.rows) await db.query(`DROP INDEX ${i.name}`);
  return { constraints: [...own.rows, ...refs.rows], indexes: indexes.rows.map((i) => i.def) };
}

async function restoreIndexes(db: Client, d: Dropped): Promise<void> {
  for (const def of d.indexes) await db.query(def);
  // Own primary key and unique constraints first, then the foreign keys of other tables that reference them.
  for (const c of d.constraints) await db.query(`ALTER TABLE ${c.table} ADD CONSTRAINT ${c.name} ${c.def}`);
}

/** The month-partitioned and hash-partitioned copies: same columns and CHECKs, same index definitions. */
async function buildCopy(
  db: Client,
  schema: string,
  kind: 'month' | 'hash',
  hashPartitions: number,
): Promise<{ notUnique: string[]; copySeconds: number; indexSeconds: number }> {
  await db.query(`CREATE SCHEMA ${schema}`);
  const key = kind === 'month' ? 'occurred_at' : 'user_id';
  await db.query(
    `CREATE TABLE ${schema}.transactions (LIKE public.transactions INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
       PARTITION BY ${kind === 'month' ? 'RANGE (occurred_at)' : 'HASH (user_id)'}`,
  );
  if (kind === 'month') {
    const months = await db.query<{ lo: string; hi: string; name: string }>(
      `SELECT to_char(m, 'YYYY-MM-DD') AS lo, to_char(m + interval '1 month', 'YYYY-MM-DD') AS hi,
              'transactions_' || to_char(m, 'YYYY_MM') AS name
         FROM generate_series(
                (SELECT date_trunc('month', min(occurred_at) AT TIME ZONE '${ZONE}') FROM public.transactions),
                (SELECT date_trunc('month', max(occurred_at) AT TIME ZONE '${ZONE}') FROM public.transactions),
                interval '1 month') m`,
    );
    for (const m of months.rows) {
      await db.query(
        `CREATE TABLE ${schema}.${m.name} PARTITION OF ${schema}.transactions
           FOR VALUES FROM (('${m.lo}'::timestamp) AT TIME ZONE '${ZONE}') TO (('${m.hi}'::timestamp) AT TIME ZONE '${ZONE}')`,
      );
    }
  } else {
    for (let i = 0; i < hashPartitions; i++) {
      await db.query(
        `CREATE TABLE ${schema}.transactions_h${String(i).padStart(2, '0')} PARTITION OF ${schema}.transactions
           FOR VALUES WITH (MODULUS ${hashPartitions}, REMAINDER ${i})`,
      );
    }
  }
  const copy = await timed(`${schema}: copy`, () =>
    db.query(`INSERT INTO ${schema}.transactions SELECT * FROM public.transactions`),
  );
  // The same definitions as public.transactions. A unique index on a partitioned table must contain the partition key:
  // those that do not are built plain (same size), and listed, since their guarantee would be lost.
  const defs = await db.query<{ name: string; def: string; cols: string }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def,
            array_to_string(ARRAY(SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)), ',') AS cols
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = 'public.transactions'::regclass`,
  );
  const notUnique: string[] = [];
  const built = await timed(`${schema}: indexes`, async () => {
    for (const d of defs.rows) {
      let def = d.def.replace(' ON public.transactions ', ` ON ${schema}.transactions `);
      if (def.startsWith('CREATE UNIQUE') && !d.cols.split(',').includes(key)) {
        def = def.replace('CREATE UNIQUE INDEX', 'CREATE INDEX');
        notUnique.push(d.name);
      }
      await db.query(def);
    }
  });
  return { notUnique, copySeconds: copy.seconds, indexSeconds: built.seconds };
}

interface Measured {
  times: number[];
  hits: number[];
  planMs: number[];
  execMs: number[];
}

const QUERIES = [
  'list page (20 newest, count from user_balances)',
  'balance (user_balances)',
  "a month's statistics",
  'export, first page (100 rows)',
  'export, next page (after a cursor)',
] as const;
type QueryName = (typeof QUERIES)[number];

async function main(): Promise<void> {
  checkInvocation(process.argv.slice(2), process.env.DATABASE_URL);
  const total = Number(process.env.ROWS ?? 10_000_000);
  const sample = Number(process.env.SAMPLE ?? 200);
  const hashPartitions = Number(process.env.HASH_PARTITIONS ?? 16);
  if (!(total >= 10_000) || !(sample >= 1) || !(hashPartitions >= 2)) {
    process.stderr.write(`bench:sizing: ROWS ≥ 10000, SAMPLE ≥ 1 and HASH_PARTITIONS ≥ 2\n`);
    process.exit(2);
  }
  const started = performance.now();
  const scratch = await createTestDatabase();
  const url = new URL(scratch.url);
  const name = url.pathname.slice(1);
  log(`database ${name}, ${fmt(total)} rows`);

  const capture = new CaptureLogger();
  const sources: DataSource[] = [];
  const db = new Client({ connectionString: url.toString() });
  try {
    const plainDs = await openDataSource(url.toString(), 'public', capture);
    sources.push(plainDs);
    await timed('migrations', () => runMigrations(plainDs, { embedded: false }));
    await db.connect();
    await db.query(`SET synchronous_commit = off`);
    await db.query(`SET maintenance_work_mem = '512MB'`);
    await db.query(`SET work_mem = '64MB'`);

    const userCount = Math.max(10, Math.round(total / MEAN_ROWS_PER_USER));
    const spread = tiers(userCount);
    await db.query(
      `CREATE TABLE sizing_users (n int PRIMARY KEY, id uuid NOT NULL DEFAULT gen_random_uuid())`,
    );
    await db.query(`INSERT INTO sizing_users (n) SELECT g FROM generate_series(0, ${userCount - 1}) g`);
    await db.query(
      `INSERT INTO users (id, telegram_chat_id, first_name) SELECT id, 100000 + n, 'User ' || n FROM sizing_users`,
    );
    await db.query(
      `INSERT INTO bot_sessions (user_id, state) SELECT id, '{"pending":null,"lang":"ru"}'::jsonb FROM sizing_users`,
    );

    // The load, in time order. Two small batches go in as the app's inserts do (every index, the foreign keys, the
    // user_balances trigger), the second with the trigger off: the cost of each per row. The rest is a bulk load as
    // pg_restore does it: indexes and unique constraints dropped, the trigger off, then the indexes rebuilt and
    // user_balances rebuilt from the rows (the migration's own backfill). Foreign key checks stay on throughout.
    const probe = Math.min(200_000, Math.floor(total / 20));
    const load: Load[] = [];
    const batch = async (from: number, to: number, how: string) => {
      const { seconds } = await timed(`load rows ${fmt(from)}–${fmt(to)} (${how})`, () =>
        db.query(generateSql(from, to, total, spread)),
      );
      load.push({ rows: to - from, seconds, how });
    };
    await batch(0, probe, 'indexes, trigger on');
    await db.query(`ALTER TABLE transactions DISABLE TRIGGER trg_transactions_user_balances_insert`);
    await batch(probe, 2 * probe, 'indexes, trigger off');
    const grown = await sizesOf(db, 'public.transactions');
    const grownRows = 2 * probe;
    const dropped = await dropIndexes(db);
    const bulkBatch = Math.max(probe, 1_000_000);
    for (let from = 2 * probe; from < total; from += bulkBatch)
      await batch(from, Math.min(total, from + bulkBatch), 'no indexes, trigger off');
    const rebuiltIndexes = await timed('indexes and constraints rebuilt', () => restoreIndexes(db, dropped));
    const rebuild = await timed('user_balances rebuilt', async () => {
      await db.query('BEGIN');
      await db.query(`LOCK TABLE transactions IN SHARE ROW EXCLUSIVE MODE`);
      await db.query(`DELETE FROM user_balances`);
      await db.query(REBUILD_BALANCES);
      await db.query(`ALTER TABLE transactions ENABLE TRIGGER trg_transactions_user_balances_insert`);
      await db.query('COMMIT');
    });
    const actualRows = Number((await db.query(`SELECT count(*) AS n FROM transactions`)).rows[0].n);
    const counts = new Map<string, number>();
    for (const r of (
      await db.query<{ user_id: string; n: string }>(
        `SELECT user_id, sum(tx_count)::text AS n FROM user_balances GROUP BY user_id`,
      )
    ).rows)
      counts.set(r.user_id, Number(r.n));
    const userRows = [...counts.values()];

    const month = await buildCopy(db, 'by_month', 'month', hashPartitions);
    const hash = await buildCopy(db, 'by_user', 'hash', hashPartitions);
    // Planner statistics, as autovacuum would have gathered them (none of the per-user queries is index-only, so the
    // visibility map a VACUUM would set does not change their plans; the warm-up pass sets the hint bits).
    await timed('ANALYZE', async () => {
      for (const t of [
        'public.transactions',
        'by_month.transactions',
        'by_user.transactions',
        'user_balances',
      ])
        await db.query(`ANALYZE ${t}`);
    });

    // The other per-update tables, for bytes per row: processed_updates (one row per update, kept 7 days),
    // message_links (one per message that recorded something, kept), bot_sessions (one per user).
    const sideRows = Math.min(1_000_000, Math.round(total / 10));
    await timed('processed_updates and message_links samples', async () => {
      await db.query(
        `INSERT INTO processed_updates (update_id, status, attempts, received_at, finished_at, attempted_at)
         SELECT 500000000 + g, 'done', 1, now(), now(), now() FROM generate_series(1, ${sideRows}) g`,
      );
      await db.query(
        `INSERT INTO message_links (user_id, chat_id, message_id, update_id, kind, items, reply_message_id, last_update_id)
         SELECT u.id, 100000 + u.n, g, 500000000 + g, 'records', '[{"type":"expense","category":"groceries"}]'::jsonb, g + 1, 500000000 + g
           FROM generate_series(1, ${sideRows}) g JOIN sizing_users u ON u.n = g % ${userCount}`,
      );
      await db.query(`VACUUM (ANALYZE) processed_updates`);
      await db.query(`VACUUM (ANALYZE) message_links`);
      await db.query(`VACUUM (ANALYZE) bot_sessions`);
    });
    const perRowOf = async (table: string) => {
      const r = await db.query<{ t: string; i: string; n: string }>(
        `SELECT pg_table_size('${table}')::text AS t, pg_indexes_size('${table}')::text AS i, count(*)::text AS n FROM ${table}`,
      );
      const n = Number(r.rows[0].n);
      return { rows: n, table: Number(r.rows[0].t) / n, indexes: Number(r.rows[0].i) / n };
    };
    const others = {
      processed_updates: await perRowOf('processed_updates'),
      message_links: await perRowOf('message_links'),
      bot_sessions: await perRowOf('bot_sessions'),
      user_balances: await perRowOf('user_balances'),
    };

    const variants = [
      { label: 'plain', schema: 'public', table: 'public.transactions' },
      { label: 'by month (RANGE)', schema: 'by_month', table: 'by_month.transactions' },
      { label: `by user (HASH, ${hashPartitions})`, schema: 'by_user', table: 'by_user.transactions' },
    ];
    const sizes: Sizes[] = [];
    for (const v of variants) sizes.push(await sizesOf(db, v.table));

    // Users drawn by activity: the user of a random row (a heavy user asks more often).
    const picked = (
      await db.query<{ user_id: string }>(
        `SELECT user_id FROM (SELECT DISTINCT user_id FROM transactions TABLESAMPLE BERNOULLI (${Math.min(100, (sample * 400) / actualRows)})) s
          ORDER BY random() LIMIT ${sample}`,
      )
    ).rows.map((r) => r.user_id);
    const sampleRows = picked.map((u) => counts.get(u) ?? 0);
    const stats = await db.query<{ lo: Date; hi: Date }>(
      `SELECT (date_trunc('month', now() AT TIME ZONE '${ZONE}') - interval '1 month') AT TIME ZONE '${ZONE}' AS lo,
              date_trunc('month', now() AT TIME ZONE '${ZONE}') AT TIME ZONE '${ZONE}' AS hi`,
    );
    const { lo: monthStart, hi: monthEnd } = stats.rows[0];

    const dsOf = [plainDs];
    for (const v of variants.slice(1)) {
      const ds = await openDataSource(url.toString(), v.schema, capture);
      sources.push(ds);
      dsOf.push(ds);
    }
    const explainers: Client[] = [];
    for (const v of variants) {
      const c = new Client({
        connectionString: url.toString(),
        options: `-c search_path=${v.schema},public`,
      });
      await c.connect();
      explainers.push(c);
    }

    const results: Array<Record<QueryName, Measured>> = variants.map(
      () =>
        Object.fromEntries(
          QUERIES.map((q) => [q, { times: [], hits: [], planMs: [], execMs: [] } as Measured]),
        ) as Record<QueryName, Measured>,
    );

    const sqlOf = new Map<QueryName, string[]>();
    /** One call of the real repository method, timed; then each of its statements under EXPLAIN (ANALYZE, BUFFERS). */
    const measure = async (vi: number, q: QueryName, call: () => Promise<unknown>, keep: boolean) => {
      capture.capturing = [];
      const t0 = performance.now();
      await call();
      const elapsed = performance.now() - t0;
      const statements = capture.capturing;
      capture.capturing = null;
      if (!keep) return;
      let hits = 0;
      let plan = 0;
      let exec = 0;
      for (const s of statements) {
        const r = await explainers[vi].query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.sql}`, s.params);
        const out = (r.rows[0] as { 'QUERY PLAN': Array<Record<string, unknown>> })['QUERY PLAN'][0];
        const top = out.Plan as Record<string, number>;
        hits += (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0);
        plan += Number(out['Planning Time']);
        exec += Number(out['Execution Time']);
      }
      if (vi === 0 && !sqlOf.has(q))
        sqlOf.set(
          q,
          statements.map((x) => x.sql.replace(/\s+/g, ' ').trim()),
        );
      const m = results[vi][q];
      m.times.push(elapsed);
      m.hits.push(hits);
      m.planMs.push(plan);
      m.execMs.push(exec);
    };

    const runUser = async (vi: number, userId: string, keep: boolean) => {
      const tx = new TransactionsRepository(dsOf[vi].getRepository(Transaction));
      const st = new StatsRepository(dsOf[vi]);
      await measure(
        vi,
        QUERIES[0],
        () => tx.page(userId, {}, { field: 'occurred_at', direction: 'DESC' }, 0, 20),
        keep,
      );
      await measure(vi, QUERIES[1], () => tx.balances(userId), keep);
      await measure(
        vi,
        QUERIES[2],
        () => st.categorySums(userId, { start: monthStart, end: monthEnd }),
        keep,
      );
      let next: Awaited<ReturnType<TransactionsRepository['exportPage']>>['next'] = null;
      await measure(
        vi,
        QUERIES[3],
        async () => {
          next = (await tx.exportPage(userId, {}, null, 100)).next;
        },
        keep,
      );
      if (next) await measure(vi, QUERIES[4], () => tx.exportPage(userId, {}, next, 100), keep);
    };

    // A warm-up pass, then the measured one; the variants take turns user by user (the machine's noise is shared).
    await timed('warm-up pass', async () => {
      for (const u of picked) for (let vi = 0; vi < variants.length; vi++) await runUser(vi, u, false);
    });
    await timed('measured pass', async () => {
      for (let i = 0; i < picked.length; i++)
        for (let j = 0; j < variants.length; j++) await runUser((i + j) % variants.length, picked[i], true);
    });
    for (const c of explainers) await c.end();

    const runtime = (performance.now() - started) / 1000;
    process.stdout.write(
      report({
        total: actualRows,
        users: userCount,
        spread,
        userRows,
        sampleRows,
        load,
        rebuildSeconds: rebuild.seconds,
        indexSeconds: rebuiltIndexes.seconds,
        grown,
        grownRows,
        variants: variants.map((v) => v.label),
        sizes,
        notUnique: { month: month.notUnique, hash: hash.notUnique },
        copies: [month, hash],
        others,
        results,
        monthStart,
        runtime,
        hashPartitions,
        sqlOf,
      }),
    );
  } finally {
    capture.capturing = null;
    for (const ds of sources) await ds.destroy().catch(() => undefined);
    await db.end().catch(() => undefined);
    if (process.env.SIZING_KEEP) log(`kept database ${name}`);
    else {
      await scratch.drop();
      log(`dropped ${name}`);
    }
  }
}

function report(r: {
  total: number;
  users: number;
  spread: ReturnType<typeof tiers>;
  userRows: number[];
  sampleRows: number[];
  load: Load[];
  rebuildSeconds: number;
  indexSeconds: number;
  grown: Sizes;
  grownRows: number;
  variants: string[];
  sizes: Sizes[];
  notUnique: { month: string[]; hash: string[] };
  copies: Array<{ copySeconds: number; indexSeconds: number }>;
  others: Record<string, { rows: number; table: number; indexes: number }>;
  results: Array<Record<QueryName, Measured>>;
  monthStart: Date;
  runtime: number;
  hashPartitions: number;
  sqlOf: Map<QueryName, string[]>;
}): string {
  const hows = [...new Set(r.load.map((l) => l.how))];
  const loadLine = hows
    .map((how) => {
      const ls = r.load.filter((l) => l.how === how);
      const rows = ls.reduce((s, l) => s + l.rows, 0);
      return `${fmt(rows / ls.reduce((s, l) => s + l.seconds, 0))} rows/s with ${how} (${fmt(rows)} rows)`;
    })
    .join('; ');
  const plain = r.sizes[0];
  const names = plain.indexes.map((i) => i.name);
  const sizeRows = [
    `| heap (pg_relation_size, all partitions) | ${r.sizes.map((s) => mb(s.heap)).join(' | ')} |`,
    `| table with TOAST, FSM, VM (pg_table_size) | ${r.sizes.map((s) => mb(s.table)).join(' | ')} |`,
    ...names.map(
      (n) =>
        `| ${n}${plain.indexes.find((i) => i.name === n)?.unique ? ' (unique)' : ''} | ${r.sizes
          .map((s) => mb(s.indexes.find((i) => i.name === n)?.bytes ?? NaN))
          .join(' | ')} |`,
    ),
    `| **all indexes** | ${r.sizes.map((s) => `**${mb(s.indexTotal)}**`).join(' | ')} |`,
    `| **table + indexes** | ${r.sizes.map((s) => `**${mb(s.table + s.indexTotal)}**`).join(' | ')} |`,
    `| bytes per row: table / indexes / total | ${r.sizes
      .map(
        (s) =>
          `${fmt(s.table / r.total)} / ${fmt(s.indexTotal / r.total)} / ${fmt((s.table + s.indexTotal) / r.total)}`,
      )
      .join(' | ')} |`,
  ];
  const queryRows = QUERIES.map((q) => {
    const cells = r.results.map((v) => {
      const m = v[q];
      return `${ms(median(m.times))} / ${ms(percentile(m.times, 99))} ms; ${fmt(median(m.hits))} pages; plan ${ms(median(m.planMs))} + run ${ms(median(m.execMs))} ms`;
    });
    return `| ${q} | ${cells.join(' | ')} |`;
  });
  const ratios = QUERIES.map(
    (q) =>
      `| ${q} | ${r.results
        .slice(1)
        .map((v) => `${fmt(median(v[q].times) / median(r.results[0][q].times), 2)}×`)
        .join(' | ')} |`,
  );
  const tierLine = r.spread
    .map(
      (t) =>
        `${t.name}: ${fmt(t.n)} users (${fmt(t.users * 100)} %) with ${fmt(t.rows * 100)} % of the rows, ≈ ${fmt((t.rows * r.total) / t.n)} each`,
    )
    .join('; ');
  const other = Object.entries(r.others)
    .map(
      ([t, o]) =>
        `| ${t} | ${fmt(o.rows)} | ${fmt(o.table)} | ${fmt(o.indexes)} | ${fmt(o.table + o.indexes)} |`,
    )
    .join('\n');
  return `## Sizing run: ${fmt(r.total)} transactions, ${fmt(r.users)} users

Written by \`npm run bench:sizing\` (bench/sizing.ts) on ${new Date().toISOString().slice(0, 10)}; whole run ${fmt(r.runtime / 60, 1)} min.
Users: ${tierLine}. Rows per user: median ${fmt(median(r.userRows))}, p99 ${fmt(percentile(r.userRows, 99))}, max ${fmt(Math.max(...r.userRows))}.
Rows in time order over ${HISTORY_DAYS} days (as they arrive: one user's rows are spread over the heap); 70 % text,
15 % voice (with a transcript), 15 % REST; 10 % card notifications (external_ref, card_last4); 5 % USD, 12 % income.

Load: ${loadLine}; then the indexes and constraints rebuilt in ${fmt(r.indexSeconds, 1)} s and user_balances in
${fmt(r.rebuildSeconds, 1)} s. Indexes as the inserts grew them, at ${fmt(r.grownRows)} rows: ${fmt(r.grown.indexTotal / r.grownRows)} bytes per row
(built in one go, below: ${fmt(r.sizes[0].indexTotal / r.total)}). The partitioned copies: INSERT … SELECT ${r.copies
    .map((c) => `${fmt(c.copySeconds, 1)} s`)
    .join(' and ')}, their indexes ${r.copies.map((c) => `${fmt(c.indexSeconds, 1)} s`).join(' and ')}.

| | ${r.variants.join(' | ')} |
|---|${r.variants.map(() => '---').join('|')}|
${sizeRows.join('\n')}
| partitions | ${r.sizes.map((s) => s.partitions || '—').join(' | ')} |

Unique indexes that a partitioned table cannot keep unique (they lack the partition key; built plain above):
by month: ${r.notUnique.month.join(', ') || 'none'}; by user: ${r.notUnique.hash.join(', ') || 'none'}.

Other per-update tables (bytes per row, table and indexes):

| table | rows | table B/row | indexes B/row | total B/row |
|---|---|---|---|---|
${other}

Per-user queries: ${r.sampleRows.length} users drawn by activity (the user of a random row; their rows: median ${fmt(median(r.sampleRows))},
max ${fmt(Math.max(...r.sampleRows))}), warm cache, the app's repository methods timed from the client (median / p99),
then the same statements under EXPLAIN (ANALYZE, BUFFERS): median pages touched, planning and execution time.
The month's statistics read ${r.monthStart.toISOString().slice(0, 10)} onwards (one month, ${ZONE}).

| query | ${r.variants.join(' | ')} |
|---|${r.variants.map(() => '---').join('|')}|
${queryRows.join('\n')}

| median vs plain | ${r.variants.slice(1).join(' | ')} |
|---|${r.variants
    .slice(1)
    .map(() => '---')
    .join('|')}|
${ratios.join('\n')}

The statements, as the repositories sent them (the same text on every copy, through search_path):

\`\`\`sql
${QUERIES.map((q) => `-- ${q}\n${(r.sqlOf.get(q) ?? []).join(';\n')};`).join('\n')}
\`\`\`
`;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
