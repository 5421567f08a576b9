/**
 * The household wallet in the private chat's record replies (docs/households.md, "Whose money"): the line that says
 * where a record went and the button that moves it. Pure; ru default, uz Latin, en.
 */
import type { Language } from '../../../config/app-config';
import type { Wallet } from '../../transactions/wallet';

interface WalletTexts {
  /** The line under a recorded reply, for someone in a household. */
  where: (wallet: Wallet) => string;
  /** The button that moves the records to the other wallet. */
  moveTo: (wallet: Wallet) => string;
  /** The toast after a move. */
  moved: (wallet: Wallet) => string;
  /** "в семью" said by someone in no household. */
  noHousehold: string;
  /** The family's statistics or balance asked by someone in no household. */
  noFamilyStats: string;
}

const WALLET_TEXTS: Record<Language, WalletTexts> = {
  ru: {
    where: (w) => (w === 'household' ? '👨‍👩‍👧 В семейном кошельке' : '🔒 Личное: видно только вам'),
    moveTo: (w) => (w === 'household' ? '👨‍👩‍👧 В семью' : '🔒 В личное'),
    moved: (w) => (w === 'household' ? 'Перенесено в семейный кошелёк' : 'Перенесено в личное'),
    noHousehold: 'ℹ️ Вы не в семье, записал в личное. Создать семью или вступить: /family',
    noFamilyStats: 'Вы пока не в семье. Создать семью или вступить: /family',
  },
  uz: {
    where: (w) => (w === 'household' ? '👨‍👩‍👧 Oila hamyonida' : "🔒 Shaxsiy: faqat sizga ko'rinadi"),
    moveTo: (w) => (w === 'household' ? '👨‍👩‍👧 Oilaga' : '🔒 Shaxsiyga'),
    moved: (w) => (w === 'household' ? "Oila hamyoniga o'tkazildi" : "Shaxsiyga o'tkazildi"),
    noHousehold: "ℹ️ Siz oilada emassiz, shaxsiyga yozdim. Oila yaratish yoki qo'shilish: /family",
    noFamilyStats: "Siz hali oilada emassiz. Oila yaratish yoki qo'shilish: /family",
  },
  en: {
    where: (w) => (w === 'household' ? '👨‍👩‍👧 In the family wallet' : '🔒 Personal: only you see it'),
    moveTo: (w) => (w === 'household' ? '👨‍👩‍👧 To the family' : '🔒 To personal'),
    moved: (w) => (w === 'household' ? 'Moved to the family wallet' : 'Moved to personal'),
    noHousehold: "ℹ️ You're not in a family, so I recorded it as personal. Create or join one: /family",
    noFamilyStats: "You're not in a family yet. Create or join one: /family",
  },
};

export const walletTexts = (lang: Language): WalletTexts => WALLET_TEXTS[lang];

/** A reply's text with, for someone in a household (`wallet` given), the line that says where the records are. */
export function withWalletLine(lang: Language, text: string, wallet: Wallet | undefined): string {
  return wallet ? `${text}\n${WALLET_TEXTS[lang].where(wallet)}` : text;
}

/** The other wallet: where the move button sends the records. */
export const otherWallet = (w: Wallet): Wallet => (w === 'household' ? 'personal' : 'household');
