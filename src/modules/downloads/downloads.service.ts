import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppConfig } from '../../config/app-config';
import { DomainError } from '../../common/errors/domain-error';

/** What the response says about the file. */
export interface DownloadHead {
  contentType: string;
  /** Offered as an attachment under this name when set. */
  filename?: string;
}

/** Seconds a refused export is told to wait (Retry-After). */
export const DOWNLOAD_RETRY_AFTER_SECONDS = 5;

/**
 * Bytes handed to the socket at a time. The stall clock restarts whenever the client has taken one slice, so a slow
 * but steady reader is never mistaken for a stalled one.
 */
const SLICE_BYTES = 16 * 1024;

type Wait = 'drained' | 'closed' | 'stalled';

/** The client has gone (or the response was destroyed): nothing more can be sent. */
const gone = (res: Response): boolean => res.destroyed || !res.socket || res.socket.destroyed;

/**
 * Streamed downloads (the CSV export and the JSON data export), so that no client can hold the server:
 * - at most one at a time per user (a second → 429 with Retry-After) and EXPORT_MAX_CONCURRENT per instance
 *   (more → 503 with Retry-After);
 * - backpressure: the next chunk is produced only when the client has taken the previous one; producers read the
 *   database in short pages and hold no connection between them (docs/operations.md, "Limits and timeouts");
 * - a client that accepts nothing for EXPORT_STALL_TIMEOUT_SECONDS is cut off, and its slot freed.
 * The per-user count is kept by each instance (several instances behind a balancer each allow one).
 */
@Injectable()
export class DownloadsService {
  private readonly logger = new Logger(DownloadsService.name);
  private readonly byUser = new Set<string>();

  constructor(private readonly config: AppConfig) {}

  /** Downloads streaming on this instance now. */
  get running(): number {
    return this.byUser.size;
  }

  /**
   * Sends `body` as the response. The first chunk is produced before anything is sent, so a failure there (no such
   * user, the database down) is still a proper error response; after that a failure can only cut the download short.
   */
  async send(res: Response, userId: string, head: DownloadHead, body: AsyncIterable<string>): Promise<void> {
    const release = this.claim(userId);
    const chunks = body[Symbol.asyncIterator]();
    try {
      const first = await chunks.next();
      res.status(200);
      res.setHeader('Content-Type', head.contentType);
      if (head.filename) res.setHeader('Content-Disposition', `attachment; filename="${head.filename}"`);
      res.setHeader('Cache-Control', 'no-store');
      const outcome = await this.pump(res, first, chunks);
      if (outcome === 'stalled') {
        this.logger.warn(
          `Export aborted: the client accepted nothing for ${this.config.exports.stallTimeoutMs / 1000} s, user_id=${userId}`,
        );
        res.destroy();
      } else if (outcome === 'closed') {
        this.logger.log(`Export stopped: the client went away, user_id=${userId}`);
      } else {
        res.end();
      }
    } catch (error) {
      if (!res.headersSent) throw error;
      this.logger.warn(`Export cut short: user_id=${userId}: ${(error as Error).message}`);
      res.destroy();
    } finally {
      // However it ended, the producer stops (its pages are read no further) and the slot is free again.
      await chunks.return?.(undefined).catch(() => undefined);
      release();
    }
  }

  private claim(userId: string): () => void {
    if (this.byUser.has(userId)) {
      throw new DomainError(
        'throttled',
        `An export of your data is already running; one at a time. Expected available in ${DOWNLOAD_RETRY_AFTER_SECONDS} seconds.`,
        undefined,
        { retryAfter: DOWNLOAD_RETRY_AFTER_SECONDS },
      );
    }
    if (this.byUser.size >= this.config.exports.maxConcurrent) {
      throw new DomainError(
        'unavailable',
        `Too many exports are running right now. Expected available in ${DOWNLOAD_RETRY_AFTER_SECONDS} seconds.`,
        undefined,
        {
          retryAfter: DOWNLOAD_RETRY_AFTER_SECONDS,
        },
      );
    }
    this.byUser.add(userId);
    return () => this.byUser.delete(userId);
  }

  private async pump(
    res: Response,
    first: IteratorResult<string>,
    chunks: AsyncIterator<string>,
  ): Promise<Wait> {
    for (let next = first; !next.done; next = await chunks.next()) {
      const bytes = Buffer.from(next.value, 'utf8');
      for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
        if (gone(res)) return 'closed';
        if (!res.write(bytes.subarray(at, at + SLICE_BYTES))) {
          const wait = await this.drained(res);
          if (wait !== 'drained') return wait;
        }
      }
    }
    return gone(res) ? 'closed' : 'drained';
  }

  /** Resolves when the client has taken what is buffered, has gone, or has taken nothing for the stall timeout. */
  private drained(res: Response): Promise<Wait> {
    return new Promise((resolve) => {
      const done = (wait: Wait) => {
        clearTimeout(timer);
        res.off('drain', onDrain);
        res.off('close', onClose);
        resolve(wait);
      };
      const onDrain = () => done('drained');
      const onClose = () => done('closed');
      const timer = setTimeout(() => done('stalled'), this.config.exports.stallTimeoutMs);
      res.once('drain', onDrain);
      res.once('close', onClose);
      if (gone(res)) done('closed');
    });
  }
}
