// What the benchmark's hand-written servers share (bench/minimal-bot.js, the anchor, bench/lean-bot.js and, for `run`,
// bench/lean-rest.js): a telegraf bot calling the Bot API at TELEGRAM_API_ROOT as the app does, its webhook callback
// served on plain node:http, and the process's start and stop.
// Env: PORT, TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, TELEGRAM_WEBHOOK_SECRET.
'use strict';
const { Agent, createServer } = require('node:http');
const { Telegraf } = require('telegraf');

const env = process.env;

/** A bot whose replies are real calls to the Bot API (webhookReply off, as the app's: docs/benchmarks.md). */
function benchBot(name) {
  const bot = new Telegraf(env.TELEGRAM_BOT_TOKEN, {
    telegram: { apiRoot: env.TELEGRAM_API_ROOT, webhookReply: false },
  });
  // telegraf drops any agent for a plain-http:// API root (one TCP connection per call); the app restores keep-alive
  // the same way, so all of them reuse connections to the fake Bot API.
  bot.telegram.options.agent = new Agent({ keepAlive: true, maxSockets: 64 });
  bot.botInfo = {
    id: 7000000001,
    is_bot: true,
    first_name: name,
    username: `${name.toLowerCase()}_bench_bot`,
  };
  return bot;
}

/** The bot's webhook callback at /telegram/webhook/ and a constant /health answer on PORT. */
function serveWebhook(bot) {
  const webhook = bot.webhookCallback('/telegram/webhook/', { secretToken: env.TELEGRAM_WEBHOOK_SECRET });
  createServer((req, res) => {
    if (req.url.startsWith('/health'))
      return res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    webhook(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  }).listen(Number(env.PORT), '127.0.0.1');
}

/** Runs `main`; a failure ends the process with its stack, SIGTERM with a normal exit (so --cpu-prof writes). */
function run(main) {
  process.on('SIGTERM', () => process.exit(0));
  main().catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    process.exit(1);
  });
}

module.exports = { benchBot, serveWebhook, run };
