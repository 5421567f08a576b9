import type { Language } from '../../config/app-config';
import { STATS_TEXTS } from '../stats/stats.texts';
import { COMMANDS } from './bot.texts';

/** The command menu (setMyCommands) of a language: the core commands, then statistics, export and data deletion. */
export function menuCommands(lang: Language): Array<{ command: string; description: string }> {
  const reports = STATS_TEXTS[lang].commands;
  return [
    ...COMMANDS[lang],
    { command: 'stats', description: reports.stats },
    { command: 'export', description: reports.export },
    { command: 'deletemydata', description: reports.deletemydata },
  ];
}
