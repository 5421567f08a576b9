import { toDecimalString } from '../../common/money';
import type { Summary } from './stats.service';

/** The JSON of GET /api/analytics/summary/ (the Mini App draws its chart from it; field names are fixed). */
export function summaryJson(s: Summary) {
  return {
    period: s.range.period,
    date_from: s.range.from,
    date_to: s.range.to,
    totals: s.totals.map((t) => ({
      currency: t.currency,
      income: toDecimalString(t.incomeMinor),
      expense: toDecimalString(t.expenseMinor),
      balance: toDecimalString(t.incomeMinor - t.expenseMinor),
      count: t.count,
    })),
    by_category: s.byCategory.map((c) => ({
      type: c.type,
      category: c.category,
      category_name: c.categoryName,
      currency: c.currency,
      amount: toDecimalString(c.amountMinor),
      count: c.count,
      share_percent: c.shareBp / 100,
    })),
    // A household's summary (?wallet=household) only: each member's totals.
    ...(s.byMember && {
      by_member: s.byMember.map((m) => ({
        user_id: m.userId,
        first_name: m.firstName,
        currency: m.currency,
        income: toDecimalString(m.incomeMinor),
        expense: toDecimalString(m.expenseMinor),
        count: m.count,
      })),
    }),
  };
}
