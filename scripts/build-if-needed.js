#!/usr/bin/env node
// `npm start`: compile with `nest build` only when dist/ is missing or older than a source file.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { root, isCurrent } = require('./freshness');

if (isCurrent(join(root, 'dist', 'main.js'))) process.exit(0);
process.stderr.write('Building (dist/ is missing or older than src/)…\n');
const result = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build'], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
