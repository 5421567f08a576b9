/**
 * What the bot says about forwarded card notifications (docs/card-notifications.md), and the "which card is yours?"
 * buttons. One typed catalogue per language: a missing key fails the build. Pure.
 */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { formatMoney } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { formatDateTime } from './bot.texts';
import { encodeCallback } from '../keyboards/callback-data';
import type { TransactionType } from '../../nlu/nlu.types';

interface CardTexts {
  recorded: string;
  duplicate: string;
  reversed: string;
  reversalNoMatch: string;
  ask: (money: string, when: string, sender: string, receiver: string) => string;
  myCard: (last4: string) => string;
  ownTransfer: (from: string, to: string, money: string) => string;
  remembered: (last4: string) => string;
  questionGone: string;
}

export const CARD_TEXTS: Record<Language, CardTexts> = {
  ru: {
    recorded: '✅ Записано из уведомления:',
    duplicate: '☑️ Это уведомление уже записано:',
    reversed: '↩️ Банк отменил операцию — запись удалена:',
    reversalNoMatch: '🤷 Это отмена операции, но подходящей записи у вас нет — ничего не изменилось.',
    ask: (money, when, sender, receiver) =>
      `💳 Перевод ${money} · ${when}\n${sender} → ${receiver}\nКакая карта ваша? Я запомню её и следующие такие переводы запишу сам.`,
    myCard: (last4) => `Моя карта ***${last4}`,
    ownTransfer: (from, to, money) =>
      `🔁 Перевод между вашими картами ***${from} → ***${to} (${money}): это не доход и не расход — ничего не записал.`,
    remembered: (last4) => `💳 Запомнил: ***${last4} — ваша карта`,
    questionGone: '⚠️ Этот вопрос уже неактуален.',
  },
  uz: {
    recorded: '✅ Bildirishnomadan yozib qoʻyildi:',
    duplicate: '☑️ Bu bildirishnoma allaqachon yozilgan:',
    reversed: '↩️ Bank operatsiyani bekor qildi — yozuv oʻchirildi:',
    reversalNoMatch:
      '🤷 Bu operatsiyaning bekor qilinishi, lekin sizda mos yozuv yoʻq — hech narsa oʻzgarmadi.',
    ask: (money, when, sender, receiver) =>
      `💳 Oʻtkazma ${money} · ${when}\n${sender} → ${receiver}\nQaysi karta sizniki? Uni eslab qolaman va keyingi shunday oʻtkazmalarni oʻzim yozaman.`,
    myCard: (last4) => `Mening kartam ***${last4}`,
    ownTransfer: (from, to, money) =>
      `🔁 Oʻz kartalaringiz orasidagi oʻtkazma ***${from} → ***${to} (${money}): bu daromad ham, xarajat ham emas — hech narsa yozilmadi.`,
    remembered: (last4) => `💳 Eslab qoldim: ***${last4} — sizning kartangiz`,
    questionGone: '⚠️ Bu savol endi dolzarb emas.',
  },
  en: {
    recorded: '✅ Recorded from the notification:',
    duplicate: '☑️ This notification is already recorded:',
    reversed: '↩️ The bank cancelled the operation — the record is removed:',
    reversalNoMatch: '🤷 This cancels an operation, but you have no matching record — nothing changed.',
    ask: (money, when, sender, receiver) =>
      `💳 Transfer ${money} · ${when}\n${sender} → ${receiver}\nWhich card is yours? I'll remember it and record such transfers myself next time.`,
    myCard: (last4) => `My card is ***${last4}`,
    ownTransfer: (from, to, money) =>
      `🔁 A transfer between your own cards ***${from} → ***${to} (${money}): neither income nor expense — nothing recorded.`,
    remembered: (last4) => `💳 Got it: ***${last4} is your card`,
    questionGone: '⚠️ This question is no longer open.',
  },
};

/** One recorded notification as the bot shows it. */
export interface CardItemView {
  type: TransactionType;
  amountMinor: bigint;
  currency: string;
  categoryName: string;
  description: string;
  occurredAt: Date;
  card: string | null;
}

/** "💸 76,400.00 UZS — Продукты, MAKRO YUNUSABAD · 02.12.2026 19:48 · 💳 ***1177": the notification's own date and time. */
export function cardItemLine(item: CardItemView, timeZone: string): string {
  const description = item.description.trim();
  const what =
    description && description.toLowerCase() !== item.categoryName.toLowerCase()
      ? `${item.categoryName}, ${description}`
      : item.categoryName;
  const card = item.card ? ` · 💳 ***${item.card}` : '';
  return `${item.type === 'income' ? '💰' : '💸'} ${formatMoney(item.amountMinor, item.currency)} — ${what} · ${formatDateTime(item.occurredAt, timeZone)}${card}`;
}

export type CardReplyKind = 'recorded' | 'duplicate' | 'reversed';

/** The reply about one row: recorded, already recorded, or removed by a reversal. */
export function cardItemText(
  lang: Language,
  kind: CardReplyKind,
  item: CardItemView,
  timeZone: string,
): string {
  return `${CARD_TEXTS[lang][kind]}\n${cardItemLine(item, timeZone)}`;
}

export const reversalNoMatchText = (lang: Language): string => CARD_TEXTS[lang].reversalNoMatch;
export const questionGoneText = (lang: Language): string => CARD_TEXTS[lang].questionGone;
export const cardRememberedText = (lang: Language, last4: string): string =>
  CARD_TEXTS[lang].remembered(last4);

export function ownTransferText(
  lang: Language,
  from: string,
  to: string,
  amountMinor: bigint,
  currency: string,
): string {
  return CARD_TEXTS[lang].ownTransfer(from, to, formatMoney(amountMinor, currency));
}

/** The question about a transfer receipt: amount, time, "ALI V. ***4410 → BOBUR T. ***2235", which card is yours? */
export function askCardText(
  lang: Language,
  q: {
    amountMinor: bigint;
    currency: string;
    occurredAt: Date;
    senderCard: string;
    receiverCard: string;
    senderName: string;
    receiverName: string;
  },
  timeZone: string,
): string {
  const side = (name: string, card: string) => `${name ? `${name} ` : ''}***${card}`;
  return CARD_TEXTS[lang].ask(
    formatMoney(q.amountMinor, q.currency),
    formatDateTime(q.occurredAt, timeZone),
    side(q.senderName, q.senderCard),
    side(q.receiverName, q.receiverCard),
  );
}

/** Two buttons: "My card is ***4410" / "My card is ***2235" (the receipt's update id travels with them). */
export function cardSideKeyboard(
  lang: Language,
  updateId: bigint,
  senderCard: string,
  receiverCard: string,
): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      [senderCard, receiverCard].map((card) => ({
        text: CARD_TEXTS[lang].myCard(card),
        callback_data: encodeCallback({ kind: 'card_side', updateId, card }),
      })),
    ],
  };
}

/** For the catalogue completeness test. */
export const CARD_CATALOGUE = CARD_TEXTS;
