/**
 * Import-graph rules, checked by `npm run lint` (docs/architecture.md explains the layers).
 * - no import loops anywhere in src/;
 * - domain modules (everything in src/modules/ but bot/) never import the bot or Telegraf: the bot calls them,
 *   never the other way round;
 * - the parser (nlu/) is pure: no Nest, no database, no other module; only the pure helpers in common/.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import loop: split the shared part into its own file.',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'domain-not-to-bot',
      severity: 'error',
      comment: 'Domain modules are called by the bot, never the other way round.',
      from: { path: '^src/modules/(?!bot/)[^/]+/', pathNot: '\\.spec\\.ts$' },
      to: { path: ['^src/modules/bot/', '^node_modules/(telegraf|nestjs-telegraf)/'] },
    },
    {
      name: 'common-not-to-modules',
      severity: 'error',
      comment: 'common/ is shared vocabulary: it knows no feature module.',
      from: { path: '^src/common/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'nlu-pure',
      severity: 'error',
      comment: 'The parser is pure: no framework, database or other module.',
      from: { path: '^src/modules/nlu/' },
      to: {
        pathNot: ['^src/modules/nlu/', '^src/common/(money|time|text)/'],
        dependencyTypesNot: ['core'],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.spec\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
