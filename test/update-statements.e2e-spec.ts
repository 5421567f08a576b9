/**
 * The statements one webhook update costs (issue 16, docs/benchmarks-analysis.md): a recorded message is four — the
 * claim with the sender's reads, the insert, the pattern read, the done-mark with the message link — and an answer
 * such as /help two. Counted at the `pg` driver, which the embedded engine is reached through too. A change that adds
 * a round trip to every update fails here with the list of what was sent.
 */
import { Client } from 'pg';
import { startTestApp, TestApp } from './helpers/test-app';
import { deliverUpdate, messageUpdate } from './helpers/updates';

describe('statements per webhook update (e2e)', () => {
  let t: TestApp;
  let nextUpdateId = 8_800_000;
  const chatId = 8_800_001;

  beforeAll(async () => {
    t = await startTestApp();
    await deliverUpdate(t, messageUpdate(++nextUpdateId, chatId, { text: '/start' }));
  });
  afterAll(() => t?.close());

  /** The statements the app sent while one update was delivered (the job queue's own polling left out). */
  async function statementsOf(text: string): Promise<string[]> {
    const spy = jest.spyOn(Client.prototype, 'query'); // calls through, recording each call
    try {
      await deliverUpdate(t, messageUpdate(++nextUpdateId, chatId, { text }));
      return spy.mock.calls
        .map(([first]) => (typeof first === 'string' ? first : ((first as { text?: string })?.text ?? '')))
        .filter((sql) => !sql.includes('pgboss.'))
        .map((sql) => sql.replace(/\s+/g, ' ').trim());
    } finally {
      spy.mockRestore();
    }
  }

  it('a recorded message: four statements (claim, insert, pattern read, link with the done-mark)', async () => {
    await statementsOf('кофе 18000'); // the first record of a user may set up what later ones reuse
    const sent = await statementsOf('такси 22000');
    expect(sent).toHaveLength(4);
    expect(sent[0]).toMatch(/INSERT INTO processed_updates/); // the claim, with the sender's reads
    expect(sent[1]).toMatch(/INSERT INTO "?transactions"?/);
    expect(sent[2]).toMatch(/FROM transactions t WHERE/); // the pattern read
    expect(sent[3]).toMatch(/INSERT INTO message_links.*UPDATE processed_updates/); // the link with the done-mark
  });

  it('an answer that records nothing (/help): two statements', async () => {
    const sent = await statementsOf('/help');
    expect(sent).toHaveLength(2);
  });
});
