// @ts-check
import tseslint from 'typescript-eslint';

/** The Telegram libraries: only src/modules/bot/ (and the app's composition) may import them. */
const TELEGRAM_PATHS = ['telegraf', 'nestjs-telegraf'].map((name) => ({
  name,
  message: 'Only src/modules/bot/ talks to Telegram: take plain values and let the bot call you.',
}));
/** Anything inside src/modules/bot/, however the path is written. */
const BOT_FOLDER = {
  group: ['**/bot', '**/bot/**', '../bot', '../bot/*', '../../bot', '../../bot/*', 'telegraf/*'],
  message: 'Domain modules never import src/modules/bot/ (the bot depends on them, not the other way round).',
};

export default tseslint.config(
  {
    ignores: [
      'web/vite.config.mts',
      'dist/**',
      'node_modules/**',
      'public/**',
      'coverage/**',
      'eslint.config.mjs',
      'jest.config.js',
    ],
  },
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Domain modules never reach into the bot: the bot depends on them, not the other way round (docs/interface.md §4).
    // Their specs may (a test can drive a service through the bot). nlu/ has its stricter rule below.
    files: ['src/modules/**/*.ts'],
    ignores: ['src/modules/bot/**', 'src/modules/nlu/**', '**/*.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: TELEGRAM_PATHS, patterns: [BOT_FOLDER] }],
    },
  },
  {
    // The parser is pure: no framework, ORM or bot imports.
    files: ['src/modules/nlu/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@nestjs/*', 'typeorm', 'telegraf', 'nestjs-telegraf', 'pg', 'class-validator'],
              message: 'src/modules/nlu/ is pure TypeScript: no framework, ORM, database or bot imports.',
            },
            BOT_FOLDER,
          ],
        },
      ],
    },
  },
);
