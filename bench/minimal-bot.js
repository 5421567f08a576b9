// The benchmark's anchor (issue 16): the bot a developer would write by hand. telegraf's webhook callback on plain
// node:http and pg; per text update one INSERT … ON CONFLICT (update_id) DO NOTHING and one reply (a sendMessage to
// TELEGRAM_API_ROOT). Same database, secret, Bot API and pool size (10) as the app, so only the work differs.
// Env: PORT, DATABASE_URL, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_SECRET.
'use strict';
const { Agent, createServer } = require('node:http');
const { Pool } = require('pg');
const { Telegraf } = require('telegraf');

const env = process.env;
const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
const bot = new Telegraf(env.TELEGRAM_BOT_TOKEN, {
  // webhookReply off: the reply is a real call to the Bot API, as the app's (docs/benchmarks.md).
  telegram: { apiRoot: env.TELEGRAM_API_ROOT, webhookReply: false },
});
// telegraf drops any agent for a plain-http:// API root (one TCP connection per call); the app restores keep-alive
// the same way, so both reuse connections to the fake Bot API.
bot.telegram.options.agent = new Agent({ keepAlive: true, maxSockets: 64 });
bot.botInfo = { id: 7000000001, is_bot: true, first_name: 'Minimal', username: 'minimal_bench_bot' };

bot.on('text', async (ctx) => {
  const m = ctx.message;
  const r = await pool.query(
    'INSERT INTO minimal_updates (update_id, chat_id, text) VALUES ($1, $2, $3) ON CONFLICT (update_id) DO NOTHING',
    [ctx.update.update_id, m.chat.id, m.text],
  );
  if (r.rowCount === 1) await ctx.reply(`✅ ${m.text}`);
});

const webhook = bot.webhookCallback('/telegram/webhook/', { secretToken: env.TELEGRAM_WEBHOOK_SECRET });

async function main() {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS minimal_updates (
       update_id bigint PRIMARY KEY, chat_id bigint NOT NULL, text text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
  );
  createServer((req, res) => {
    if (req.url.startsWith('/health'))
      return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    webhook(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }).listen(Number(env.PORT), '127.0.0.1');
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exit(1);
});
