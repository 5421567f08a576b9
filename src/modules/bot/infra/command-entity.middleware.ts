import type { Context, MiddlewareFn } from 'telegraf';
import type { MessageEntity } from 'telegraf/types';

const COMMAND = /^\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,64})?(?=\s|$)/;

/**
 * The bot_command entity a message starting with a command should carry, when it lacks one; else undefined.
 * Telegram always sends it, but hand-written updates (such as the example in docs/interface.md §4) do not, and telegraf recognises
 * commands only by that entity.
 */
export function missingCommandEntity(
  text: string,
  entities: readonly MessageEntity[] | undefined,
): MessageEntity | undefined {
  if (entities?.some((e) => e.type === 'bot_command' && e.offset === 0)) return undefined;
  const match = COMMAND.exec(text);
  return match ? { type: 'bot_command', offset: 0, length: match[0].length } : undefined;
}

/** Adds the missing bot_command entity (see missingCommandEntity) before the handlers see the message. */
export const commandEntityMiddleware: MiddlewareFn<Context> = (ctx, next) => {
  const message = ctx.message;
  if (message && 'text' in message) {
    const entity = missingCommandEntity(message.text, message.entities);
    if (entity) message.entities = [entity, ...(message.entities ?? [])];
  }
  return next();
};
