/** The bot's texts about the Mini App (/app), per language; pure. */
import type { Language } from '../../../config/app-config';

interface MiniAppTexts {
  /** /app with an https PUBLIC_URL: the message above the button. */
  open: string;
  /** The inline button's label. */
  button: string;
  /** /app without an https PUBLIC_URL: Telegram opens Mini Apps only over https. */
  unavailable: string;
}

const TEXTS: Record<Language, MiniAppTexts> = {
  ru: {
    open: '📱 Приложение OvozPay: баланс, операции, статистика, цели и долги в одном окне.',
    button: '📱 Открыть OvozPay',
    unavailable:
      '📱 Приложение пока недоступно: сервер OvozPay не опубликован по https. Пользуйтесь ботом: /balance, /help.',
  },
  uz: {
    open: '📱 OvozPay ilovasi: balans, amallar, statistika, maqsadlar va qarzlar bir oynada.',
    button: '📱 OvozPay ilovasini ochish',
    unavailable:
      '📱 Ilova hozircha mavjud emas: OvozPay serveri https orqali eʼlon qilinmagan. Botdan foydalaning: /balance, /help.',
  },
  en: {
    open: '📱 The OvozPay app: balance, transactions, statistics, goals and debts in one place.',
    button: '📱 Open OvozPay',
    unavailable:
      '📱 The app is not available yet: the OvozPay server is not published over https. Use the bot: /balance, /help.',
  },
};

export function miniAppTexts(lang: Language): MiniAppTexts {
  return TEXTS[lang];
}

/** The chat menu button (one label for every language: the brand). */
export const MENU_BUTTON_TEXT = 'OvozPay';
