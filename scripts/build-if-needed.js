#!/usr/bin/env node
// `npm start`: compile with `nest build` only when dist/ is missing or older than a source file, and the Mini App
// (web/ → dist/web, Vite) only when it is missing or older than web/. `nest build` empties dist/, so it is followed
// by the web build.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { root, isCurrent, isWebCurrent } = require('./freshness');

function run(args) {
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const server = !isCurrent(join(root, 'dist', 'main.js'));
if (server) {
  process.stderr.write('Building (dist/ is missing or older than src/)…\n');
  run([require.resolve('@nestjs/cli/bin/nest.js'), 'build']);
}
if (server || !isWebCurrent()) {
  process.stderr.write('Building the Mini App (dist/web)…\n');
  run([join(root, 'scripts', 'build-web.js')]);
}
