/**
 * Pure PCM helpers for local transcription: anti-aliased integer-factor decimation (48 kHz → 16 kHz for
 * whisper.cpp), channel down-mix and Float32 → Int16 conversion. No dependencies.
 */

const kernels = new Map<string, Float32Array>();

/**
 * A Blackman-windowed sinc low-pass FIR (odd length, symmetric, unity gain at DC) with its cutoff at
 * `cutoff` × the input Nyquist frequency.
 */
export function lowPassKernel(taps: number, cutoff: number): Float32Array {
  const key = `${taps}:${cutoff}`;
  const cached = kernels.get(key);
  if (cached) return cached;
  if (!Number.isInteger(taps) || taps < 1 || taps % 2 === 0) throw new RangeError('taps must be a positive odd integer');
  if (!(cutoff > 0 && cutoff <= 1)) throw new RangeError('cutoff must be in (0, 1]');
  const kernel = new Float32Array(taps);
  const middle = (taps - 1) / 2;
  let sum = 0;
  for (let i = 0; i < taps; i++) {
    const x = i - middle;
    const sinc = x === 0 ? cutoff : Math.sin(Math.PI * cutoff * x) / (Math.PI * x);
    const window = taps === 1 ? 1 : 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (taps - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (taps - 1));
    kernel[i] = sinc * window;
    sum += kernel[i];
  }
  for (let i = 0; i < taps; i++) kernel[i] /= sum;
  kernels.set(key, kernel);
  return kernel;
}

export interface DecimateOptions {
  /** FIR length (odd). 121 taps at 48 kHz give a ~2 kHz transition band. */
  taps?: number;
  /** Cutoff as a fraction of the output Nyquist frequency (0.9 → 7.2 kHz for 16 kHz output). */
  cutoff?: number;
}

/**
 * Downsamples by an integer `factor`: low-pass filters (zero-phase, samples outside the signal count as 0) and
 * keeps every `factor`-th sample, computing only the kept ones. Output length is ceil(input / factor).
 */
export function decimate(input: Float32Array, factor: number, options: DecimateOptions = {}): Float32Array {
  if (!Number.isInteger(factor) || factor < 1) throw new RangeError('factor must be a positive integer');
  if (factor === 1) return Float32Array.from(input);
  const kernel = lowPassKernel(options.taps ?? 121, (options.cutoff ?? 0.9) / factor);
  const half = (kernel.length - 1) / 2;
  const n = input.length;
  const output = new Float32Array(Math.ceil(n / factor));
  for (let k = 0; k < output.length; k++) {
    const centre = k * factor;
    const from = Math.max(0, centre - half);
    const to = Math.min(n - 1, centre + half);
    let acc = 0;
    for (let i = from; i <= to; i++) acc += input[i] * kernel[i - centre + half];
    output[k] = acc;
  }
  return output;
}

/** Resamples between rates whose ratio is an integer (48000 → 16000, 48000 → 8000, …). */
export function resample(input: Float32Array, fromRate: number, toRate: number, options?: DecimateOptions): Float32Array {
  const factor = fromRate / toRate;
  if (!Number.isInteger(factor) || factor < 1) {
    throw new RangeError(`cannot resample ${fromRate} Hz to ${toRate} Hz (only integer down-sampling factors)`);
  }
  return decimate(input, factor, options);
}

/** Averages channels into one (a mono input is returned as is). */
export function downmix(channels: Float32Array[]): Float32Array {
  if (channels.length === 0) return new Float32Array(0);
  if (channels.length === 1) return channels[0];
  const length = Math.min(...channels.map((c) => c.length));
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i] += channel[i] / channels.length;
  return mono;
}

/** Float samples in [-1, 1] → signed 16-bit PCM (clipped, rounded). */
export function floatToInt16(samples: Float32Array): Int16Array {
  const out = new Int16Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    out[i] = s < 0 ? Math.round(s * 32768) : Math.round(s * 32767);
  }
  return out;
}

/** Root mean square of the samples (0 for none). */
export function rms(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
  return Math.sqrt(sum / samples.length);
}
