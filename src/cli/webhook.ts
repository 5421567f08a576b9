/**
 * npm run webhook:set | webhook:info | webhook:delete
 * Webhook management (docs/interface.md §1) through the Bot API (TELEGRAM_API_ROOT), with the app's own configuration.
 * Prints the Bot API's answer as JSON on stdout; never prints the token.
 *   set    — setWebhook(TELEGRAM_WEBHOOK_URL, secret_token=TELEGRAM_WEBHOOK_SECRET, allowed_updates) + setMyCommands
 *   info   — getWebhookInfo
 *   delete — deleteWebhook (add --drop-pending-updates to drop the queue)
 */
import 'reflect-metadata';
import 'dotenv/config';
import { Telegram } from 'telegraf';
import { AppConfig, loadConfig } from '../config/app-config';
import { ConfigValidationError } from '../config/env.validation';
import { ALLOWED_UPDATES } from '../modules/bot/infra/bot.options';
import { menuCommands } from '../modules/bot/texts/bot.menu';
import { LANGUAGES } from '../common/text/languages';

type Action = 'set' | 'info' | 'delete';
const ACTIONS: readonly Action[] = ['set', 'info', 'delete'];

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

/** Never let the token reach the terminal (telegraf's errors may carry the request URL). */
function redactToken(text: string, token: string): string {
  return text
    .split(token)
    .join('<token>')
    .replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>');
}

function config(): AppConfig {
  try {
    // The CLI signs nothing: SECRET_KEY is not needed here.
    return loadConfig({
      ...process.env,
      SECRET_KEY: process.env.SECRET_KEY || 'webhook-cli-does-not-sign-anything',
    });
  } catch (error) {
    if (error instanceof ConfigValidationError) fail(error.message);
    throw error;
  }
}

async function run(action: Action, cfg: AppConfig, dropPending: boolean): Promise<unknown> {
  const token = cfg.bot.token;
  if (!token) fail('Invalid configuration: TELEGRAM_BOT_TOKEN is required');
  const telegram = new Telegram(token, { apiRoot: cfg.bot.apiRoot });
  switch (action) {
    case 'info':
      return telegram.getWebhookInfo();
    case 'delete':
      return { ok: await telegram.deleteWebhook({ drop_pending_updates: dropPending }) };
    case 'set': {
      const url = cfg.bot.webhookUrl;
      if (!url) fail('Invalid configuration: TELEGRAM_WEBHOOK_URL is required for webhook:set');
      if (!cfg.bot.webhookSecret && !cfg.debug)
        fail('Invalid configuration: TELEGRAM_WEBHOOK_SECRET is required for webhook:set when DEBUG=False');
      const ok = await telegram.setWebhook(url, {
        secret_token: cfg.bot.webhookSecret,
        allowed_updates: ALLOWED_UPDATES,
        drop_pending_updates: dropPending,
      });
      await telegram.setMyCommands(menuCommands('ru'));
      for (const lang of LANGUAGES) await telegram.setMyCommands(menuCommands(lang), { language_code: lang });
      return {
        ok,
        url,
        allowed_updates: ALLOWED_UPDATES,
        secret_token: cfg.bot.webhookSecret ? 'set' : 'none',
        commands: 'set',
      };
    }
  }
}

async function main(): Promise<void> {
  const [action, ...flags] = process.argv.slice(2);
  if (!(ACTIONS as readonly string[]).includes(action))
    fail('usage: npm run webhook:set | webhook:info | webhook:delete');
  const cfg = config();
  try {
    const result = await run(action as Action, cfg, flags.includes('--drop-pending-updates'));
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } catch (error) {
    const e = error as { description?: string; message?: string };
    fail(
      `webhook:${action} failed: ${redactToken(e.description ?? e.message ?? String(error), cfg.bot.token ?? '')}`,
    );
  }
}

void main();
