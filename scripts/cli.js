#!/usr/bin/env node
// Runs a command-line tool from src/cli: the compiled dist/cli/<name>.js when it is at least as new as every
// source file (fast start), else the TypeScript source through ts-node (always current).
'use strict';
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write('usage: scripts/cli.js <parse|webhook|migrate> [args]\n');
  process.exit(2);
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const compiled = join(root, 'dist', 'cli', `${name}.js`);
const sources = join(root, 'src');
// No sources (the Docker image): the compiled tool is all there is.
const useCompiled = existsSync(compiled) && (!existsSync(sources) || statSync(compiled).mtimeMs >= newestMtime(sources));
process.argv = [process.argv[0], useCompiled ? compiled : join(root, 'src', 'cli', `${name}.ts`), ...args];
if (!useCompiled) require('ts-node').register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
// Load it as the main module, so `require.main === module` holds in the tool.
require('node:module').runMain();
