// Malformed QML, share 1 of 4 of the corpus: see corpus.ts.
import { expect, test } from 'vitest';
import { fuzzShare } from './corpus';

test('mutated files load or fail with a positioned QmlError (share 1 of 4)', {
  timeout: 120_000,
}, async () => {
  const stats = await fuzzShare(1, 4, 2600);
  expect(stats.cases).toBeGreaterThanOrEqual(2600);
  console.log(
    `fuzz share 1: ${stats.cases} cases, ${stats.loaded} loaded, ${stats.errors} errors, slowest ${stats.slowestMs.toFixed(0)} ms (${stats.slowest})`,
  );
});
