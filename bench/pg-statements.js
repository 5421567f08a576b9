// Preloaded into the app by `PG_STATEMENTS=1 bench/profile-webhook.ts` (node -r): counts the statements the app sends
// through pg's Client.query, by text (whitespace folded, first 160 characters), and writes them as JSON to
// PG_STATEMENTS_FILE when the process exits. Measurement only: the app's code is unchanged.
'use strict';
const { writeFileSync } = require('node:fs');
const { Client } = require('pg');

const counts = new Map();
const original = Client.prototype.query;
Client.prototype.query = function query(config, ...rest) {
  const text = typeof config === 'string' ? config : config && config.text;
  if (typeof text === 'string') {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 160);
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  return original.call(this, config, ...rest);
};
process.on('exit', () => {
  if (process.env.PG_STATEMENTS_FILE)
    writeFileSync(process.env.PG_STATEMENTS_FILE, JSON.stringify([...counts].sort((a, b) => b[1] - a[1])));
});
