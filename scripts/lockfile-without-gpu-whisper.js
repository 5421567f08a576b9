#!/usr/bin/env node
// Docker build: removes the GPU builds of the whisper.cpp binding (@fugood/node-whisper-<os>-<arch>-cuda / -vulkan,
// every architecture; ~250 MB, useless without a GPU runtime) from package-lock.json before `npm ci`, so they are
// never downloaded or installed. The CPU build for the image's platform stays: whisper.cpp runs on the CPU there
// (src/modules/stt/whisper-cpp-stt.provider.ts asks for useGpu: false). Run on the build stage's copy of the lockfile
// only: the repository's lockfile keeps every variant, so a developer with a GPU can still install them.
'use strict';
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const GPU_VARIANT = /^@fugood\/node-whisper-[^/]+-(cuda|vulkan)$/;
const file = join(process.argv[2] ?? process.cwd(), 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));

const removed = [];
for (const key of Object.keys(lock.packages ?? {})) {
  const name = key.replace(/^(.*\/)?node_modules\//, '');
  if (GPU_VARIANT.test(name)) {
    delete lock.packages[key];
    removed.push(name);
  }
}
for (const entry of Object.values(lock.packages ?? {})) {
  for (const deps of [entry.optionalDependencies, entry.dependencies]) {
    for (const name of Object.keys(deps ?? {})) if (GPU_VARIANT.test(name)) delete deps[name];
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(
  `package-lock.json: left out ${removed.length} GPU builds of whisper.cpp (${removed.join(', ') || 'none'})\n`,
);
