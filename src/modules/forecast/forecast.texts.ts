/** The forecast's words in ru, uz and en (docs/forecast.md): part labels and the /stats block. Pure. */
import { shortAmount } from '../budgets/budgets.texts';
import type { Language } from '../../config/app-config';
import type { Forecast } from './forecast';

interface Texts {
  balance: string;
  title: (day: string) => string;
  equation: (parts: { balance: string; income: string; expense: string; budgets: string }) => string;
  noRate: string;
}

const T: Record<Language, Texts> = {
  ru: {
    balance: 'Баланс',
    title: (day) => `🔮 Прогноз на ${day}`,
    equation: (p) => `баланс ${p.balance} + доходы ${p.income} − платежи ${p.expense} − бюджеты ${p.budgets}`,
    noRate: 'нет курса валют, прогноз не посчитать',
  },
  uz: {
    balance: 'Balans',
    title: (day) => `🔮 ${day} uchun prognoz`,
    equation: (p) =>
      `balans ${p.balance} + daromadlar ${p.income} − to‘lovlar ${p.expense} − byudjetlar ${p.budgets}`,
    noRate: 'valyuta kursi yo‘q, prognozni hisoblab bo‘lmaydi',
  },
  en: {
    balance: 'Balance',
    title: (day) => `🔮 Forecast for ${day}`,
    equation: (p) =>
      `balance ${p.balance} + incomes ${p.income} − payments ${p.expense} − budgets ${p.budgets}`,
    noRate: 'no exchange rate, the forecast cannot be worked out',
  },
};

export const forecastTexts = (lang: Language): Texts => T[lang] ?? T.ru;

/** 2026-12-31 → 31.12 */
const dayMonth = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}`;

const amount = (minor: bigint | null) => (minor === null ? '?' : shortAmount(minor));

/**
 * The /stats block: "🔮 Прогноз на 31.12: 1,250,000 UZS = баланс 2,000,000 + доходы 0 − платежи 300,000 − бюджеты
 * 450,000"; without a rate, the title and why.
 */
export function forecastBlock(lang: Language, f: Forecast): string {
  const t = forecastTexts(lang);
  const title = t.title(dayMonth(f.monthEnd));
  if (f.expectedMinor === null) return `${title}: ${t.noRate}`;
  return `${title}: ${shortAmount(f.expectedMinor)} ${f.currency} = ${t.equation({
    balance: amount(f.balanceMinor),
    income: amount(f.recurringIncomeMinor),
    expense: amount(f.recurringExpenseMinor),
    budgets: amount(f.budgetsLeftMinor),
  })}`;
}
