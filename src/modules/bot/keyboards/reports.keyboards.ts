/** Inline keyboards of the reports (pure): /stats periods and the /deletemydata confirmation. */
import type { InlineKeyboardMarkup } from 'telegraf/types';
import type { Language } from '../../../config/app-config';
import { STATS_TEXTS } from '../../stats/stats.texts';
import { encodeReport, StatsButtonPeriod } from './callback-data';
import { HOUSEHOLD_STATS_TEXTS } from '../../stats/household.texts';

/**
 * /stats: week, month, previous month, year. For someone in a household (`view` given) the periods stay in the view
 * shown (personal or the family's) and a last row switches to the other view, this month.
 */
export function periodKeyboard(lang: Language, view?: { family: boolean }): InlineKeyboardMarkup {
  const b = STATS_TEXTS[lang].buttons;
  const family = view?.family === true;
  const button = (text: string, period: StatsButtonPeriod) => ({
    text,
    callback_data: encodeReport(family ? { kind: 'stats', period, family } : { kind: 'stats', period }),
  });
  const rows = [
    [button(b.week, 'week'), button(b.month, 'month')],
    [button(b.prevMonth, 'prev_month'), button(b.year, 'year')],
  ];
  if (view) {
    const h = HOUSEHOLD_STATS_TEXTS[lang];
    rows.push([
      {
        text: family ? h.personalButton : h.familyButton,
        callback_data: encodeReport(
          family ? { kind: 'stats', period: 'month' } : { kind: 'stats', period: 'month', family: true },
        ),
      },
    ]);
  }
  return { inline_keyboard: rows };
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
