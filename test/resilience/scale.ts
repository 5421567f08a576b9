/** RESILIENCE_SCALE=small (CI, default) or full: how many updates each scenario pushes through. */
export const SCALE = process.env.RESILIENCE_SCALE === 'full' ? 'full' : 'small';
export const scaled = (small: number, full: number): number => (SCALE === 'full' ? full : small);
