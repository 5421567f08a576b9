/**
 * Parser throughput on one core: phrases/s over the regression corpus plus generated phrases, run in rounds;
 * the median round is reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePhrase } from '../src/modules/nlu';
import { median } from './stats';

export interface ParserBenchResult {
  phrases: number;
  rounds: number[];
  medianPerSecond: number;
  /** Every phrase carrying a word never seen before (defeats the parser's word cache). */
  coldRounds: number[];
  coldMedianPerSecond: number;
}

export function loadBenchPhrases(): string[] {
  const corpus = readFileSync(
    join(__dirname, '..', 'test', 'fixtures', 'nlu', 'original_phrases.jsonl'),
    'utf8',
  )
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { text: string }).text);
  const extra = [
    'Потратил 50000 сум на продукты',
    'taksiga 20 ming berdim',
    'got paid 500 dollars',
    'купил хлеб за 5000 и молоко за 12 тысяч',
    'вчера заплатил за интернет сто двадцать тысяч',
    'ellik ming so‘m ovqatga ketdi',
    'тўқсон минг сўм дорига',
    'зарплата 5 млн',
    'spent fifty thousand on groceries yesterday',
    'какой у меня баланс',
  ];
  return [...corpus, ...extra];
}

export function runParserBench(roundMs = 1000, roundsCount = 5): ParserBenchResult {
  const phrases = loadBenchPhrases();
  const options = {
    defaultCurrency: 'UZS' as const,
    now: new Date('2026-11-29T10:00:00+05:00'),
    timeZone: 'Asia/Tashkent',
  };
  for (let i = 0; i < 2000; i++) parsePhrase(phrases[i % phrases.length], options); // warm-up (JIT)
  const rounds: number[] = [];
  for (let r = 0; r < roundsCount; r++) {
    let count = 0;
    const start = process.hrtime.bigint();
    let elapsedNs = 0n;
    while (elapsedNs < BigInt(roundMs) * 1_000_000n) {
      for (let i = 0; i < phrases.length; i++) parsePhrase(phrases[i], options);
      count += phrases.length;
      elapsedNs = process.hrtime.bigint() - start;
    }
    rounds.push((count * 1e9) / Number(elapsedNs));
  }
  const coldRounds: number[] = [];
  let unique = 0;
  for (let r = 0; r < roundsCount; r++) {
    const fresh = phrases.map((p) => `${p} q${(unique++).toString(36)}x`); // built before the clock starts
    const start = process.hrtime.bigint();
    for (let i = 0; i < fresh.length; i++) parsePhrase(fresh[i], options);
    coldRounds.push((fresh.length * 1e9) / Number(process.hrtime.bigint() - start));
  }
  return {
    phrases: phrases.length,
    rounds,
    medianPerSecond: median(rounds),
    coldRounds,
    coldMedianPerSecond: median(coldRounds),
  };
}
