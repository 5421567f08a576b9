#!/usr/bin/env node
// Runs a command-line tool from src/cli: the compiled dist/cli/<name>.js when it is at least as new as every
// source file (fast start), else the TypeScript source through ts-node (always current).
'use strict';
const { join } = require('node:path');
const { root, isCurrent } = require('./freshness');

const [name, ...args] = process.argv.slice(2);
if (!name || !/^[a-z-]+$/.test(name)) {
  process.stderr.write('usage: scripts/cli.js <parse|webhook|migrate|openapi> [args]\n');
  process.exit(2);
}

const compiled = join(root, 'dist', 'cli', `${name}.js`);
const useCompiled = isCurrent(compiled);
process.argv = [process.argv[0], useCompiled ? compiled : join(root, 'src', 'cli', `${name}.ts`), ...args];
if (!useCompiled) require('ts-node').register({ transpileOnly: true, project: join(root, 'tsconfig.json') });
// Load it as the main module, so `require.main === module` holds in the tool.
require('node:module').runMain();
