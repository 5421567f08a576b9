import { menuCommands } from './bot.menu';

describe('command menu', () => {
  it.each(['ru', 'uz', 'en'] as const)(
    '%s: the core commands, reports, planning, the household and the Mini App, all valid for setMyCommands',
    (lang) => {
      const menu = menuCommands(lang);
      expect(menu.map((c) => c.command)).toEqual([
        'start',
        'help',
        'balance',
        'phone',
        'login',
        'cancel',
        'language',
        'currency',
        'stats',
        'export',
        'goals',
        'goal',
        'debts',
        'budget',
        'recurring',
        'remind',
        'family',
        'categories',
        'app',
        'deletemydata',
      ]);
      for (const c of menu) {
        expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(c.description.length).toBeGreaterThan(0);
        expect(c.description.length).toBeLessThanOrEqual(256);
      }
    },
  );
});
