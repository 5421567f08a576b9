import { progressBar, progressPercent } from './progress';

describe('goal progress', () => {
  it.each([
    [0n, 100n, 0],
    [1n, 300n, 0],
    [40n, 100n, 40],
    [120000000n, 300000000n, 40],
    [99999n, 100000n, 99],
    [100n, 100n, 100],
    [250n, 100n, 100],
    [1n, 3n, 33],
  ])('saved %s of %s → %s %%', (saved, target, percent) => {
    expect(progressPercent(saved, target)).toBe(percent);
  });

  it.each([
    [0, '░░░░░░░░░░ 0%'],
    [3, '▓░░░░░░░░░ 3%'],
    [40, '▓▓▓▓░░░░░░ 40%'],
    [45, '▓▓▓▓░░░░░░ 45%'],
    [99, '▓▓▓▓▓▓▓▓▓░ 99%'],
    [100, '▓▓▓▓▓▓▓▓▓▓ 100%'],
    [130, '▓▓▓▓▓▓▓▓▓▓ 100%'],
  ])('bar for %s %%', (percent, bar) => {
    expect(progressBar(percent)).toBe(bar);
  });
});
