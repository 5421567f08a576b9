#!/usr/bin/env node
// Smoke test of the whisper.cpp binding (STT_PROVIDER=whisper-cpp): loads this platform's CPU build of
// @fugood/whisper.node directly (the library's own loader would hide why it failed, e.g. a missing libgomp.so.1)
// and calls into whisper.cpp once: a model file that does not exist must be refused by whisper.cpp itself.
//   exit 0 "… loads"         the binding works here
//   exit 1                   it is installed but does not load (the reason is printed)
//   exit 0 "… skipped: …"    no build is installed for this platform (an optional dependency npm could not
//                            install here); with --require (the Docker image) that is exit 1 too.
'use strict';

const name = `@fugood/node-whisper-${process.platform}-${process.arch}`;
const required = process.argv.includes('--require');

function fail(message) {
  process.stderr.write(`whisper.cpp binding ${name}: ${message}\n`);
  process.exit(1);
}

async function main() {
  try {
    require.resolve(name);
  } catch {
    if (required) fail('is not installed');
    process.stdout.write(`whisper.cpp binding skipped: ${name} is not installed on this platform\n`);
    return;
  }
  let native;
  try {
    native = require(name);
  } catch (error) {
    fail(`does not load: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof native.WhisperContext !== 'function') fail('loaded, but has no WhisperContext');
  const whisper = require('@fugood/whisper.node');
  // whisper.cpp's own log would go to stderr: keep it (as the provider does) and show it only on a failure.
  const log = [];
  const listener = whisper.addNativeLogListener((_level, text) => log.push(text.trim()));
  await whisper.toggleNativeLog(true);
  const refused = await whisper
    .initWhisper({ filePath: '/nonexistent/ggml-smoke-test.bin', useGpu: false })
    .then(
      (context) => context.release().then(() => fail('accepted a model file that does not exist')),
      (error) => String(error instanceof Error ? error.message : error),
    );
  await new Promise((resolve) => setTimeout(resolve, 50)); // the queued native log lines
  await whisper.toggleNativeLog(false);
  listener.remove();
  if (!/failed to (open|initialize) whisper/i.test(refused))
    fail(`answered an unexpected error: ${refused} ${log.join(' | ')}`);
  process.stdout.write(
    `whisper.cpp binding loads: ${name} (${process.platform}/${process.arch}, node ${process.versions.node})\n`,
  );
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
