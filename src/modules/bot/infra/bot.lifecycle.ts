import {
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Context, Telegraf } from 'telegraf';
import { AppConfig } from '../../../config/app-config';
import { telegramMiniAppUrl } from '../../webapp/webapp.url';
import { installBotApiRetry } from './bot-api.retry';
import { ALLOWED_UPDATES, WEBHOOK_PATHS } from './bot.options';
import { menuCommands } from '../texts/bot.menu';
import { MENU_BUTTON_TEXT } from '../texts/mini-app.texts';
import { LANGUAGES } from '../../../common/text/languages';
import { ProcessedUpdatesRepository } from './processed-updates.repository';

const STARTUP_CALL_TIMEOUT_MS = 10_000;
const PURGE_EVERY_MS = 6 * 60 * 60 * 1000;
const KEEP_PROCESSED_DAYS = 7;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Error text for logs: never the token (telegraf's errors can carry the request URL). */
function describe(error: unknown): string {
  const e = error as { description?: string; message?: string };
  return (e?.description ?? e?.message ?? String(error)).replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>');
}

/**
 * Start and stop of the bot: bot info (getMe), webhook registration and the command menu in webhook mode,
 * long polling in polling mode, the periodic purge of the duplicate guard. Telegram failures here are logged,
 * never fatal: the REST API must come up regardless.
 */
@Injectable()
export class BotLifecycle implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BotLifecycle.name);
  private botInfoCall: Promise<void> | undefined;
  private polling = false;
  private purgeTimer: NodeJS.Timeout | undefined;

  constructor(
    @InjectBot() private readonly bot: Telegraf<Context>,
    private readonly config: AppConfig,
    private readonly processed: ProcessedUpdatesRepository,
  ) {}

  onModuleInit(): void {
    // telegraf never retries a Bot API call: replies survive Telegram's 429 (retry_after) and 5xx answers.
    installBotApiRetry(this.bot.telegram);
    // nestjs-telegraf stops the bot on shutdown; telegraf throws "Bot is not running!" when it never polled
    // (webhook mode). Only stop what was started.
    const stop = this.bot.stop.bind(this.bot);
    this.bot.stop = (reason?: string) => {
      if (!this.polling) return;
      this.polling = false;
      stop(reason);
    };
    // Last resort for errors outside the update guard (e.g. telegraf's handler timeout).
    this.bot.catch((error, ctx) => {
      this.logger.error(`Update failed: update_id=${ctx.update.update_id}: ${describe(error)}`);
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.ensureBotInfo();
    if (this.config.bot.mode === 'webhook') {
      if (this.config.bot.webhookUrl) {
        await this.registerWebhook(this.config.bot.webhookUrl);
        await this.registerCommands();
      } else {
        this.logger.log(
          'TELEGRAM_WEBHOOK_URL is not set: the webhook is served, register it with `npm run webhook:set`',
        );
      }
    } else if (this.config.bot.mode === 'polling') {
      await this.registerCommands();
      this.startPolling();
    }
    await this.registerMenuButton();
    void this.purge();
    this.purgeTimer = setInterval(() => void this.purge(), PURGE_EVERY_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
  }

  /**
   * Makes sure `bot.botInfo` is set (telegraf would otherwise call getMe inside handleUpdate, and cache a failed
   * call forever). One call at a time; a failure is logged and retried by the next update. True when known.
   */
  async ensureBotInfo(): Promise<boolean> {
    if (this.bot.botInfo) return true;
    this.botInfoCall ??= withTimeout(this.bot.telegram.getMe(), STARTUP_CALL_TIMEOUT_MS, 'getMe')
      .then((me) => {
        this.bot.botInfo = me;
        this.logger.log(`Bot @${me.username} ready (mode: ${this.config.bot.mode})`);
      })
      .finally(() => {
        this.botInfoCall = undefined;
      });
    try {
      await this.botInfoCall;
      return true;
    } catch (error) {
      this.logger.error(`getMe failed: ${describe(error)}`);
      return false;
    }
  }

  private async registerWebhook(url: string): Promise<void> {
    const path = new URL(url).pathname;
    if (!(WEBHOOK_PATHS as readonly string[]).includes(path)) {
      this.logger.warn(
        `TELEGRAM_WEBHOOK_URL path is ${path}; this server serves the webhook at ${WEBHOOK_PATHS[0]}`,
      );
    }
    try {
      await withTimeout(
        this.bot.telegram.setWebhook(url, {
          secret_token: this.config.bot.webhookSecret,
          allowed_updates: ALLOWED_UPDATES,
        }),
        STARTUP_CALL_TIMEOUT_MS,
        'setWebhook',
      );
      this.logger.log(`Webhook set: ${url}`);
    } catch (error) {
      this.logger.error(`setWebhook failed: ${describe(error)}`);
    }
  }

  /** The command menu: the default one (Russian, like the texts) and one per language. */
  private async registerCommands(): Promise<void> {
    const calls = [
      this.bot.telegram.setMyCommands(menuCommands('ru')),
      ...LANGUAGES.map((lang) =>
        this.bot.telegram.setMyCommands(menuCommands(lang), { language_code: lang }),
      ),
    ];
    try {
      await withTimeout(Promise.all(calls), STARTUP_CALL_TIMEOUT_MS, 'setMyCommands');
    } catch (error) {
      this.logger.error(`setMyCommands failed: ${describe(error)}`);
    }
  }

  /** The chat menu button opens the Mini App, when PUBLIC_URL is https (Telegram refuses other web_app URLs). */
  private async registerMenuButton(): Promise<void> {
    const url = telegramMiniAppUrl(this.config.publicUrl);
    if (!url) {
      if (this.config.publicUrl)
        this.logger.warn(
          'PUBLIC_URL is not https: Telegram opens Mini Apps only over https, the menu button is left as it is',
        );
      return;
    }
    try {
      await withTimeout(
        this.bot.telegram.setChatMenuButton({
          menuButton: { type: 'web_app', text: MENU_BUTTON_TEXT, web_app: { url } },
        }),
        STARTUP_CALL_TIMEOUT_MS,
        'setChatMenuButton',
      );
      this.logger.log(`Menu button opens the Mini App: ${url}`);
    } catch (error) {
      this.logger.error(`setChatMenuButton failed: ${describe(error)}`);
    }
  }

  /** Long polling (BOT_MODE=polling, local development): telegraf deletes any webhook first, then polls. */
  private startPolling(): void {
    this.polling = true;
    this.bot
      .launch({ allowedUpdates: ALLOWED_UPDATES })
      .then(() => this.logger.log('Polling stopped'))
      .catch((error: unknown) => {
        this.polling = false;
        this.logger.error(`Polling failed: ${describe(error)}`);
      });
    this.logger.log('Polling for updates (BOT_MODE=polling)');
  }

  private async purge(): Promise<void> {
    try {
      const n = await this.processed.purgeOlderThan(KEEP_PROCESSED_DAYS);
      if (n) this.logger.log(`Forgot ${n} processed update ids older than ${KEEP_PROCESSED_DAYS} days`);
    } catch (error) {
      this.logger.warn(`Purge of processed updates failed: ${describe(error)}`);
    }
  }
}
