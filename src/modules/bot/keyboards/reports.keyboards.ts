/** Inline keyboards of the reports (pure): /stats periods and the /deletemydata confirmation. */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../config/app-config';
import { STATS_TEXTS } from '../../stats/stats.texts';
import { encodeReport } from './callback-data';

/** /stats: week, month, previous month, year. */
export function periodKeyboard(lang: Language): InlineKeyboardMarkup {
  const b = STATS_TEXTS[lang].buttons;
  return {
    inline_keyboard: [
      [
        { text: b.week, callback_data: encodeReport({ kind: 'stats', period: 'week' }) },
        { text: b.month, callback_data: encodeReport({ kind: 'stats', period: 'month' }) },
      ],
      [
        { text: b.prevMonth, callback_data: encodeReport({ kind: 'stats', period: 'prev_month' }) },
        { text: b.year, callback_data: encodeReport({ kind: 'stats', period: 'year' }) },
      ],
    ],
  };
}

/** /deletemydata: confirm (carrying when it was asked, so an old button expires) or keep. */
export function deleteKeyboard(lang: Language, askedAt: Date): InlineKeyboardMarkup {
  const t = STATS_TEXTS[lang];
  return {
    inline_keyboard: [
      [
        {
          text: t.deleteYes,
          callback_data: encodeReport({ kind: 'delete_yes', askedAt: Math.floor(askedAt.getTime() / 1000) }),
        },
      ],
      [{ text: t.deleteNo, callback_data: encodeReport({ kind: 'delete_no' }) }],
    ],
  };
}
