import { ConsoleLogger, LogLevel } from '@nestjs/common';

const LEVELS: Record<string, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Secrets that must never reach a log line even if a message carries them by mistake. */
const REDACTIONS: Array<[RegExp, string]> = [
  [/\d{6,12}:[A-Za-z0-9_-]{30,}/g, '<bot-token>'], // bot tokens (also inside file URLs)
  [/\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/g, '<jwt>'],
  [/(^|[&?\s])(query_id|user|auth_date|hash|signature)=[^&\s]+/g, '$1$2=<redacted>'], // initData
];

export function redact(text: string): string {
  return REDACTIONS.reduce((acc, [re, repl]) => acc.replace(re, repl), text);
}

/** Level names of docs/interface.md §5 (INFO, WARNING, ERROR). */
const LEVEL_NAMES: Record<LogLevel, string> = {
  fatal: 'CRITICAL',
  error: 'ERROR',
  warn: 'WARNING',
  log: 'INFO',
  debug: 'DEBUG',
  verbose: 'DEBUG',
};

/**
 * Nest's console logger in JSON (one object a line) or pretty form, with levels from LOG_LEVEL (docs/interface.md §5) and
 * a last-line redaction of tokens, JWTs and initData.
 */
export class AppLogger extends ConsoleLogger {
  constructor(level: string, format: 'json' | 'pretty') {
    super({ json: format === 'json', colors: format === 'pretty', logLevels: LEVELS[level] ?? LEVELS.info });
  }

  protected getJsonLogObject(
    message: unknown,
    options: {
      context: string;
      logLevel: LogLevel;
      writeStreamType?: 'stdout' | 'stderr';
      errorStack?: unknown;
    },
  ) {
    const base = super.getJsonLogObject(message, options);
    return {
      ...base,
      level: LEVEL_NAMES[options.logLevel] as LogLevel,
      time: new Date(base.timestamp).toISOString(),
    };
  }

  protected printMessages(
    messages: unknown[],
    context?: string,
    logLevel?: LogLevel,
    writeStreamType?: 'stdout' | 'stderr',
    errorStack?: unknown,
  ): void {
    const clean = messages.map((m) => (typeof m === 'string' ? redact(m) : m));
    super.printMessages(
      clean,
      context,
      logLevel,
      writeStreamType,
      typeof errorStack === 'string' ? redact(errorStack) : errorStack,
    );
  }
}
