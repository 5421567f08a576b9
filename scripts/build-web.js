#!/usr/bin/env node
// The Mini App: web/ → dist/web with Vite (`npm run build:web`; also run by `npm run build`, `npm start` and the
// browser tests when dist/web is missing or stale).
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
const result = spawnSync(
  process.execPath,
  [vite, 'build', '--config', join(root, 'web', 'vite.config.mts'), '--logLevel', 'warn'],
  {
    cwd: root,
    stdio: 'inherit',
    // Always a production bundle, also when started from the tests (jest sets NODE_ENV=test, which would keep
    // Preact's development checks in and cost ~5 KB gzipped).
    env: { ...process.env, NODE_ENV: 'production' },
  },
);
process.exit(result.status ?? 1);
