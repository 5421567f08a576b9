import { spawnSync } from 'node:child_process';
import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isWebCurrent } = require(join(root, 'scripts', 'freshness.js')) as { isWebCurrent: () => boolean };
const LOCK = join(root, 'dist', '.web-build.lock');

export const WEB_DIST = join(root, 'dist', 'web');

/**
 * Builds the Mini App (dist/web) when it is missing or older than web/, so the browser tests work on a fresh clone
 * without `npm run build`. A lock directory keeps test files running in parallel from building at the same time.
 */
export async function ensureWebBuild(): Promise<void> {
  if (isWebCurrent()) return;
  mkdirSync(join(root, 'dist'), { recursive: true });
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 120_000) rmdirSync(LOCK); // left by a killed run
      } catch {
        // gone meanwhile
      }
      if (Date.now() > deadline)
        throw new Error('Timed out waiting for another Mini App build (dist/.web-build.lock)');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (isWebCurrent()) return;
    const result = spawnSync(process.execPath, [join(root, 'scripts', 'build-web.js')], {
      cwd: root,
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`Mini App build failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmdirSync(LOCK);
  }
}
