import { Logger } from '@nestjs/common';
import { BackgroundWork } from './background-work';

const logger = () => {
  const lines: string[] = [];
  return { lines, logger: { error: (line: string) => lines.push(line) } as unknown as Logger };
};

describe('BackgroundWork', () => {
  it('runs tasks one after another; settled waits for tasks added while it waits', async () => {
    const { logger: l } = logger();
    const work = new BackgroundWork(l, 'failed');
    const order: string[] = [];
    work.add(async () => {
      await new Promise((r) => setTimeout(r, 5));
      order.push('a');
      work.add(async () => {
        order.push('c');
      });
    });
    work.add(async () => {
      order.push('b');
    });
    await work.settled();
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('a failing task is logged and the next one still runs', async () => {
    const { logger: l, lines } = logger();
    const work = new BackgroundWork(l, 'News not sent');
    let ran = false;
    work.add(async () => {
      throw new Error('telegram down');
    });
    work.add(async () => {
      ran = true;
    });
    await work.settled();
    expect(lines).toEqual(['News not sent: telegram down']);
    expect(ran).toBe(true);
  });

  it('drain gives up after its time limit', async () => {
    const { logger: l } = logger();
    const work = new BackgroundWork(l, 'failed');
    work.add(() => new Promise((r) => setTimeout(r, 1_000)));
    const started = Date.now();
    await work.drain(20);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
