import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { FakeTelegram } from '../fakes/fake-telegram';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_BOT_TOKEN = '123456789:TEST-token_abcdefghijklmnopqrstuv';
export const TEST_SECRET_KEY = 'test-secret-key-0123456789abcdef';
export const TEST_WEBHOOK_SECRET = 'test-webhook-secret';

export interface TestApp {
  app: NestExpressApplication;
  http: ReturnType<typeof request>;
  telegram: FakeTelegram;
  db: DataSource;
  config: AppConfig;
  close(): Promise<void>;
}

/**
 * Boots the whole application as `npm run start:prod` would, on its own fresh database, with a fake Telegram
 * Bot API on loopback. `env` overrides the defaults (webhook mode with a secret, verified login).
 */
export async function startTestApp(env: Record<string, string | undefined> = {}): Promise<TestApp> {
  const telegram = await new FakeTelegram().start();
  let database: TestDatabase | undefined;
  try {
    database = await createTestDatabase();
    const config = loadConfig({
      SECRET_KEY: TEST_SECRET_KEY,
      DEBUG: 'False',
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: telegram.url,
      BOT_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: TEST_WEBHOOK_SECRET,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'fatal',
      DATABASE_URL: database.url,
      // Never the real bank: a closed loopback port fails at once (rates are fetched only when a balance mixes
      // currencies). Tests about rates pass the fake CBU's URL.
      CBU_RATES_URL: 'http://127.0.0.1:9/',
      ...env,
    });
    const app = await createApp(config);
    await app.init();
    const db = app.get(DataSource);
    const dropDb = database.drop;
    return {
      app,
      http: request(app.getHttpServer()),
      telegram,
      db,
      config,
      close: async () => {
        await app.close();
        await telegram.stop();
        await dropDb();
      },
    };
  } catch (error) {
    await telegram.stop();
    await database?.drop();
    throw error;
  }
}
