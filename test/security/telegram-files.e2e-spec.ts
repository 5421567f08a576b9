/**
 * Files come only from Telegram (issue 12, finding 9). A local Bot API server (`--local`) answers getFile with an
 * absolute path on its disk; the bot reads such a path only when TELEGRAM_LOCAL_FILES=True, and only inside
 * TELEGRAM_LOCAL_FILES_DIR with symlinks resolved. Here the fake Bot API answers getFile for a voice note with a
 * path to a real Ogg/Opus clip: a clip the bot must not read would reach the fake speech-to-text server and be
 * recorded, so "not read" is checked where it shows — nothing transcribed, nothing recorded, the user told.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeStt, voiceFixtures } from '../fakes/fake-stt';
import { startTestApp, TestApp } from '../helpers/test-app';
import { messageUpdate, postUpdate } from '../helpers/updates';

const CLIP = voiceFixtures().find((f) => f.file === 'ru-groceries.ogg')!;
const DOWNLOAD_FAILED = '😔 Не удалось получить голосовое сообщение от Telegram. Ничего не записано.';

let nextChatId = 890_000_000;
let nextUpdateId = 890_000_000;

async function until<T>(check: () => T | undefined, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('security: files only from Telegram (e2e)', () => {
  let base: string;
  let botApiDir: string;
  let secretClip: string;
  const stt = new FakeStt();

  beforeAll(async () => {
    await stt.start();
    base = mkdtempSync(join(tmpdir(), 'ovozpay-local-files-'));
    botApiDir = join(base, 'telegram-bot-api');
    mkdirSync(join(botApiDir, 'TOKEN', 'voice'), { recursive: true });
    writeFileSync(join(botApiDir, 'TOKEN', 'voice', 'file_1.oga'), CLIP.bytes);
    // A file of this process's disk outside the Bot API server's directory (a valid clip, so reading it would show).
    secretClip = join(base, 'secret.oga');
    writeFileSync(secretClip, CLIP.bytes);
    symlinkSync(secretClip, join(botApiDir, 'TOKEN', 'voice', 'link.oga'));
  });
  afterAll(async () => {
    await stt.stop();
    rmSync(base, { recursive: true, force: true });
  });

  /** A voice note whose getFile answers `filePath`; resolves with the bot's first reply to the chat. */
  async function voiceNoteAt(t: TestApp, filePath: string): Promise<{ chatId: number; reply: string }> {
    const chatId = nextChatId++;
    const fileId = `local-${chatId}`;
    t.telegram.on('getFile', (call) => ({
      file_id: String(call.params.file_id),
      file_unique_id: `u-${fileId}`,
      file_size: CLIP.bytes.length,
      file_path: filePath,
    }));
    const voice = {
      file_id: fileId,
      file_unique_id: `u-${fileId}`,
      duration: Math.ceil(CLIP.duration_seconds),
      mime_type: 'audio/ogg',
      file_size: CLIP.bytes.length,
    };
    await postUpdate(t, messageUpdate(nextUpdateId++, chatId, { voice })).expect(200);
    const reply = await until(() => t.telegram.textsTo(chatId)[0]);
    return { chatId, reply };
  }

  const recorded = async (t: TestApp, chatId: number): Promise<number> =>
    (
      await t.db.query(
        'SELECT count(*)::int AS n FROM transactions t JOIN users u ON u.id = t.user_id WHERE u.telegram_chat_id = $1',
        [chatId],
      )
    )[0].n;

  const sttEnv = () => ({
    STT_PROVIDER: 'openai',
    STT_BASE_URL: stt.url,
    STT_API_KEY: 'sk-test',
    VOICE_RETRY_LIMIT: '0',
    VOICE_RETRY_DELAY_SECONDS: '1',
  });

  describe('TELEGRAM_LOCAL_FILES off (the default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp(sttEnv());
    });
    afterAll(() => t?.close());
    beforeEach(() => stt.reset());

    it.each([
      ['a file of this machine', () => secretClip],
      ['a path even inside a Bot API directory', () => join(botApiDir, 'TOKEN', 'voice', 'file_1.oga')],
    ])(
      'an absolute file_path (%s) is not read: nothing transcribed or recorded, the user is told',
      async (_what, path) => {
        const { chatId, reply } = await voiceNoteAt(t, path());
        expect(reply.startsWith(DOWNLOAD_FAILED)).toBe(true);
        expect(stt.requests).toHaveLength(0);
        expect(await recorded(t, chatId)).toBe(0);
        expect(t.telegram.downloads).toEqual([]);
      },
    );

    it('a relative file_path with "../" segments is not followed (they could climb out of /file/bot<token>/)', async () => {
      // The fake serves this clip at /file/bot<token>/voice/<id>.oga, where the dot segments would lead.
      t.telegram.addFile(`local-${nextChatId}`, CLIP.bytes);
      const { chatId, reply } = await voiceNoteAt(t, `voice/../voice/local-${nextChatId}.oga`);
      expect(reply.startsWith(DOWNLOAD_FAILED)).toBe(true);
      expect(stt.requests).toHaveLength(0);
      expect(t.telegram.downloads).toEqual([]);
      expect(await recorded(t, chatId)).toBe(0);
    });
  });

  describe('TELEGRAM_LOCAL_FILES=True with TELEGRAM_LOCAL_FILES_DIR', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({
        ...sttEnv(),
        TELEGRAM_LOCAL_FILES: 'True',
        TELEGRAM_LOCAL_FILES_DIR: botApiDir,
      });
    });
    afterAll(() => t?.close());
    beforeEach(() => stt.reset());

    it('reads a path inside the directory (transcribed and recorded)', async () => {
      const { chatId, reply } = await voiceNoteAt(t, join(botApiDir, 'TOKEN', 'voice', 'file_1.oga'));
      expect(reply).toContain(CLIP.phrase);
      expect(stt.requests).toHaveLength(1);
      expect(await recorded(t, chatId)).toBe(1);
    });

    it.each([
      ['"../" out of the directory', () => `${botApiDir}/TOKEN/voice/../../../secret.oga`],
      ['a symlink inside pointing outside', () => join(botApiDir, 'TOKEN', 'voice', 'link.oga')],
      ['a path outside the directory', () => secretClip],
    ])('refuses %s: nothing transcribed or recorded', async (_what, path) => {
      const { chatId, reply } = await voiceNoteAt(t, path());
      expect(reply.startsWith(DOWNLOAD_FAILED)).toBe(true);
      expect(stt.requests).toHaveLength(0);
      expect(await recorded(t, chatId)).toBe(0);
    });
  });
});
