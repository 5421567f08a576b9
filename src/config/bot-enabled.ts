import type { AppConfig } from './app-config';

/** The bot runs (and sends reminders) only with a token and BOT_MODE other than none (docs/interface.md §2). */
export function isBotEnabled(config: AppConfig): boolean {
  return !!config.bot.token && config.bot.mode !== 'none';
}
