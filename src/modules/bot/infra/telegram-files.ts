import { Injectable } from '@nestjs/common';
import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { isAbsolute, relative, sep } from 'node:path';
import { InjectBot } from 'nestjs-telegraf';
import type { Context, Telegraf } from 'telegraf';
import { AppConfig } from '../../../config/app-config';

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
 * A file_path from getFile that may be put after `<root>/file/bot<token>/`: Telegram's own paths ("voice/file_3.oga"),
 * nothing that would climb out of the file URL ("../"), start another URL, or carry a query or an escape.
 */
export function isPlainFilePath(path: string): boolean {
  if (
    !path ||
    path.startsWith('/') ||
    /[\\?#%\u0000-\u001f\u007f]/.test(path) ||
    /^[a-z][a-z0-9+.-]*:/i.test(path)
  )
    return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

/** Is `path` (already resolved) strictly inside the directory `root` (already resolved)? */
export function isInsideDirectory(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/**
 * Downloads a file a user sent: getFile, then its file URL under TELEGRAM_API_ROOT. At most 20 MB. The URL carries
 * the bot token: it is never logged nor put in an error.
 *
 * A local Bot API server started with `--local` answers getFile with an absolute path on its own disk instead. Such a
 * path is read only when TELEGRAM_LOCAL_FILES=True says this deployment runs one, and only inside its directory
 * (TELEGRAM_LOCAL_FILES_DIR, symlinks resolved): otherwise anybody able to answer getFile — a misconfigured or
 * hostile TELEGRAM_API_ROOT — could make the bot read and transcribe any file this process can open.
 */
@Injectable()
export class TelegramFiles {
  constructor(
    @InjectBot() private readonly bot: Telegraf<Context>,
    private readonly config: AppConfig,
  ) {}

  async download(fileId: string, limit = MAX_FILE_BYTES): Promise<{ bytes: Buffer; filePath: string }> {
    let file;
    try {
      file = await this.bot.telegram.getFile(fileId);
    } catch (error) {
      const status = telegramStatus(error);
      if (status === 400 && /too big/i.test((error as Error).message))
        throw new TelegramFileError('too_big', 'Telegram: file is too big', false);
      const permanent = status !== undefined && status >= 400 && status < 500 && status !== 429;
      throw new TelegramFileError('unavailable', `getFile failed${status ? ` (${status})` : ''}`, !permanent);
    }
    if ((file.file_size ?? 0) > limit)
      throw new TelegramFileError('too_big', `file is larger than ${limit} bytes`, false);
    const filePath = file.file_path ?? '';
    if (!filePath) throw new TelegramFileError('unavailable', 'getFile answered without a file_path', true);
    if (isAbsolute(filePath)) return { bytes: await this.readLocal(filePath, limit), filePath };
    if (!isPlainFilePath(filePath))
      throw new TelegramFileError(
        'unavailable',
        'getFile answered a file_path that is not a plain relative path',
        false,
      );
    const url = await this.bot.telegram.getFileLink(file);

    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    } catch (error) {
      const timedOut = (error as Error)?.name === 'TimeoutError';
      throw new TelegramFileError(
        'unavailable',
        timedOut ? 'file download timed out' : 'file download failed (network)',
        true,
      );
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new TelegramFileError(
        'unavailable',
        `file download answered ${response.status}`,
        response.status >= 500 || response.status === 429,
      );
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
      throw new TelegramFileError(
        'unavailable',
        (error as Error)?.name === 'TimeoutError' ? 'file download timed out' : 'file download broke off',
        true,
      );
    }
  }

  /** A path a local Bot API server (--local) handed out: read only when allowed, and only inside its directory. */
  private async readLocal(path: string, limit: number): Promise<Buffer> {
    const { enabled, dir } = this.config.localFiles;
    if (!enabled)
      throw new TelegramFileError(
        'unavailable',
        'getFile answered a local path, but TELEGRAM_LOCAL_FILES is off',
        false,
      );
    let real: string;
    let root: string;
    try {
      [root, real] = await Promise.all([realpath(dir), realpath(path)]);
    } catch {
      throw new TelegramFileError('unavailable', 'local file could not be read', true);
    }
    if (!isInsideDirectory(root, real))
      throw new TelegramFileError('unavailable', 'local file is outside TELEGRAM_LOCAL_FILES_DIR', false);
    let handle;
    try {
      // O_NOFOLLOW: the resolved path must not have become a symlink since it was resolved.
      handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
    } catch {
      throw new TelegramFileError('unavailable', 'local file could not be read', true);
    }
    try {
      const info = await handle.stat();
      if (!info.isFile())
        throw new TelegramFileError('unavailable', 'local path is not a regular file', false);
      if (info.size > limit)
        throw new TelegramFileError('too_big', `file is larger than ${limit} bytes`, false);
      return await handle.readFile();
    } catch (error) {
      if (error instanceof TelegramFileError) throw error;
      throw new TelegramFileError('unavailable', 'local file could not be read', true);
    } finally {
      await handle.close();
    }
  }
}
