import type { Language } from '../../config/app-config';

/**
 * Whisper's `prompt` per language: a glossary of the currency and number words users say, so amounts come back as
 * "50000 сум" / "20 ming" rather than a misheard word. A glossary, not sentences: Whisper tends to echo whole prompt
 * sentences on silence.
 */
export const TRANSCRIPTION_PROMPTS: Record<Language, string> = {
  ru: 'Доходы и расходы. Сум, сумов, суммы, доллар, долларов, баксов, рубль, рублей, евро, тенге. Тысяча, тысяч, тыщ, тыс, миллион, миллиона, млн, миллиард, полтора.',
  uz: "Daromad va xarajat. So'm, sum, dollar, rubl, yevro, tenge. Ming, million, milliard, yarim, yuz.",
  en: 'Income and expenses. Sum, soum, UZS, dollars, bucks, rubles, euros, tenge. Thousand, million, billion, hundred, grand.',
};

export function transcriptionPrompt(language: Language): string {
  return TRANSCRIPTION_PROMPTS[language];
}
