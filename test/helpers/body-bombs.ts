/**
 * Request bodies that cost a server more than their size suggests, as an audit sent them: JSON objects with as many
 * short keys as fit (131,070 three-character keys fill 1 MiB exactly) and deeply nested arrays.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
const key = (i: number) =>
  ALPHABET[i % 64] + ALPHABET[Math.floor(i / 64) % 64] + ALPHABET[Math.floor(i / 4096) % 64];

/** `{"aaa":0,"baa":0,…}` with `n` distinct keys (8 bytes each). */
export function keyBomb(n: number): Buffer {
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = `"${key(i)}":0`;
  return Buffer.from(`{${parts.join(',')}}`);
}

/** The largest key bomb under `bytes`. */
export const keyBombOf = (bytes: number): Buffer => keyBomb(Math.floor((bytes - 2) / 8));

/** `{"a":[[[…]]]}` nested `depth` levels deep. */
export const deepBomb = (depth: number): Buffer =>
  Buffer.from(`{"a":${'['.repeat(depth)}${']'.repeat(depth)}}`);

export const MIB = 1024 * 1024;
