/** `npm run parse` (src/cli/parse.ts) as a user runs it: lines on stdin, one JSON line per line on stdout. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

function run(args: string[], input: string) {
  const res = spawnSync(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/cli/parse.ts', ...args],
    {
      cwd: ROOT,
      input,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('npm run parse', () => {
  const NOW = ['--now', '2026-11-29T10:00:00+05:00'];

  it('writes exactly one JSON line per input line, in order, with the docs/interface.md §6 shape', () => {
    const input = [
      'потратил 50000 на продукты',
      '',
      'kecha taksiga 20 ming berdim',
      'hello',
      'какой у меня баланс',
    ].join('\n');
    const { code, stdout, stderr } = run(NOW, `${input}\n`);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toEqual({
      language: 'ru',
      items: [
        {
          type: 'expense',
          amount: '50000.00',
          currency: 'UZS',
          category: 'groceries',
          description: 'продукты',
          date: '2026-11-29',
        },
      ],
      intent: 'transaction',
    });
    expect(Object.keys(out[0])).toEqual(['language', 'items', 'intent']);
    expect(out[1]).toEqual({ language: 'ru', items: [], intent: 'unknown' });
    expect(out[2]).toMatchObject({
      language: 'uz',
      intent: 'transaction',
      items: [{ type: 'expense', amount: '20000.00', category: 'transport', date: '2026-11-28' }],
    });
    expect(out[3]).toEqual({ language: 'en', items: [], intent: 'smalltalk' });
    expect(out[4]).toEqual({ language: 'ru', items: [], intent: 'balance_query' });
  });

  it('handles CRLF input, a last line without newline, and --currency / --lang', () => {
    const { code, stdout } = run([...NOW, '--currency', 'USD', '--lang', 'en'], 'потратил 5\r\nполучил 7');
    expect(code).toBe(0);
    const out = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { language: string; items: Array<{ amount: string; currency: string }> });
    expect(out).toHaveLength(2);
    expect(out.map((o) => o.language)).toEqual(['en', 'en']);
    expect(out.map((o) => `${o.items[0].amount} ${o.items[0].currency}`)).toEqual(['5.00 USD', '7.00 USD']);
  });

  it.each([
    [['--lang', 'de']],
    [['--currency', 'GBP']],
    [['--now', 'yesterday']],
    [['--frobnicate']],
    [['--lang']],
  ])('rejects %j with one stderr line and exit code 2', (args) => {
    const { code, stdout, stderr } = run(args, 'потратил 5000\n');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
