import { Injectable } from '@nestjs/common';
import type { Context, MiddlewareFn } from 'telegraf';
import { AppConfig, Language } from '../../../config/app-config';
import type { User } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import type { SenderProfile } from '../replies';
import { languageFromCode } from '../texts/bot.texts';
import type { KnownAboutUser, SenderReads } from './sender-reads';

/**
 * Who sent the update, resolved once per update by SenderResolver: the chat, the profile Telegram gives, the
 * registered user (null before /start or the first message) and the language to answer in — the user's own, else
 * Telegram's language_code when the bot speaks it, else DEFAULT_LANGUAGE (docs/interface.md §4).
 */
export interface UpdateSender extends SenderProfile {
  user: User | null;
  language: Language;
  /** What the update's claim read about the user besides (null: nothing, e.g. before /start). */
  known: KnownAboutUser | null;
}

const STATE_KEY = 'sender';
const READS_KEY = 'senderReads';

interface SenderState {
  [STATE_KEY]?: UpdateSender;
  [READS_KEY]?: { chatId: number; reads: SenderReads };
}

/**
 * The chat id of the person an update is from, in a private chat (a button press: the presser's); undefined for
 * groups, channels and updates without a chat, whose senders SenderResolver does not resolve.
 */
export function privateSenderChatId(ctx: Context): number | undefined {
  if (ctx.chat?.type !== 'private') return undefined;
  return ctx.callbackQuery ? ctx.callbackQuery.from.id : ctx.chat.id;
}

/** The update guard's claim read the sender already (one round trip): SenderResolver uses it instead of reading. */
export function keepSenderReads(ctx: Context, chatId: number, reads: SenderReads): void {
  (ctx.state as SenderState)[READS_KEY] = { chatId, reads };
}

/** The update's sender, as SenderResolver put it on ctx.state; null when it did not run (no chat, or it failed). */
export function peekSender(ctx: Context): UpdateSender | null {
  return (ctx.state as SenderState)[STATE_KEY] ?? null;
}

/** The update's sender (handlers run after SenderResolver, so it is always there for them). */
export function updateSender(ctx: Context): UpdateSender {
  const sender = peekSender(ctx);
  if (!sender)
    throw new Error('The update sender was not resolved: SenderResolver runs before every handler');
  return sender;
}

/**
 * A middleware after the update guard: finds the sender's user (one query) and the reply language, and keeps them on
 * ctx.state for the handlers, the exception filter and the guard's apology. A button press is the presser's (its
 * `from`); anything else the chat's (private chats only reach here).
 */
@Injectable()
export class SenderResolver {
  constructor(
    private readonly users: UsersService,
    private readonly config: AppConfig,
  ) {}

  middleware(): MiddlewareFn<Context> {
    return async (ctx, next) => {
      const chatId = ctx.callbackQuery ? ctx.callbackQuery.from.id : ctx.chat?.id;
      if (chatId !== undefined) (ctx.state as SenderState)[STATE_KEY] = await this.resolve(ctx, chatId);
      return next();
    };
  }

  /** The language for someone without a user (or before it could be read): Telegram's, else the default. */
  fallbackLanguage(languageCode: string | undefined): Language {
    return languageFromCode(languageCode) ?? this.config.defaults.language;
  }

  private async resolve(ctx: Context, chatId: number): Promise<UpdateSender> {
    const from = ctx.from;
    const kept = (ctx.state as SenderState)[READS_KEY];
    const reads = kept?.chatId === chatId ? kept.reads : undefined;
    const user = reads ? reads.user : await this.users.findByChatId(BigInt(chatId));
    return {
      chatId,
      languageCode: from?.language_code,
      firstName: from?.first_name,
      lastName: from?.last_name,
      username: from?.username,
      user,
      language: user?.language ?? this.fallbackLanguage(from?.language_code),
      known: reads?.known ?? null,
    };
  }
}
