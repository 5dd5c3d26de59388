import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { compareTrees, ourGeometry, qtGeometry, runScene, VIEWS_DIR } from './views-harness';

const scenes = readdirSync(VIEWS_DIR)
  .filter((f) => f.endsWith('.geometry.json'))
  .map((f) => f.replace(/\.geometry\.json$/, ''))
  .sort();

describe('views: item trees equal the ones real Qt 6.4 dumped (test/fixtures/qt/views)', () => {
  test.each(scenes)('%s', async (name) => {
    const run = await runScene(name);
    expect(compareTrees(qtGeometry(name), ourGeometry(run))).toEqual([]);
    expect(run.output).toEqual([]);
  });
});
