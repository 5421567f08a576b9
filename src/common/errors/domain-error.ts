/**
 * Errors the domain raises on purpose. Each carries a code; the one HTTP filter maps codes to a status and a
 * DRF-shaped body, the bot's filter maps them to a short reply. Anything else is a bug and becomes a bare 500.
 */
export type DomainErrorCode =
  | 'validation' // 400 {field: [msg]} or {detail}
  | 'not_authenticated' // 401 {detail}
  | 'telegram_auth_failed' // 401 {detail, code}
  | 'token_not_valid' // 401 {detail, code}
  | 'permission_denied' // 403
  | 'not_found' // 404
  | 'method_not_allowed' // 405
  | 'conflict' // 409
  | 'unprocessable' // 422
  | 'throttled' // 429
  | 'unavailable'; // 503

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Field errors, DRF style: {"phone_number": ["…"]}. */
    readonly fields?: Record<string, string[]>,
    /** Extra body members (e.g. simplejwt's `messages`). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static validation(field: string, message: string): DomainError {
    return new DomainError('validation', message, { [field]: [message] });
  }

  static notFound(): DomainError {
    return new DomainError('not_found', 'Not found.');
  }
}

/** True for errors that mean "the database is not reachable right now" (retry later), not a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string; name?: string; driverError?: unknown } | null;
  if (!e) return false;
  // HTTP clients (telegraf's Bot API calls, speech-to-text) fail with the same socket codes; they are not the database.
  if (e.name === 'FetchError' || e.name === 'TelegramError' || e.name === 'AbortError') return false;
  if (e.driverError && isDatabaseUnavailable(e.driverError)) return true;
  const code = String(e.code ?? '');
  if (
    [
      'ECONNREFUSED',
      'ECONNRESET',
      'ETIMEDOUT',
      'EPIPE',
      'ENOTFOUND',
      '57P01',
      '57P02',
      '57P03',
      '53300',
    ].includes(code)
  )
    return true;
  if (code.startsWith('08')) return true; // connection exceptions
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i.test(
    e.message ?? '',
  );
}
