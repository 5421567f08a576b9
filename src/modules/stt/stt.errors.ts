export type SttErrorKind = 'unavailable' | 'timeout' | 'rejected' | 'unsupported_audio' | 'not_configured';

export interface SttErrorDetails {
  /** HTTP status of the last answer, when there was one. */
  status?: number;
  /** How long the service asked us to wait (Retry-After), when it did. */
  retryAfterMs?: number;
  cause?: unknown;
}

/**
 * Why a transcription failed. `retryable` tells the caller whether the same voice note may succeed later
 * (service down, rate limited, timed out) or never will (refused, not Ogg/Opus, STT off).
 * Messages never contain the API key or file URLs.
 */
export class SttError extends Error {
  readonly status?: number;
  readonly retryAfterMs?: number;

  constructor(
    readonly kind: SttErrorKind,
    message: string,
    readonly retryable: boolean,
    details: SttErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'SttError';
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}
