import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import type { Context, Telegraf } from 'telegraf';
import type { AppConfig } from '../../../config/app-config';
import { isInsideDirectory, isPlainFilePath, TelegramFileError, TelegramFiles } from './telegram-files';

/** A bot whose getFile answers `file` (the download side is what is tested here). */
function botAnswering(file: { file_path?: string; file_size?: number }): Telegraf<Context> {
  const telegram = new Telegram('123:TOKEN', { apiRoot: 'http://telegram-bot-api:8081' } as never);
  telegram.getFile = async (fileId: string) => ({ file_id: fileId, file_unique_id: 'u', ...file });
  return { telegram } as unknown as Telegraf<Context>;
}

const localFiles = (enabled: boolean, dir: string) => ({ localFiles: { enabled, dir } }) as AppConfig;

describe('TelegramFiles: local Bot API files', () => {
  let base: string;
  let dir: string;
  let outside: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'ovozpay-files-'));
    dir = join(base, 'telegram-bot-api');
    mkdirSync(join(dir, 'TOKEN', 'voice'), { recursive: true });
    writeFileSync(join(dir, 'TOKEN', 'voice', 'file_1.oga'), Buffer.from('OggS-local'));
    outside = join(base, 'secret.txt');
    writeFileSync(outside, 'not yours');
    symlinkSync(outside, join(dir, 'TOKEN', 'voice', 'link.oga'));
    symlinkSync(base, join(dir, 'TOKEN', 'up'));
  });
  afterAll(() => rmSync(base, { recursive: true, force: true }));

  const download = (path: string, enabled = true, root = dir, limit?: number) =>
    new TelegramFiles(botAnswering({ file_path: path, file_size: 10 }), localFiles(enabled, root)).download(
      'f1',
      limit,
    );
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e as TelegramFileError,
    );

  it('reads an absolute path inside TELEGRAM_LOCAL_FILES_DIR when TELEGRAM_LOCAL_FILES is on', async () => {
    const path = join(dir, 'TOKEN', 'voice', 'file_1.oga');
    await expect(download(path)).resolves.toEqual({ bytes: Buffer.from('OggS-local'), filePath: path });
  });

  it('reads it through a directory that is itself a symlink (resolved on both sides)', async () => {
    const alias = join(base, 'alias');
    symlinkSync(dir, alias);
    await expect(download(join(alias, 'TOKEN', 'voice', 'file_1.oga'), true, alias)).resolves.toMatchObject({
      bytes: Buffer.from('OggS-local'),
    });
  });

  it.each([
    [
      'with TELEGRAM_LOCAL_FILES off (the default), even inside the directory',
      () => join(dir, 'TOKEN', 'voice', 'file_1.oga'),
      false,
    ],
    ['an absolute path outside the directory', () => outside, true],
    ['"../" out of the directory', () => join(dir, 'TOKEN', '..', '..', 'secret.txt'), true],
    ['"../" written literally', () => `${dir}/TOKEN/voice/../../../secret.txt`, true],
    ['a symlink inside pointing outside', () => join(dir, 'TOKEN', 'voice', 'link.oga'), true],
    ['a symlinked directory inside pointing outside', () => join(dir, 'TOKEN', 'up', 'secret.txt'), true],
    ['the directory itself', () => dir, true],
    ['/etc/passwd', () => '/etc/passwd', true],
  ])('refuses %s, without reading it', async (_what, path, enabled) => {
    const error = await failure(download(path(), enabled));
    expect(error).toBeInstanceOf(TelegramFileError);
    expect(error).toMatchObject({ kind: 'unavailable', retryable: false });
  });

  it('a local file larger than the limit is refused without reading it', async () => {
    const path = join(dir, 'TOKEN', 'voice', 'big.oga');
    writeFileSync(path, Buffer.alloc(2048));
    await expect(download(path, true, dir, 1024)).rejects.toMatchObject({
      kind: 'too_big',
      retryable: false,
    });
  });

  it('a missing local file may appear later (retryable)', async () => {
    await expect(download(join(dir, 'TOKEN', 'voice', 'not-yet.oga'))).rejects.toMatchObject({
      kind: 'unavailable',
      retryable: true,
    });
  });
});

describe('TelegramFiles: getFile answers', () => {
  it.each([
    [
      'getFile says it is over the limit',
      { file_path: 'voice/a.oga', file_size: 21 * 1024 * 1024 },
      'too_big',
      false,
    ],
    ['no file_path', { file_size: 1 }, 'unavailable', true],
    [
      'a relative path climbing out of the file URL',
      { file_path: '../../bot123:TOKEN/getMe', file_size: 1 },
      'unavailable',
      false,
    ],
  ])('%s → %s', async (_what, file, kind, retryable) => {
    const files = new TelegramFiles(botAnswering(file), localFiles(false, '/var/lib/telegram-bot-api'));
    const error = await files.download('f1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramFileError);
    expect(error).toMatchObject({ kind, retryable });
  });

  it.each([
    ['voice/file_3.oga', true],
    ['documents/file_12.pdf', true],
    ['file_0.jpg', true],
    ['../x', false],
    ['voice/../../x', false],
    ['voice/./file.oga', false],
    ['voice//file.oga', false],
    ['/etc/passwd', false],
    ['voice\\..\\x', false],
    ['https://evil.example/x', false],
    ['voice/file.oga?x=1', false],
    ['voice/file.oga#x', false],
    ['voice/%2e%2e/x', false],
    ['voice/file\n.oga', false],
    ['', false],
  ])('isPlainFilePath(%j) → %p', (path, plain) => {
    expect(isPlainFilePath(path)).toBe(plain);
  });

  it.each([
    ['/srv/api', '/srv/api/a/b', true],
    ['/srv/api', '/srv/api', false],
    ['/srv/api', '/srv/api2/a', false],
    ['/srv/api', '/srv/..api/a', false],
    ['/srv/api', '/srv/api/..x', true],
    ['/srv/api', '/etc/passwd', false],
  ])('isInsideDirectory(%j, %j) → %p', (root, path, inside) => {
    expect(isInsideDirectory(root, path)).toBe(inside);
  });
});
