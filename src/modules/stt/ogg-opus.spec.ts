import { voiceFixtures } from '../../../test/fakes/fake-stt';
import { decodeOggOpus, isOggOpus } from './ogg-opus';
import { rms } from './pcm';
import { SttError } from './stt.errors';

const fixtures = voiceFixtures();
const speech = fixtures.filter((f) => f.phrase !== '');
const noise = fixtures.find((f) => f.phrase === '')!;

describe('Ogg/Opus voice notes → 16 kHz mono PCM', () => {
  it('has speech fixtures in every language and a noise clip', () => {
    expect(new Set(speech.map((f) => f.language))).toEqual(new Set(['ru', 'uz', 'en']));
    expect(noise).toBeDefined();
  });

  it.each(speech.map((f) => [f.file, f] as const))('decodes %s to 16 kHz PCM of the clip’s length with speech in it', async (_file, fixture) => {
    const audio = await decodeOggOpus(fixture.bytes);
    expect(audio.sampleRate).toBe(16_000);
    expect(Math.abs(audio.samples.length - fixture.duration_seconds * 16_000)).toBeLessThan(1_600);
    expect(Math.abs(audio.durationSeconds - fixture.duration_seconds)).toBeLessThan(0.1);
    expect(rms(audio.samples)).toBeGreaterThan(0.02);
    expect(audio.samples.every((s) => Number.isFinite(s) && Math.abs(s) <= 1.5)).toBe(true);
  });

  it('decodes the noise clip as near-silence', async () => {
    const audio = await decodeOggOpus(noise.bytes);
    expect(Math.abs(audio.durationSeconds - noise.duration_seconds)).toBeLessThan(0.1);
    const level = rms(audio.samples);
    expect(level).toBeGreaterThan(0);
    expect(level).toBeLessThan(0.01);
  });

  it('recognises Ogg/Opus by its capture pattern and OpusHead', () => {
    for (const f of fixtures) expect(isOggOpus(f.bytes)).toBe(true);
    const vorbis = Buffer.from(fixtures[0].bytes);
    vorbis.write('\x01vorbis\0', 28, 'latin1');
    expect(isOggOpus(vorbis)).toBe(false);
    expect(isOggOpus(Buffer.from('RIFF....WAVEfmt '.repeat(4)))).toBe(false);
    expect(isOggOpus(Buffer.alloc(0))).toBe(false);
  });

  it.each([
    ['a WAV file', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(60)])],
    ['an MP3 file', Buffer.concat([Buffer.from('ID3'), Buffer.alloc(60)])],
    ['empty input', Buffer.alloc(0)],
    ['a truncated Ogg/Opus header', fixtures[0].bytes.subarray(0, 60)],
  ])('refuses %s as unsupported audio', async (_what, bytes) => {
    const error = await decodeOggOpus(bytes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SttError);
    expect(error).toMatchObject({ kind: 'unsupported_audio', retryable: false });
  });
});
