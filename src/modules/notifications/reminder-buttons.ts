/**
 * The buttons under a planned payment's reminder, as plain data (Bot API `reply_markup` JSON, no Telegram library):
 * "✅ Record" and "⏭ Skip". The bot answers their presses (bot/flows/asides); its callback-data codec
 * (bot/keyboards/callback-data.ts) reads these strings as the `planned` action with the step `record` / `skip`:
 *
 *   f:<update>:d   record what was planned, dated that day
 *   f:<update>:s   skip it
 */
import type { Language } from '../../config/app-config';
import { REMINDER_TEXTS } from './reminders.texts';

interface ReminderButton {
  text: string;
  callback_data: string;
}

interface ReminderMarkup {
  inline_keyboard: ReminderButton[][];
}

/** callback_data of the two buttons, addressed by the update id of the message that named the money. */
function plannedReminderCallback(updateId: bigint, step: 'record' | 'skip'): string {
  return `f:${updateId}:${step === 'record' ? 'd' : 's'}`;
}

/** Under the reminder on its day: "✅ Record" and "⏭ Skip". */
export function plannedReminderKeyboard(lang: Language, updateId: bigint): ReminderMarkup {
  const t = REMINDER_TEXTS[lang];
  return {
    inline_keyboard: [
      [
        { text: t.recordButton, callback_data: plannedReminderCallback(updateId, 'record') },
        { text: t.skipButton, callback_data: plannedReminderCallback(updateId, 'skip') },
      ],
    ],
  };
}
