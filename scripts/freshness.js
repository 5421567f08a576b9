'use strict';
// Is a compiled file at least as new as every TypeScript source under src/? Shared by the CLI launcher and
// `npm start` (which builds only when something changed).
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestMtime(dir, matches = (name) => name.endsWith('.ts')) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, matches));
    else if (matches(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** True when `compiled` exists and no source is newer (no sources at all, as in the Docker image: true). */
function isCurrent(compiled) {
  if (!existsSync(compiled)) return false;
  const sources = join(root, 'src');
  return !existsSync(sources) || statSync(compiled).mtimeMs >= newestMtime(sources);
}

/** True when the Mini App build (dist/web) exists and no file under web/ is newer (no web/ sources: true). */
function isWebCurrent() {
  const built = join(root, 'dist', 'web', 'index.html');
  if (!existsSync(built)) return false;
  const sources = join(root, 'web');
  return !existsSync(sources) || statSync(built).mtimeMs >= newestMtime(sources, () => true);
}

module.exports = { root, isCurrent, isWebCurrent };
