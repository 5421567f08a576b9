/**
 * The benchmark's fake Bot API (test/fakes/fake-telegram.ts) alone in its own process, for measuring it without the
 * load generator beside it: prints its URL on the first line of stdout and runs until SIGTERM.
 */
import { FakeTelegram } from '../test/fakes/fake-telegram';

void new FakeTelegram().start().then((telegram) => {
  process.stdout.write(`${telegram.url}\n`);
  process.on('SIGTERM', () => void telegram.stop().then(() => process.exit(0)));
});
