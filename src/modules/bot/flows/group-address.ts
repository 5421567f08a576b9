/**
 * Whether a group message is addressed to the bot (docs/households.md, "Group chats"); pure. With Telegram's privacy
 * mode on the bot receives only commands, replies to its messages and mentions of it; with it off, every message.
 * Both are read the same way: a message addressed to the bot is answered, any other is only recorded when it is a
 * record, silently ignored otherwise.
 */
import type { MessageEntity } from 'telegraf/types';

/** The bot as Telegram knows it (getMe). */
export interface BotIdentity {
  id: number;
  username: string;
}

/** A group text message as plain values. */
export interface GroupText {
  text: string;
  entities?: readonly MessageEntity[];
  /** Who wrote the message this one replies to, if it is a reply. */
  replyToUserId?: number;
}

/** What the message is: a command for this bot, or a text (addressed to the bot or not), mentions of the bot removed. */
export type GroupReading =
  | { kind: 'command'; command: string; explicit: boolean }
  | { kind: 'text'; text: string; addressed: boolean };

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{3,64}))?(?=\s|$)/;

/** Null: a command for another bot ("/start@OtherBot"), which is not ours to answer. */
export function readGroupText(message: GroupText, bot: BotIdentity): GroupReading | null {
  const { text } = message;
  const command = COMMAND.exec(text);
  if (command) {
    const to = command[2];
    if (to !== undefined && to.toLowerCase() !== bot.username.toLowerCase()) return null;
    return { kind: 'command', command: command[1].toLowerCase(), explicit: to !== undefined };
  }
  const mentions = botMentions(message, bot);
  let rest = text;
  for (const m of [...mentions].sort((a, b) => b.offset - a.offset))
    rest = rest.slice(0, m.offset) + rest.slice(m.offset + m.length);
  return {
    kind: 'text',
    text: rest.replace(/\s+/g, ' ').trim(),
    addressed: mentions.length > 0 || message.replyToUserId === bot.id,
  };
}

/** Where the text mentions the bot: @username entities (or, without entities, the @username itself) and text_mentions. */
function botMentions(message: GroupText, bot: BotIdentity): Array<{ offset: number; length: number }> {
  const handle = `@${bot.username}`.toLowerCase();
  if (message.entities?.length) {
    return message.entities.filter(
      (e) =>
        (e.type === 'mention' &&
          message.text.slice(e.offset, e.offset + e.length).toLowerCase() === handle) ||
        // a malformed update may lack the user
        (e.type === 'text_mention' && (e as { user?: { id?: number } }).user?.id === bot.id),
    );
  }
  // Hand-written updates carry no entities: the @username itself, as a whole word.
  const found: Array<{ offset: number; length: number }> = [];
  const re = new RegExp(`@${bot.username}(?![A-Za-z0-9_])`, 'gi');
  for (let m = re.exec(message.text); m; m = re.exec(message.text))
    found.push({ offset: m.index, length: m[0].length });
  return found;
}
