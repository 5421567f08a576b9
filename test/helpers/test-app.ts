import { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { FakeTelegram } from '../fakes/fake-telegram';
import { CheckedAgent, checkedAgent, ResponseValidator } from './openapi';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_BOT_TOKEN = '123456789:TEST-token_abcdefghijklmnopqrstuv';
export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef';
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret';

export interface TestApp {
  app: NestExpressApplication;
  /** supertest for the app; every response is checked against the served OpenAPI document (./openapi.ts). */
  http: CheckedAgent;
  /** The served OpenAPI document as a response checker (for responses not received through `http`). */
  openapi: ResponseValidator;
  telegram: FakeTelegram;
  db: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Boots the whole application as `npm run start:prod` would, on its own fresh database, with a fake Telegram
 * Bot API on loopback. `env` overrides the defaults (webhook mode with a secret, verified login).
 */
export interface StartOptions {
  /** Share a database created by the caller (not dropped by close()): several instances on one database. */
  database?: TestDatabase;
  /** Rewrites the database URL the app connects to (e.g. through a TCP proxy). */
  databaseUrl?: (url: string) => string;
  /** Share a fake Bot API (not stopped by close()). */
  telegram?: FakeTelegram;
}

export async function startTestApp(
  env: Record<string, string | undefined> = {},
  opts: StartOptions = {},
): Promise<TestApp> {
  const ownTelegram = !opts.telegram;
  const telegram = opts.telegram ?? (await new FakeTelegram().start());
  let database: TestDatabase | undefined;
  try {
    database = opts.database ?? (await createTestDatabase());
    const config = loadConfig({
      SECRET_KEY: TEST_SECRET_KEY,
      DEBUG: 'False',
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      BOT_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
      DATABASE_URL: opts.databaseUrl ? opts.databaseUrl(database.url) : database.url,
      // Never the real bank: a closed loopback port fails at once (rates are fetched only when a balance mixes
      // currencies). Tests about rates pass the fake CBU's URL.
      CBU_RATES_URL: 'http://127.0.0.1:9/',
      ...env,
    });
    const app = await createApp(config);
    // A failed start still releases what it opened (pool, job engine), so the test run can exit.
    await app.init().catch(async (error: unknown) => {
      await app.close().catch(() => undefined);
      throw error;
    });
    const db = app.get(DataSource);
    const openapi = await ResponseValidator.served(app.getHttpServer()).catch(async (error: unknown) => {
      await app.close().catch(() => undefined);
      throw error;
    });
    const dropDb = opts.database ? async () => undefined : database.drop;
    return {
      app,
      http: checkedAgent(app.getHttpServer(), openapi),
      openapi,
      telegram,
      db,
      config,
      close: async () => {
        await app.close();
        if (ownTelegram) await telegram.stop();
        await dropDb();
      },
    };
  } catch (error) {
    if (ownTelegram) await telegram.stop();
    if (!opts.database) await database?.drop();
    throw error;
  }
}
