#!/usr/bin/env node
// `npm run screenshots`: runs the Mini App browser test with SCREENSHOTS=1, which writes docs/screenshots/*.png
// (light and dark: home, form, statistics, goals). Uses DATABASE_URL when set, else the embedded engine.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const result = spawnSync(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    join(root, 'node_modules', 'jest', 'bin', 'jest.js'),
    'test/webapp.e2e-spec.ts',
  ],
  { cwd: root, stdio: 'inherit', env: { ...process.env, SCREENSHOTS: '1' } },
);
process.exit(result.status ?? 1);
