import { expect, test } from 'vitest';

test('runs in a real browser with WebGL', () => {
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2');
  expect(gl).not.toBeNull();
});
