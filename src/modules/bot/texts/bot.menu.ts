import type { Language } from '../../../config/app-config';
import { learnedTexts } from '../../categories/learned.texts';
import { RECURRING_TEXTS } from '../../recurring/recurring.texts';
import { STATS_TEXTS } from '../../stats/stats.texts';
import { COMMANDS } from './bot.texts';

type PlanCommand = 'goals' | 'goal' | 'debts' | 'budget' | 'remind' | 'family' | 'app';

/** Menu descriptions of the planning commands, the household and the Mini App (at most 256 characters each, per Telegram). */
const MORE: Record<Language, Record<PlanCommand, string>> = {
  ru: {
    goals: 'Цели и накопления',
    goal: 'Новая цель: /goal телефон 3 млн к 1 марта',
    debts: 'Долги: кому дал, у кого взял',
    budget: 'Бюджеты: лимиты расходов',
    remind: 'Ежедневное напоминание',
    family: 'Семья: общий кошелёк',
    app: 'Открыть приложение OvozPay',
  },
  uz: {
    goals: 'Maqsadlar va jamgʻarmalar',
    goal: 'Yangi maqsad: /goal mashina 100 million soʻm',
    debts: 'Qarzlar: kimga berdim, kimdan oldim',
    budget: 'Byudjetlar: xarajat limitlari',
    remind: 'Kundalik eslatma',
    family: 'Oila: umumiy hamyon',
    app: 'OvozPay ilovasini ochish',
  },
  en: {
    goals: 'Goals and savings',
    goal: 'New goal: /goal laptop 1200 dollars by June 1',
    debts: 'Debts: lent and borrowed',
    budget: 'Budgets: spending limits',
    remind: 'Daily reminder',
    family: 'Family: the shared wallet',
    app: 'Open the OvozPay app',
  },
};

/** The command menu (setMyCommands) of a language: the core commands, reports, planning and the Mini App. */
export function menuCommands(lang: Language): Array<{ command: string; description: string }> {
  const reports = STATS_TEXTS[lang].commands;
  const more = MORE[lang];
  return [
    ...COMMANDS[lang],
    { command: 'stats', description: reports.stats },
    { command: 'export', description: reports.export },
    { command: 'goals', description: more.goals },
    { command: 'goal', description: more.goal },
    { command: 'debts', description: more.debts },
    { command: 'budget', description: more.budget },
    { command: 'recurring', description: RECURRING_TEXTS[lang].menu },
    { command: 'remind', description: more.remind },
    { command: 'family', description: more.family },
    { command: 'categories', description: learnedTexts(lang).menu },
    { command: 'app', description: more.app },
    { command: 'deletemydata', description: reports.deletemydata },
  ];
}
