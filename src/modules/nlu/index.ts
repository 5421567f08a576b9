/** Public API of the phrase parser (pure TypeScript; see docs/interface.md §6). */
export * from './nlu.types';
export { parsePhrase, parsePhraseOrThrow, toParseJson } from './parser';
export { categoryName, CATEGORY_NAMES } from './categories';
export { readStatsPeriod, currentMonth, previousMonth, currentWeek, currentYear } from './stats-query';
export { localToday, type LocalDate } from './dates';
export { saysHouseholdWallet } from './household';
