import type { TelegrafModuleOptions } from 'nestjs-telegraf';
import type { UpdateType } from 'telegraf/typings/telegram-types';
import type { AppConfig } from '../../../config/app-config';
import { commandEntityMiddleware } from './command-entity.middleware';
import type { UpdateGuard } from './update-guard';
import type { SenderResolver } from './update-sender';

/** The webhook is served at both spellings (docs/interface.md §3); Telegram is told the one in TELEGRAM_WEBHOOK_URL. */
export const WEBHOOK_PATHS = ['/telegram/webhook/', '/telegram/webhook'] as const;
export const WEBHOOK_SECRET_HEADER = 'x-telegram-bot-api-secret-token';
export const WEBHOOK_MAX_BODY_BYTES = 1024 * 1024;

/**
 * What setWebhook and polling ask Telegram for (edited_message: edits of a message are followed, see
 * docs/message-edits.md). Anything else that still arrives is answered 200 and ignored.
 */
export const ALLOWED_UPDATES: UpdateType[] = [
  'message',
  'edited_message',
  'callback_query',
  'my_chat_member',
];

/** A handler running longer than this is abandoned by telegraf (the webhook answers anyway; see UPDATE_LEASE_SECONDS). */
export const HANDLER_TIMEOUT_MS = 90_000;

/**
 * nestjs-telegraf options. `launchOptions: false` always: in webhook mode the app's own HTTP server carries the
 * webhook (telegraf would otherwise open a second server or poll), and in polling mode BotLifecycle launches the
 * bot after the app is up, with the errors caught (telegraf's launch from the factory is not awaited, so a failed
 * getMe there would be an unhandled rejection).
 */
export function telegrafOptions(
  config: AppConfig,
  guard: UpdateGuard,
  senders: SenderResolver,
): TelegrafModuleOptions {
  return {
    token: config.bot.token as string,
    options: {
      handlerTimeout: HANDLER_TIMEOUT_MS,
      telegram: { apiRoot: config.bot.apiRoot, webhookReply: false },
    },
    launchOptions: false,
    // The guard runs first for every update: duplicate check, private chats only, error boundary. The sender's user
    // and language are then read once, for every handler.
    middlewares: [guard.middleware(), commandEntityMiddleware, senders.middleware()],
  };
}
