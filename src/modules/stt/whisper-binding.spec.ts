import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Smoke test of the native whisper.cpp binding (STT_PROVIDER=whisper-cpp) where npm installed it: the same script
 * the Docker image runs at build time (scripts/whisper-smoke.js) loads this platform's CPU build and calls into
 * whisper.cpp once. Where no build is installable (another OS or CPU) it is skipped, and says so.
 */
const BINDING = `@fugood/node-whisper-${process.platform}-${process.arch}`;
const installed = ((): boolean => {
  try {
    require.resolve(BINDING);
    return true;
  } catch {
    return false;
  }
})();
if (!installed)
  process.stderr.write(
    `[unit] ${BINDING} is not installed on this platform: the whisper.cpp binding smoke test is skipped\n`,
  );

describe('whisper.cpp binding', () => {
  (installed ? it : it.skip)(
    `${BINDING} loads and whisper.cpp answers (scripts/whisper-smoke.js --require)`,
    () => {
      const out = execFileSync(
        process.execPath,
        [join(__dirname, '..', '..', '..', 'scripts', 'whisper-smoke.js'), '--require'],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: 60_000,
        },
      );
      expect(out).toMatch(/^whisper\.cpp binding loads: /);
    },
  );
});
