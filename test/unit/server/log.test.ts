import { afterEach, describe, expect, test } from 'vitest';
import { BatchedLog, escapeForLog, formatMessageForLog } from '../../../server/echo-server';
import { cleanup, nextEvent, startServer, TestClient } from './helpers';

afterEach(cleanup);

describe('log lines', { timeout: 30_000 }, () => {
  test('writes the book\'s lines: "listening on port N", "client connected", "Message: <text>"', async () => {
    const { handle, logs } = await startServer();
    const client = await new TestClient(handle.url).ready();
    await client.echo('hello');
    await client.echo(Buffer.from('twelve bytes'), true);
    expect(logs).toEqual([
      `listening on port ${handle.port}`,
      'client connected',
      'Message: hello',
      'Message: <binary 12 bytes>',
    ]);
  });

  test('escapes newlines and control characters so a message cannot forge a log line', async () => {
    const { handle, logs } = await startServer();
    const client = await new TestClient(handle.url).ready();
    await client.echo('hi\nclient connected\r\nMessage: forged\u001b[2J\u0000\t\\n');
    const lines = logs.join('\n').split('\n');
    expect(lines.filter((line) => line === 'client connected')).toHaveLength(1);
    expect(logs.at(-1)).toBe('Message: hi\\nclient connected\\r\\nMessage: forged\\x1b[2J\\x00\\t\\\\n');
  });

  test('escapes Unicode line separators and bidirectional overrides', () => {
    expect(escapeForLog('a\u2028b\u2029c\u202ed\u2066e\u0085f\u007f', 200)).toBe(
      'a\\u{2028}b\\u{2029}c\\u{202e}d\\u{2066}e\\x85f\\x7f',
    );
    expect(escapeForLog('ünïcödé ✓ 😀', 200)).toBe('ünïcödé ✓ 😀');
  });

  test('cuts long messages to maxLogChars and gives the full size in bytes', async () => {
    const { handle, logs } = await startServer({ maxLogChars: 20 });
    const client = await new TestClient(handle.url).ready();
    const long = 'x'.repeat(100_000);
    await client.echo(long);
    expect(logs.at(-1)).toBe(`Message: ${'x'.repeat(20)}… (100000 bytes)`);
  });

  test('cuts at 200 characters by default and never splits an escape or a character', () => {
    const text = Buffer.from(`${'é'.repeat(199)}😀😀`);
    expect(formatMessageForLog(text, false, 200)).toBe(`${'é'.repeat(199)}… (${text.length} bytes)`);
    expect(escapeForLog(`${'a'.repeat(199)}\n`, 200)).toBe(`${'a'.repeat(199)}… (200 bytes)`);
    expect(escapeForLog('a'.repeat(200), 200)).toBe('a'.repeat(200));
  });

  test('logs binary messages by size only', () => {
    expect(formatMessageForLog(Buffer.from('line\nbreak'), true, 200)).toBe('<binary 10 bytes>');
  });

  test('escapes a refused Origin in the log', async () => {
    const { handle, logs } = await startServer({ allowedOrigins: ['http://ok.example'] });
    const rejected = nextEvent(handle, 'reject');
    const client = new TestClient(handle.url, { origin: 'http://evil.example\tx' });
    await rejected;
    await client.closed;
    expect(logs.at(-1)).toBe('client rejected: origin http://evil.example\\tx not allowed');
  });

  test('a burst of lines reaches the sink in order, in one write per tick', async () => {
    const writes: string[] = [];
    const log = new BatchedLog((text) => writes.push(text));
    for (let i = 0; i < 1000; i++) log.log(`Message: ${i}`);
    // Nothing is written while the burst is being handled...
    expect(writes).toEqual([]);
    await new Promise((r) => setImmediate(r));
    // ...then all of it at once, every line in order.
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split('\n')).toEqual([...Array.from({ length: 1000 }, (_, i) => `Message: ${i}`), '']);
    log.log('next tick');
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([writes[0], 'next tick\n']);
  });

  test('a batch is written early once it holds maxChars, and flush() writes the rest', () => {
    const writes: string[] = [];
    const log = new BatchedLog((text) => writes.push(text), 100);
    for (let i = 0; i < 30; i++) log.log('0123456789');
    // 11 characters a line: a write every 10 lines (110 >= 100).
    expect(writes).toHaveLength(3);
    log.log('last');
    log.flush();
    expect(writes.join('').split('\n').filter(Boolean)).toHaveLength(31);
    expect(writes.at(-1)).toBe('last\n');
    log.flush();
    expect(writes).toHaveLength(4);
  });
});
