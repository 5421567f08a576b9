/** The languages we speak (bot texts, category names, phrase parsing, the API's `language`): the one list. */
export const LANGUAGES = ['ru', 'uz', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
