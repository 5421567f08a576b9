import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';

/** The Telegram bot. Off (no module at all) when no token is configured or BOT_MODE=none. */
@Module({})
export class BotModule {
  static forRoot(config: AppConfig): DynamicModule[] {
    if (!config.bot.token || config.bot.mode === 'none') return [];
    return [{ module: BotModule }];
  }
}
