/** Who sent an update: the user and the reply language, read once before the handlers (update-sender.ts). */
import { Context, Telegram } from 'telegraf';
import type { Update, UserFromGetMe } from 'telegraf/types';
import { callbackUpdate, editedMessageUpdate, textUpdate } from '../../../../test/helpers/updates';
import type { AppConfig, Language } from '../../../config/app-config';
import type { User } from '../../users/user.entity';
import type { UsersService } from '../../users/users.service';
import { peekSender, SenderResolver, updateSender } from './update-sender';

const REGISTERED_CHAT = 4200;
const registered = { id: 'u-1', telegramChatId: BigInt(REGISTERED_CHAT), language: 'en' } as User;

const BOT: UserFromGetMe = {
  id: 1,
  is_bot: true,
  first_name: 'OvozPay',
  username: 'OvozPayBot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
};

function contextOf(update: Record<string, unknown>): Context {
  return new Context(update as unknown as Update, new Telegram('test-token'), BOT);
}

async function resolve(update: Record<string, unknown>, defaultLanguage: Language = 'uz') {
  const looked: bigint[] = [];
  const users = {
    findByChatId: (chatId: bigint) => {
      looked.push(chatId);
      return Promise.resolve(chatId === registered.telegramChatId ? registered : null);
    },
  } as unknown as UsersService;
  const config = { defaults: { language: defaultLanguage } } as AppConfig;
  const ctx = contextOf(update);
  let handled = false;
  await new SenderResolver(users, config).middleware()(ctx, () => {
    handled = true;
    return Promise.resolve();
  });
  return { ctx, looked, handled };
}

describe('SenderResolver', () => {
  it.each<[string, Record<string, unknown>, number, User | null, Language]>([
    [
      'a registered user: their own language',
      textUpdate(1, REGISTERED_CHAT, 'hi', 'ru'),
      REGISTERED_CHAT,
      registered,
      'en',
    ],
    [
      'an unknown chat: Telegram’s language when the bot speaks it',
      textUpdate(2, 77, 'salom', 'uz'),
      77,
      null,
      'uz',
    ],
    [
      'an unknown chat in another language: DEFAULT_LANGUAGE',
      textUpdate(3, 78, 'hallo', 'de'),
      78,
      null,
      'uz',
    ],
    [
      'a button press: the presser (its `from`), not the chat',
      callbackUpdate(4, 9999, 'u:1', { fromId: REGISTERED_CHAT }),
      REGISTERED_CHAT,
      registered,
      'en',
    ],
    [
      'an edited message: its chat',
      editedMessageUpdate(5, 79, 12, { text: 'x' }, { languageCode: 'en' }),
      79,
      null,
      'en',
    ],
  ])('%s', async (_name, update, chatId, user, language) => {
    const { ctx, looked, handled } = await resolve(update);
    expect(handled).toBe(true);
    expect(looked).toEqual([BigInt(chatId)]);
    expect(updateSender(ctx)).toEqual(expect.objectContaining({ chatId, user, language, firstName: 'Test' }));
  });

  it('the default language is the configured one, not a fixed Russian', async () => {
    const { ctx } = await resolve(textUpdate(6, 80, 'hallo', 'de'), 'en');
    expect(updateSender(ctx).language).toBe('en');
  });

  it('an update without a chat is passed on unresolved; the accessor then refuses', async () => {
    const { ctx, looked, handled } = await resolve({ update_id: 7, poll: { id: 'p', question: 'q' } });
    expect(handled).toBe(true);
    expect(looked).toEqual([]);
    expect(peekSender(ctx)).toBeNull();
    expect(() => updateSender(ctx)).toThrow(/not resolved/);
  });
});
