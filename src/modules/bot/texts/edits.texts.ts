/**
 * What the bot says about edited messages and about messages it cannot read (photos without a caption, stickers,
 * files, locations, polls …). One typed catalogue per language (ru, uz Latin, en): a missing key fails the build.
 * Pure; the recorded lists reuse the item lines of bot.texts.ts.
 */
import type { Language } from '../../../config/app-config';
import { askAmountText, ItemView, itemLines } from './bot.texts';

/** The kinds of message the bot answers with what it understands instead. */
export type MediaKind =
  'photo' | 'document' | 'video' | 'animation' | 'sticker' | 'location' | 'poll' | 'dice' | 'other';

interface EditTexts {
  /** An edited message that now reads as no record: its records were removed (the list follows). */
  noLongerRecord: string;
  /** An edited message whose records had been undone: the edit records nothing. */
  undoneBefore: string;
  /** An edited goal, debt or undo message: what it did stays as it is. */
  actionDone: string;
  /** An edited command: not run again. */
  commandEdited: string;
  /** The first line of the answer to a message the bot cannot read, per kind. */
  media: Record<MediaKind, string>;
  /** What the bot does understand, after that line. */
  understands: string;
}

const EDITS: Record<Language, EditTexts> = {
  ru: {
    noLongerRecord: '✏️ Сообщение исправлено — теперь это не запись. Удалил:',
    undoneBefore:
      '↩️ Записи из этого сообщения уже отменены, поэтому исправление ничего не записало.\nЧтобы записать заново, отправьте новое сообщение.',
    actionDone:
      '✏️ Исправление не меняет того, что это сообщение уже сделало (цель, долг или отмена). Цели и долги — в /goals и /debts, а новую запись отправьте новым сообщением.',
    commandEdited: '✏️ Команды из исправленных сообщений я не выполняю — отправьте команду ещё раз.',
    media: {
      photo: '📷 Фото я не разбираю.',
      document: '📄 Файлы я не читаю.',
      video: '🎬 Видео я не смотрю.',
      animation: '🎞 GIF я не разбираю.',
      sticker: '🙂 Стикер милый, но записать его я не могу.',
      location: '📍 Геопозицию я не записываю.',
      poll: '📊 Опросы я не понимаю.',
      dice: '🎲 В игры я не играю.',
      other: '🤔 Такое сообщение я не понимаю.',
    },
    understands:
      'Я понимаю текст и голосовые: напишите или скажите, например, «такси 20000» или «получил зарплату 5 млн». Подпись к фото я тоже прочитаю. Все команды: /help',
  },
  uz: {
    noLongerRecord: '✏️ Xabar tuzatildi — endi bu yozuv emas. Oʻchirildi:',
    undoneBefore:
      '↩️ Bu xabardagi yozuvlar allaqachon bekor qilingan, shuning uchun tuzatish hech narsa yozmadi.\nQayta yozish uchun yangi xabar yuboring.',
    actionDone:
      '✏️ Tuzatish bu xabar allaqachon qilgan ishni oʻzgartirmaydi (maqsad, qarz yoki bekor qilish). Maqsad va qarzlar — /goals va /debts da, yangi yozuvni esa yangi xabar bilan yuboring.',
    commandEdited: '✏️ Tuzatilgan xabarlardagi buyruqlarni bajarmayman — buyruqni qayta yuboring.',
    media: {
      photo: '📷 Rasmlarni tushunmayman.',
      document: '📄 Fayllarni oʻqimayman.',
      video: '🎬 Videolarni koʻrmayman.',
      animation: '🎞 GIFlarni tushunmayman.',
      sticker: '🙂 Stiker yoqimli, lekin uni yozib qoʻya olmayman.',
      location: '📍 Joylashuvni yozib qoʻymayman.',
      poll: '📊 Soʻrovnomalarni tushunmayman.',
      dice: '🎲 Oʻyin oʻynamayman.',
      other: '🤔 Bunday xabarni tushunmayman.',
    },
    understands:
      'Men matn va ovozli xabarlarni tushunaman: masalan, «taksi 20 ming» yoki «5 mln maosh oldim» deb yozing yoki ayting. Rasm izohini ham oʻqiyman. Barcha buyruqlar: /help',
  },
  en: {
    noLongerRecord: '✏️ Message edited: it is no longer a record. Removed:',
    undoneBefore:
      "↩️ This message's records were already cancelled, so the edit recorded nothing.\nTo record it again, send a new message.",
    actionDone:
      "✏️ Editing doesn't change what this message already did (a goal, a debt or an undo). Goals and debts are in /goals and /debts; send a new record as a new message.",
    commandEdited: "✏️ I don't run commands from edited messages — send the command again.",
    media: {
      photo: "📷 I can't read photos.",
      document: "📄 I don't read files.",
      video: "🎬 I can't watch videos.",
      animation: "🎞 I can't read GIFs.",
      sticker: "🙂 Nice sticker, but I can't record it.",
      location: "📍 I don't record locations.",
      poll: "📊 I don't understand polls.",
      dice: "🎲 I don't play games.",
      other: "🤔 I don't understand this kind of message.",
    },
    understands:
      'I understand text and voice messages: write or say, e.g., “taxi 20000” or “got paid 500 dollars”. I read photo captions too. All commands: /help',
  },
};

/** Every language's texts, for the catalogue test. */
export const EDIT_CATALOGUE: Readonly<Record<Language, EditTexts>> = EDITS;

/** The bot's reply after an edit turned a record into something else: what was removed (and the amount question, if any). */
export function noLongerRecordText(
  lang: Language,
  removed: readonly ItemView[],
  timeZone: string,
  pending?: ItemView,
): string {
  const blocks = [[EDITS[lang].noLongerRecord, ...itemLines(removed, timeZone)].join('\n')];
  if (pending) blocks.push(askAmountText(lang, pending, timeZone));
  return blocks.join('\n\n');
}

export const undoneBeforeText = (lang: Language): string => EDITS[lang].undoneBefore;
export const actionDoneText = (lang: Language): string => EDITS[lang].actionDone;
export const commandEditedText = (lang: Language): string => EDITS[lang].commandEdited;

/** The answer to a message the bot cannot read: what it is, then what the bot understands. */
export function mediaHintText(lang: Language, kind: MediaKind): string {
  return `${EDITS[lang].media[kind]}\n${EDITS[lang].understands}`;
}
