import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { TelegrafArgumentsHost } from 'nestjs-telegraf';
import type { Context } from 'telegraf';
import { DomainError } from '../../common/errors/domain-error';
import { apologyText } from './texts/bot.texts';
import { peekSender, SenderResolver } from './infra/update-sender';

/**
 * The bot's one exception filter: a domain error that escapes a handler (the handlers answer the expected ones
 * themselves) becomes a short apology in the user's language, logged as a warning. Everything else is left to
 * the update guard (UpdateGuard): ERROR log with the update_id + apology, or a 503 when the database is down.
 */
@Catch(DomainError)
export class BotExceptionFilter implements ExceptionFilter<DomainError> {
  private readonly logger = new Logger(BotExceptionFilter.name);

  constructor(private readonly senders: SenderResolver) {}

  async catch(error: DomainError, host: ArgumentsHost): Promise<void> {
    if (host.getType<string>() !== 'telegraf') throw error;
    const ctx = TelegrafArgumentsHost.create(host).getContext<Context>();
    this.logger.warn(`Update refused: update_id=${ctx.update.update_id}: ${error.code}: ${error.message}`);
    if (!ctx.chat) return;
    const language = peekSender(ctx)?.language ?? this.senders.fallbackLanguage(ctx.from?.language_code);
    await ctx.reply(apologyText(language));
  }
}
