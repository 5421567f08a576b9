/**
 * The anchor's work (bench/minimal-bot.js: one INSERT … ON CONFLICT (update_id) and one reply per text update) on the
 * stack the design card prescribes for OvozPay: NestJS on Express, nestjs-telegraf's TelegrafModule with an @Update
 * handler, telegraf's webhook callback mounted as Express middleware. Nothing else: no guard, session, parser or
 * helmet. It measures what that stack costs by itself per update (bench/stack-floor.ts), the floor under OvozPay.
 * NEST_ADAPTER=fastify runs the same module on Nest's Fastify adapter (@nestjs/platform-fastify), the webhook callback
 * mounted as middleware there too (Fastify's middie): what the "Fastify adapter" step could save at most.
 * Runs under ts-node (decorators). Env: PORT, DATABASE_URL, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT,
 * TELEGRAM_WEBHOOK_SECRET, NEST_ADAPTER (express by default).
 */
import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Agent, type IncomingMessage, type ServerResponse } from 'node:http';
import { Ctx, getBotToken, On, TelegrafModule, Update } from 'nestjs-telegraf';
import { Pool } from 'pg';
import type { Context, Telegraf } from 'telegraf';
import type { Message } from 'telegraf/types';

const env = process.env;
const WEBHOOK_PATH = '/telegram/webhook/';
const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });

@Update()
class MinimalUpdate {
  @On('text')
  async text(@Ctx() ctx: Context): Promise<void> {
    const m = ctx.message as Message.TextMessage;
    const r = await pool.query(
      'INSERT INTO minimal_updates (update_id, chat_id, text) VALUES ($1, $2, $3) ON CONFLICT (update_id) DO NOTHING',
      [ctx.update.update_id, m.chat.id, m.text],
    );
    if (r.rowCount === 1) await ctx.reply(`✅ ${m.text}`);
  }
}

@Controller()
class HealthController {
  @Get('health')
  health(): { status: string } {
    return { status: 'ok' };
  }
}

@Module({
  imports: [
    TelegrafModule.forRoot({
      token: env.TELEGRAM_BOT_TOKEN!,
      launchOptions: false,
      // webhookReply off and keep-alive to the Bot API, as the anchor and the app (bench/minimal-bot.js)
      options: { telegram: { apiRoot: env.TELEGRAM_API_ROOT, webhookReply: false } },
    }),
  ],
  controllers: [HealthController],
  providers: [MinimalUpdate],
})
class MinimalModule {}

async function main(): Promise<void> {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS minimal_updates (
       update_id bigint PRIMARY KEY, chat_id bigint NOT NULL, text text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
  );
  const app =
    env.NEST_ADAPTER === 'fastify'
      ? await NestFactory.create<NestFastifyApplication>(
          MinimalModule,
          new FastifyAdapter({ ignoreTrailingSlash: true }),
          {
            logger: false,
          },
        )
      : await NestFactory.create<NestExpressApplication>(MinimalModule, { logger: false });
  const bot = app.get<Telegraf<Context>>(getBotToken());
  bot.telegram.options.agent = new Agent({ keepAlive: true, maxSockets: 64 });
  bot.botInfo = {
    id: 7000000002,
    is_bot: true,
    first_name: 'MinimalNest',
    username: 'minimal_nest_bench_bot',
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
  };
  // Only the webhook's path goes through telegraf's callback (its filter makes a debug logger per request), so the
  // GET /health/ row of bench/stack-floor.ts measures the HTTP layer alone.
  const webhook = bot.webhookCallback(WEBHOOK_PATH, { secretToken: env.TELEGRAM_WEBHOOK_SECRET });
  app.use((req: IncomingMessage, res: ServerResponse, next: () => void) =>
    req.url === WEBHOOK_PATH ? void webhook(req, res, next) : next(),
  );
  await app.listen(Number(env.PORT), '127.0.0.1');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
