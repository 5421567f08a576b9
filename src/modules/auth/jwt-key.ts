import { createSecretKey, KeyObject } from 'node:crypto';

/**
 * SECRET_KEY as the HS256 key object, made once. Given a string, jsonwebtoken first tries it as a PEM public key
 * (which throws) and then builds a secret key, on every sign and verify: 6 % of the app's CPU per REST request in
 * the profile (docs/benchmarks-analysis.md, issue 16). With a KeyObject it does neither.
 */
export function hs256Key(secret: string): KeyObject {
  return createSecretKey(Buffer.from(secret, 'utf8'));
}
