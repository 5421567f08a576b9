import { Injectable } from '@nestjs/common';
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { InjectBot } from 'nestjs-telegraf';
import type { Context, Telegraf } from 'telegraf';

/** The Bot API serves files up to 20 MB. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 30_000;

export type FileErrorKind = 'too_big' | 'unavailable';

/** A download that failed; `retryable` when it may work later. Messages never contain the file URL (it holds the token). */
export class TelegramFileError extends Error {
  constructor(
    readonly kind: FileErrorKind,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'TelegramFileError';
  }
}

function telegramStatus(error: unknown): number | undefined {
  const code = (error as { response?: { error_code?: number }; code?: unknown })?.response?.error_code;
  return typeof code === 'number' ? code : undefined;
}

/** Reads a body up to `limit` bytes; more → too_big (the rest is not read). */
async function readCapped(body: ReadableStream<Uint8Array>, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new TelegramFileError('too_big', `file is larger than ${limit} bytes`, false);
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * Downloads a file a user sent: getFile, then its file URL under TELEGRAM_API_ROOT (or the local path a local Bot
 * API server returns). At most 20 MB. The URL carries the bot token: it is never logged nor put in an error.
 */
@Injectable()
export class TelegramFiles {
  constructor(@InjectBot() private readonly bot: Telegraf<Context>) {}

  async download(fileId: string, limit = MAX_FILE_BYTES): Promise<{ bytes: Buffer; filePath: string }> {
    let file;
    try {
      file = await this.bot.telegram.getFile(fileId);
    } catch (error) {
      const status = telegramStatus(error);
      if (status === 400 && /too big/i.test((error as Error).message)) throw new TelegramFileError('too_big', 'Telegram: file is too big', false);
      const permanent = status !== undefined && status >= 400 && status < 500 && status !== 429;
      throw new TelegramFileError('unavailable', `getFile failed${status ? ` (${status})` : ''}`, !permanent);
    }
    if ((file.file_size ?? 0) > limit) throw new TelegramFileError('too_big', `file is larger than ${limit} bytes`, false);
    const filePath = file.file_path ?? '';
    if (!filePath) throw new TelegramFileError('unavailable', 'getFile answered without a file_path', true);
    // A local Bot API server (--local) answers with an absolute path on its own disk, readable from here.
    if (isAbsolute(filePath)) return { bytes: await this.readLocal(filePath, limit), filePath };
    const url = await this.bot.telegram.getFileLink(file);

    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch (error) {
      const timedOut = (error as Error)?.name === 'TimeoutError';
      throw new TelegramFileError('unavailable', timedOut ? 'file download timed out' : 'file download failed (network)', true);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new TelegramFileError('unavailable', `file download answered ${response.status}`, response.status >= 500 || response.status === 429);
    }
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > limit) {
      await response.body.cancel();
      throw new TelegramFileError('too_big', `file is larger than ${limit} bytes`, false);
    }
    try {
      return { bytes: await readCapped(response.body, limit), filePath };
    } catch (error) {
      if (error instanceof TelegramFileError) throw error;
      throw new TelegramFileError('unavailable', (error as Error)?.name === 'TimeoutError' ? 'file download timed out' : 'file download broke off', true);
    }
  }

  /** A local Bot API server (--local) hands out absolute paths on its own disk. */
  private async readLocal(path: string, limit: number): Promise<Buffer> {
    try {
      if ((await stat(path)).size > limit) throw new TelegramFileError('too_big', `file is larger than ${limit} bytes`, false);
      return await readFile(path);
    } catch (error) {
      if (error instanceof TelegramFileError) throw error;
      throw new TelegramFileError('unavailable', 'local file could not be read', true);
    }
  }
}
