// npm run test:resilience: failure and load scenarios on loopback (a TCP proxy in front of PostgreSQL, a fake Bot API
// that answers 429/5xx, two app instances, SIGTERM under load). Bounded: RESILIENCE_SCALE=small (CI) or full.
// Without a PostgreSQL server in DATABASE_URL only the Bot API scenario runs (test/resilience/postgres.ts says why).
const tsJest = ['ts-jest', { diagnostics: false }];

module.exports = {
  rootDir: '../..',
  testTimeout: 180000,
  maxWorkers: 1,
  displayName: 'resilience',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/resilience/**/*.resilience-spec.ts'],
  transform: { '^.+\\.ts$': tsJest },
  globalSetup: '<rootDir>/test/resilience/global-setup.ts',
};
