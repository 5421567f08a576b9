/**
 * Every command the bot answers is listed in /help and in the command menu (setMyCommands), in every language, and
 * nothing is listed that the bot does not answer. The handled commands are read from BotUpdate's listener decorators
 * (its one @Command(Object.keys(COMMAND_HANDLERS)); @Start and @Help too, should any come back), so a new
 * command without a /help line or a menu entry fails here.
 */
import { menuCommands } from './bot.menu';
import { helpText } from './bot.texts';
import { BotUpdate } from '../bot.update';
import { LANGUAGES } from '../../../common/text/languages';
import { listenersOf } from '../../../../test/helpers/bot-listeners';

/** The commands BotUpdate's handlers answer: the names of its @Command listener (and @Start, @Help, if any). */
function handledCommands(): string[] {
  return listenersOf(BotUpdate)
    .flatMap((l) =>
      l.method === 'start' || l.method === 'help'
        ? [l.method]
        : l.method === 'command'
          ? (l.args.flat() as string[])
          : [],
    )
    .sort();
}

/** The commands /help lists: lines starting with "/command". */
const helpCommands = (text: string) => [...text.matchAll(/^\/([a-z0-9_]+)\b/gm)].map((m) => m[1]).sort();

describe('/help and the command menu list every command the bot has', () => {
  const handled = handledCommands();

  it('finds the handlers (the decorators were read)', () => {
    expect(handled).toEqual(expect.arrayContaining(['start', 'help', 'balance', 'phone', 'stats', 'goal']));
  });

  it.each(LANGUAGES.map((l) => [l]))('%s: /help has one line per handled command', (lang) => {
    expect(helpCommands(helpText(lang))).toEqual(handled);
  });

  it.each(LANGUAGES.map((l) => [l]))('%s: the menu has each handled command once', (lang) => {
    expect(
      menuCommands(lang)
        .map((c) => c.command)
        .sort(),
    ).toEqual(handled);
  });

  it("the help texts keep the original bot's lines (Russian) and list the commands in the same order in every language", () => {
    const order = (lang: (typeof LANGUAGES)[number]) =>
      [...helpText(lang).matchAll(/^\/([a-z0-9_]+)\b/gm)].map((m) => m[1]);
    expect(order('uz')).toEqual(order('ru'));
    expect(order('en')).toEqual(order('ru'));
    for (const line of [
      '/start - Начать работу с ботом',
      '/balance - Показать текущий баланс',
      '/help - Показать эту справку',
      '/phone +номер - Обновить номер телефона',
    ]) {
      expect(helpText('ru')).toContain(line);
    }
  });
});
