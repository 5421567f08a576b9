// The benchmark's anchor (issue 16): the bot a developer would write by hand. telegraf's webhook callback on plain
// node:http and pg; per text update one INSERT … ON CONFLICT (update_id) DO NOTHING and one reply (a sendMessage to
// TELEGRAM_API_ROOT). Same database, secret, Bot API and pool size (10) as the app, so only the work differs.
// Env: PORT, DATABASE_URL, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_SECRET.
'use strict';
const { Pool } = require('pg');
const { benchBot, run, serveWebhook } = require('./webhook-bot');

const env = process.env;
const pool = new Pool({ connectionString: env.DATABASE_URL, max: 10 });
const bot = benchBot('Minimal');

bot.on('text', async (ctx) => {
  const m = ctx.message;
  const r = await pool.query(
    'INSERT INTO minimal_updates (update_id, chat_id, text) VALUES ($1, $2, $3) ON CONFLICT (update_id) DO NOTHING',
    [ctx.update.update_id, m.chat.id, m.text],
  );
  if (r.rowCount === 1) await ctx.reply(`✅ ${m.text}`);
});

run(async () => {
  await pool.query(
    `CREATE TABLE IF NOT EXISTS minimal_updates (
       update_id bigint PRIMARY KEY, chat_id bigint NOT NULL, text text NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`,
  );
  serveWebhook(bot);
});
