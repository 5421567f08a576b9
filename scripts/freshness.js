'use strict';
// Is a compiled file at least as new as every TypeScript source under src/? Shared by the CLI launcher and
// `npm start` (which builds only when something changed).
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when `compiled` exists and no source is newer (no sources at all, as in the Docker image: true). */
function isCurrent(compiled) {
  if (!existsSync(compiled)) return false;
  const sources = join(root, 'src');
  return !existsSync(sources) || statSync(compiled).mtimeMs >= newestMtime(sources);
}

module.exports = { root, isCurrent };
