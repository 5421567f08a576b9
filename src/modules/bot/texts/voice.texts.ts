/**
 * What the bot says about voice notes it processes (the info and too-long replies of docs/interface.md §4 stay in bot.texts.ts).
 * One typed catalogue per language: a missing key fails the build.
 */
import { clipText, TELEGRAM_TEXT_LIMIT } from '../../../common/text/message-limit';
import type { Language } from '../../../config/app-config';

export type VoiceFailure =
  'stt_unavailable' | 'stt_rejected' | 'unsupported_audio' | 'too_big' | 'download_failed';

interface VoiceTexts {
  /** The first line of a reply to a voice note: what was heard. */
  heard: (transcript: string) => string;
  noSpeech: string;
  /** Recognition takes long or failed once and is being retried: the one message the final answer replaces. */
  stillTrying: string;
  failure: Record<VoiceFailure, string>;
}

const TYPE_IT = {
  ru: 'Напишите, пожалуйста, текстом, например: «Потратил 50000 сум на продукты».',
  uz: 'Iltimos, matn bilan yozing, masalan: «Taksiga 20 ming berdim».',
  en: 'Please type it instead, for example: "Spent 50000 sum on groceries".',
} satisfies Record<Language, string>;

export const VOICE_TEXTS: Record<Language, VoiceTexts> = {
  ru: {
    heard: (t) => `🎙 «${t}»`,
    stillTrying: '🎙 Всё ещё пытаюсь распознать ваше голосовое сообщение…',
    noSpeech: `🤔 В голосовом сообщении не удалось разобрать слов — ничего не записано.\nСкажите чётче, например: «Потратил 50000 сум на продукты», или напишите текстом.`,
    failure: {
      stt_unavailable: `😔 Не удалось распознать голосовое сообщение: сервис распознавания речи сейчас недоступен. Ничего не записано.\n${TYPE_IT.ru}`,
      stt_rejected: `😔 Не удалось распознать голосовое сообщение. Ничего не записано.\n${TYPE_IT.ru}`,
      unsupported_audio: `😔 Этот формат аудио я распознать не могу — отправьте обычное голосовое сообщение. Ничего не записано.\n${TYPE_IT.ru}`,
      too_big: `📁 Файл больше 20 МБ — такой я скачать не могу. Ничего не записано.\n${TYPE_IT.ru}`,
      download_failed: `😔 Не удалось получить голосовое сообщение от Telegram. Ничего не записано.\n${TYPE_IT.ru}`,
    },
  },
  uz: {
    heard: (t) => `🎙 «${t}»`,
    stillTrying: '🎙 Ovozli xabaringizni tanishga hali urinyapman…',
    noSpeech: `🤔 Ovozli xabarda soʻzlarni ajrata olmadim — hech narsa yozilmadi.\nAniqroq ayting, masalan: «Taksiga 20 ming berdim», yoki matn bilan yozing.`,
    failure: {
      stt_unavailable: `😔 Ovozli xabarni tanib boʻlmadi: nutqni tanish xizmati hozir ishlamayapti. Hech narsa yozilmadi.\n${TYPE_IT.uz}`,
      stt_rejected: `😔 Ovozli xabarni tanib boʻlmadi. Hech narsa yozilmadi.\n${TYPE_IT.uz}`,
      unsupported_audio: `😔 Bu audio formatini taniy olmayman — oddiy ovozli xabar yuboring. Hech narsa yozilmadi.\n${TYPE_IT.uz}`,
      too_big: `📁 Fayl 20 MB dan katta — uni yuklab ololmayman. Hech narsa yozilmadi.\n${TYPE_IT.uz}`,
      download_failed: `😔 Ovozli xabarni Telegramdan olib boʻlmadi. Hech narsa yozilmadi.\n${TYPE_IT.uz}`,
    },
  },
  en: {
    heard: (t) => `🎙 «${t}»`,
    stillTrying: '🎙 Still trying to recognise your voice note…',
    noSpeech: `🤔 I couldn't make out any words in that voice message — nothing was recorded.\nTry again, e.g. "Spent 50000 sum on groceries", or type it.`,
    failure: {
      stt_unavailable: `😔 I couldn't recognise your voice message: speech recognition is unavailable right now. Nothing was recorded.\n${TYPE_IT.en}`,
      stt_rejected: `😔 I couldn't recognise your voice message. Nothing was recorded.\n${TYPE_IT.en}`,
      unsupported_audio: `😔 I can't recognise this audio format — please send a regular voice message. Nothing was recorded.\n${TYPE_IT.en}`,
      too_big: `📁 The file is larger than 20 MB, which I can't download. Nothing was recorded.\n${TYPE_IT.en}`,
      download_failed: `😔 I couldn't get the voice message from Telegram. Nothing was recorded.\n${TYPE_IT.en}`,
    },
  },
};

/**
 * Longest transcript quoted in a reply (Telegram's messages end at 4096 characters; the answer follows it, and the
 * formatters keep answers within REPLY_TEXT_LIMIT to leave room for this quote).
 */
export const QUOTE_MAX_CHARS = 500;

/** The reply to a recognised voice note: the transcript quoted (shortened when long), then the usual answer. */
export function voiceReplyText(lang: Language, transcript: string, answer: string): string {
  const quote = VOICE_TEXTS[lang].heard(clipText(transcript, QUOTE_MAX_CHARS));
  // The answers are built to leave room for the quote; should one not, it is the answer's end that goes.
  return `${quote}\n\n${clipText(answer, TELEGRAM_TEXT_LIMIT - quote.length - 2)}`;
}

export const noSpeechText = (lang: Language): string => VOICE_TEXTS[lang].noSpeech;
export const stillTryingText = (lang: Language): string => VOICE_TEXTS[lang].stillTrying;
export const voiceFailureText = (lang: Language, failure: VoiceFailure): string =>
  VOICE_TEXTS[lang].failure[failure];
