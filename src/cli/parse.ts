/**
 * npm run parse -- [--lang ru|uz|en|auto] [--currency UZS] [--now ISO-8601] [--tz Asia/Tashkent]
 *
 * Reads phrases from stdin, one per line, and writes exactly one JSON line per input line (docs/interface.md §6) on stdout,
 * in order, streaming. Nothing else goes to stdout. A bad flag prints one line on stderr and exits with 2.
 */
import * as readline from 'node:readline';
import { CURRENCIES, isCurrency, type Currency } from '../common/money';
import { parsePhrase, toParseJson, type Language, type ParseOptions } from '../modules/nlu';

interface CliOptions {
  language: Language | 'auto';
  currency: Currency;
  now: Date;
  timeZone: string;
}

const LANGS = ['ru', 'uz', 'en', 'auto'] as const;
const ISO_RE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

export function parseArgs(argv: string[]): CliOptions | string {
  const opts: CliOptions = { language: 'auto', currency: 'UZS', now: new Date(), timeZone: 'Asia/Tashkent' };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    const need = (): string | undefined => {
      if (value !== undefined) return value;
      i++;
      return i < argv.length ? argv[i] : undefined;
    };
    switch (arg) {
      case '--lang': {
        const v = need();
        if (v === undefined || !(LANGS as readonly string[]).includes(v)) {
          return `parse: --lang must be one of ${LANGS.join(', ')} (got ${v ?? 'nothing'})`;
        }
        opts.language = v as Language | 'auto';
        break;
      }
      case '--currency': {
        const v = need()?.toUpperCase();
        if (!isCurrency(v))
          return `parse: --currency must be one of ${CURRENCIES.join(', ')} (got ${v ?? 'nothing'})`;
        opts.currency = v;
        break;
      }
      case '--now': {
        const v = need();
        const d = v !== undefined && ISO_RE.test(v) ? new Date(v) : undefined;
        if (d === undefined || Number.isNaN(d.getTime())) {
          return `parse: --now must be an ISO-8601 date-time such as 2026-11-29T10:00:00+05:00 (got ${v ?? 'nothing'})`;
        }
        opts.now = d;
        break;
      }
      case '--tz': {
        const v = need();
        try {
          if (v === undefined) throw new Error('missing');
          new Intl.DateTimeFormat('en-US', { timeZone: v });
        } catch {
          return `parse: --tz must be an IANA time zone such as Asia/Tashkent (got ${v ?? 'nothing'})`;
        }
        opts.timeZone = v;
        break;
      }
      default:
        return `parse: unknown argument ${argv[i]} (usage: npm run parse -- [--lang ru|uz|en|auto] [--currency UZS] [--now ISO-8601])`;
    }
  }
  return opts;
}

function main(): void {
  const parsed = parseArgs(process.argv.slice(2));
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    process.exitCode = 2;
    return;
  }
  const options: ParseOptions = {
    language: parsed.language,
    defaultCurrency: parsed.currency,
    now: parsed.now,
    timeZone: parsed.timeZone,
  };
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });

  // Batch writes (one syscall per burst of lines) but flush on the next tick, so interactive use stays live.
  let buffer: string[] = [];
  let scheduled = false;
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  const flush = (): void => {
    scheduled = false;
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    if (!process.stdout.write(chunk)) {
      rl.pause();
      process.stdout.once('drain', () => rl.resume());
    }
  };
  rl.on('line', (line) => {
    const json = toParseJson(parsePhrase(line, options));
    buffer.push(`${JSON.stringify(json)}\n`);
    if (buffer.length >= 1024) flush();
    else if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
  rl.on('close', flush);
}

if (require.main === module) main();
