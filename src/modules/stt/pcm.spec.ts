import { decimate, downmix, floatToInt16, lowPassKernel, resample, rms } from './pcm';

const sine = (frequency: number, rate: number, seconds: number, amplitude = 0.5) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => amplitude * Math.sin((2 * Math.PI * frequency * i) / rate));

/** RMS away from the edges (where the zero-padded filter sees half a window). */
const interiorRms = (samples: Float32Array) => rms(samples.subarray(200, samples.length - 200));
const db = (ratio: number) => 20 * Math.log10(ratio);

describe('resampling 48 kHz → 16 kHz', () => {
  it.each([
    [48_000, 16_000],
    [48_001, 16_001],
    [3, 1],
    [4, 2],
    [1, 1],
    [0, 0],
  ])('%i input samples give %i output samples', (n, expected) => {
    expect(resample(new Float32Array(n), 48_000, 16_000)).toHaveLength(expected);
  });

  it.each([
    // frequency (Hz), expected gain in dB: [min, max]
    [100, -0.1, 0.1],
    [440, -0.1, 0.1],
    [1_000, -0.1, 0.1],
    [3_000, -0.1, 0.1],
    [5_000, -0.5, 0.1],
    [9_000, -Infinity, -40], // would alias to 7 kHz
    [12_000, -Infinity, -60], // would alias to 4 kHz
    [20_000, -Infinity, -60], // would alias to 4 kHz
  ])('a %i Hz tone comes out at %d…%d dB', (frequency, min, max) => {
    const input = sine(frequency, 48_000, 0.5);
    const gain = db(interiorRms(resample(input, 48_000, 16_000)) / interiorRms(input));
    expect(gain).toBeGreaterThanOrEqual(min);
    expect(gain).toBeLessThanOrEqual(max);
  });

  it('keeps a tone at its frequency (zero crossings of 1 kHz over one second)', () => {
    const out = resample(sine(1_000, 48_000, 1), 48_000, 16_000);
    let crossings = 0;
    for (let i = 1; i < out.length; i++) if (out[i - 1] < 0 !== out[i] < 0) crossings++;
    expect(crossings).toBeGreaterThanOrEqual(1_998);
    expect(crossings).toBeLessThanOrEqual(2_001);
  });

  it('preserves DC and does not shift the signal in time (zero phase)', () => {
    const dc = resample(new Float32Array(4_800).fill(0.25), 48_000, 16_000);
    expect(dc[800]).toBeCloseTo(0.25, 5);
    const impulse = new Float32Array(4_800);
    impulse[2_400] = 1;
    const out = resample(impulse, 48_000, 16_000);
    const peak = out.indexOf(Math.max(...out));
    expect(peak).toBe(800);
  });

  it('refuses non-integer ratios and up-sampling', () => {
    expect(() => resample(new Float32Array(10), 44_100, 16_000)).toThrow(/44100 Hz to 16000 Hz/);
    expect(() => resample(new Float32Array(10), 16_000, 48_000)).toThrow(RangeError);
    expect(() => decimate(new Float32Array(10), 0)).toThrow(RangeError);
  });

  it('builds a symmetric unity-gain kernel', () => {
    const kernel = lowPassKernel(121, 0.3);
    expect(kernel).toHaveLength(121);
    expect(kernel.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    for (let i = 0; i < 60; i++) expect(kernel[i]).toBeCloseTo(kernel[120 - i], 7);
    expect(() => lowPassKernel(120, 0.3)).toThrow(/odd/);
  });
});

describe('PCM helpers', () => {
  it.each([
    [0, 0],
    [0.5, 16_384],
    [-0.5, -16_384],
    [1, 32_767],
    [-1, -32_768],
    [1.7, 32_767],
    [-3, -32_768],
  ])('float %d → int16 %i', (input, expected) => {
    expect(floatToInt16(Float32Array.of(input))[0]).toBe(expected);
  });

  it('averages channels into mono and passes mono through', () => {
    expect(Array.from(downmix([Float32Array.of(1, 0, 0.5), Float32Array.of(0, 0, 0.5, 9)]))).toEqual([0.5, 0, 0.5]);
    const mono = Float32Array.of(0.1, 0.2);
    expect(downmix([mono])).toBe(mono);
    expect(downmix([])).toHaveLength(0);
  });

  it('measures RMS', () => {
    expect(rms(new Float32Array(0))).toBe(0);
    expect(rms(Float32Array.of(0.5, -0.5))).toBeCloseTo(0.5);
    expect(rms(sine(100, 48_000, 1, 1))).toBeCloseTo(Math.SQRT1_2, 3);
  });
});
