import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegram } from 'telegraf';
import type { Context, Telegraf } from 'telegraf';
import { TelegramFileError, TelegramFiles } from './telegram-files';

/** A bot whose getFile answers `file` (the download side is what is tested here). */
function botAnswering(file: { file_path?: string; file_size?: number }): Telegraf<Context> {
  const telegram = new Telegram('123:TOKEN', { apiRoot: 'http://telegram-bot-api:8081' } as never);
  telegram.getFile = async (fileId: string) => ({ file_id: fileId, file_unique_id: 'u', ...file });
  return { telegram } as unknown as Telegraf<Context>;
}

describe('TelegramFiles', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ovozpay-files-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the absolute path a local Bot API server (--local) answers with', async () => {
    const path = join(dir, 'voice.oga');
    writeFileSync(path, Buffer.from('OggS-local'));
    const files = new TelegramFiles(botAnswering({ file_path: path, file_size: 10 }));
    await expect(files.download('f1')).resolves.toEqual({ bytes: Buffer.from('OggS-local'), filePath: path });
  });

  it.each([
    ['getFile says it is over the limit', { file_path: 'voice/a.oga', file_size: 21 * 1024 * 1024 }, 'too_big', false],
    ['a local file over the limit', { file_path: '/dev/zero-not-here', file_size: 1 }, 'unavailable', true],
    ['no file_path', { file_size: 1 }, 'unavailable', true],
  ])('%s → %s', async (_what, file, kind, retryable) => {
    const files = new TelegramFiles(botAnswering(file));
    const error = await files.download('f1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TelegramFileError);
    expect(error).toMatchObject({ kind, retryable });
  });

  it('a local file larger than the limit is refused without reading it', async () => {
    const path = join(dir, 'big.oga');
    writeFileSync(path, Buffer.alloc(2048));
    const files = new TelegramFiles(botAnswering({ file_path: path, file_size: 10 }));
    await expect(files.download('f1', 1024)).rejects.toMatchObject({ kind: 'too_big', retryable: false });
  });
});
