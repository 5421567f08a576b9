/** Inline keyboards of the asides' replies (pure): labels from asides.texts, callback_data from ../callback-data. */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Currency } from '../../../common/money';
import type { Language } from '../../../config/app-config';
import { callbackButton } from './callback-data';
import { asideTexts, dayMonth } from '../texts/asides.texts';

/** One button per currency reading ("40,000.00 UZS" / "40,000.00 USD"), in the order given. */
export function currencyChoiceKeyboard(
  updateId: bigint,
  choices: ReadonlyArray<{ currency: Currency; label: string }>,
): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      choices.map((c) => callbackButton(c.label, { kind: 'pick_currency', updateId, currency: c.currency })),
    ],
  };
}

/**
 * Money for a later day: "🔔 Remind me on 07.12" (or, with no day named, "Tomorrow" / "In a week"), then
 * "✅ It's paid already — record today" and "✖ No".
 */
export function futureKeyboard(
  lang: Language,
  updateId: bigint,
  plannedOn: string | null,
): InlineKeyboardMarkup {
  const t = asideTexts(lang);
  const remind =
    plannedOn === null
      ? [
          callbackButton(t.tomorrowButton, { kind: 'planned', updateId, step: 'tomorrow' }),
          callbackButton(t.weekButton, { kind: 'planned', updateId, step: 'week' }),
        ]
      : [
          callbackButton(t.remindOnButton(dayMonth(plannedOn)), {
            kind: 'planned',
            updateId,
            step: 'remind',
          }),
        ];
  return {
    inline_keyboard: [
      remind,
      [callbackButton(t.paidButton, { kind: 'planned', updateId, step: 'paid' })],
      [callbackButton(t.noButton, { kind: 'planned', updateId, step: 'no' })],
    ],
  };
}

/** A saving intention: "🎯 Create the goal". */
export function goalOfferKeyboard(lang: Language, updateId: bigint): InlineKeyboardMarkup {
  return {
    inline_keyboard: [[callbackButton(asideTexts(lang).goalButton, { kind: 'goal_offer', updateId })]],
  };
}
