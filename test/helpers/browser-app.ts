/**
 * The whole app on loopback with Debian's Chromium (playwright-core, no downloaded browser), for the Mini App tests
 * that drive it in a real browser; and REST sessions logged in the way the Mini App logs in (initData).
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Browser, chromium, Locator } from 'playwright-core';
import { signedInitData } from './init-data';
import { startTestApp, TestApp } from './test-app';
import { ensureWebBuild } from './web-build';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface BrowserApp {
  t: TestApp;
  /** http://127.0.0.1:<port>: the app listens there (PUBLIC_URL too). */
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Builds the Mini App if needed, starts the app on a free port and launches Chromium. */
export async function startBrowserApp(): Promise<BrowserApp> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `The Mini App browser tests need Chromium at ${CHROMIUM}: install it with \`apt-get install -y chromium\` (.ci/run does).`,
    );
  }
  await ensureWebBuild();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const t = await startTestApp({ PUBLIC_URL: base });
  await t.app.listen(port, '127.0.0.1');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  return {
    t,
    base,
    browser,
    close: async () => {
      await browser.close();
      await t.close();
    },
  };
}

/** Polls from Node (the page's CSP forbids the string evaluation waitForFunction would need). */
export async function reaches<T>(read: () => Promise<T>, want: T, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let got = await read();
  while (got !== want) {
    if (Date.now() > deadline) throw new Error(`expected ${String(want)}, got ${String(got)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    got = await read();
  }
}

export const countReaches = (locator: Locator, n: number) => reaches(() => locator.count(), n);

/** A REST session for the user (login with initData, like the app; the first name comes from initData). */
export async function restFor(t: TestApp, chatId: number, firstName: string) {
  const res = await t.http
    .post('/api/users/auth/telegram-login/')
    .send({
      telegram_chat_id: chatId,
      init_data: signedInitData(chatId, { user: { first_name: firstName } }),
    })
    .expect(200);
  const auth = { Authorization: `Bearer ${res.body.access as string}` };
  const me = await t.http.get('/api/users/me/').set(auth).expect(200);
  return {
    chatId,
    firstName,
    id: me.body.id as string,
    auth,
    get: (path: string) => t.http.get(path).set(auth),
    post: (path: string, body: object = {}) => t.http.post(path).set(auth).send(body),
  };
}

export type RestSession = Awaited<ReturnType<typeof restFor>>;
