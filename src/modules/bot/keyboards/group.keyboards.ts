/** The inline buttons of the bot in a group chat (docs/households.md, "Group chats"); pure. */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../config/app-config';
import { groupTexts } from '../texts/group.texts';
import { GROUP_LINK_CALLBACK } from './callback-data';

/** "🏠 Link to my family": only a household's owner can use it (GroupsBot.onLinkPress). */
export function groupLinkKeyboard(lang: Language): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: groupTexts(lang).linkButton, callback_data: GROUP_LINK_CALLBACK }]] };
}
