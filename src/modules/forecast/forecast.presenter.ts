/** The JSON of the forecast (docs/forecast.md): money as decimal strings, null when not computable. */
import { toDecimalString } from '../../common/money';
import type { Forecast } from './forecast';
import type { ForecastResponse } from './forecast.responses';

const money = (minor: bigint | null) => (minor === null ? null : toDecimalString(minor));

export function forecastJson(f: Forecast): ForecastResponse {
  return {
    currency: f.currency as ForecastResponse['currency'],
    as_of: f.asOf,
    month_end: f.monthEnd,
    balance: money(f.balanceMinor),
    recurring_income: money(f.recurringIncomeMinor),
    recurring_expense: money(f.recurringExpenseMinor),
    budgets_left: money(f.budgetsLeftMinor),
    expected: money(f.expectedMinor),
    reason: f.reason,
    parts: f.parts.map((p) => ({ kind: p.kind, label: p.label, date: p.date, amount: money(p.amountMinor) })),
  };
}
