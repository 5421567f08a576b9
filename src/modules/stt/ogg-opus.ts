import { SttError } from './stt.errors';
import { downmix, resample } from './pcm';

/** Whisper's input rate. */
export const WHISPER_SAMPLE_RATE = 16_000;

export interface DecodedAudio {
  /** Mono PCM at `sampleRate`, floats in [-1, 1]. */
  samples: Float32Array;
  sampleRate: number;
  durationSeconds: number;
}

/** True when the bytes are an Ogg stream whose first logical stream is Opus ("OggS" page carrying "OpusHead"). */
export function isOggOpus(bytes: Uint8Array): boolean {
  if (bytes.length < 28 + 8) return false;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.toString('latin1', 0, 4) !== 'OggS') return false;
  const segments = buf[26];
  const payload = 27 + segments;
  return buf.length >= payload + 8 && buf.toString('latin1', payload, payload + 8) === 'OpusHead';
}

interface OggOpusDecoderLike {
  ready: Promise<void>;
  decodeFile(data: Uint8Array): Promise<{ channelData: Float32Array[]; samplesDecoded: number; sampleRate: number; errors: unknown[] }>;
  free(): void;
}
type OggOpusDecoderModule = { OggOpusDecoder: new (options?: { forceStereo?: boolean }) => OggOpusDecoderLike };

// ogg-opus-decoder is ESM-only and this project is CommonJS: keep the import() away from the TypeScript transform.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;
let decoderModule: Promise<OggOpusDecoderModule> | undefined;

function loadDecoder(): Promise<OggOpusDecoderModule> {
  decoderModule ??= importEsm('ogg-opus-decoder').then((m) => m as OggOpusDecoderModule);
  return decoderModule;
}

/**
 * Decodes an Ogg/Opus voice note in-process (WebAssembly libopus at 48 kHz), down-mixes to mono and resamples to
 * `sampleRate` (16 kHz by default) with an anti-aliasing filter. Not Ogg/Opus, or nothing decodable →
 * SttError('unsupported_audio').
 */
export async function decodeOggOpus(bytes: Uint8Array, sampleRate = WHISPER_SAMPLE_RATE): Promise<DecodedAudio> {
  if (!isOggOpus(bytes)) {
    throw new SttError('unsupported_audio', 'the voice note is not Ogg/Opus audio', false);
  }
  const { OggOpusDecoder } = await loadDecoder();
  const decoder = new OggOpusDecoder();
  try {
    await decoder.ready;
    const decoded = await decoder.decodeFile(new Uint8Array(bytes));
    if (decoded.samplesDecoded === 0) {
      throw new SttError('unsupported_audio', 'the voice note holds no decodable Opus audio', false);
    }
    const mono = downmix(decoded.channelData).subarray(0, decoded.samplesDecoded);
    const samples = resample(mono, decoded.sampleRate, sampleRate);
    return { samples, sampleRate, durationSeconds: samples.length / sampleRate };
  } catch (error) {
    if (error instanceof SttError) throw error;
    throw new SttError('unsupported_audio', 'the voice note could not be decoded as Ogg/Opus', false, { cause: error });
  } finally {
    decoder.free();
  }
}
