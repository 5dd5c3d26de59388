// How WebSocket reads urls and counts bytes, as QUrl and QString::toUtf8 do.
import { describe, expect, test } from 'vitest';
import { isValidUrl, schemeOf, utf8Length, withoutLoneSurrogates } from '../../../src/websockets/WebSocket';

describe('urls, the way QQmlWebSocket sees them', () => {
  test('the scheme is lower-cased; a url without one has the empty scheme ("foo")', () => {
    expect(schemeOf('ws://127.0.0.1:3000')).toBe('ws');
    expect(schemeOf('WS://127.0.0.1:3000')).toBe('ws');
    expect(schemeOf('wss://example.org/chat')).toBe('wss');
    expect(schemeOf('http://127.0.0.1')).toBe('http');
    expect(schemeOf('foo')).toBe('');
  });

  test('Qt does not open an empty url or one with a port past 65535 (both invalid QUrls)', () => {
    expect(isValidUrl('')).toBe(false);
    expect(isValidUrl('ws://127.0.0.1:99999')).toBe(false);
    expect(isValidUrl('ws://127.0.0.1:65535')).toBe(true);
    expect(isValidUrl('ws://127.0.0.1:3000/some/path?x=1')).toBe(true);
    expect(isValidUrl('ws://[::1]:3000')).toBe(true);
    expect(isValidUrl('ws://user@host:80/')).toBe(true);
    expect(isValidUrl('ws://')).toBe(true);
    expect(isValidUrl('foo')).toBe(true);
    expect(isValidUrl('ws://a b')).toBe(false);
  });
});

describe('byte counts returned by sendTextMessage', () => {
  test('UTF-8 length: 1 to 4 bytes per character; a lone surrogate counts as U+FFFD, as TextEncoder writes it', () => {
    expect(utf8Length('')).toBe(0);
    expect(utf8Length('ping')).toBe(4);
    expect(utf8Length('h\u00e9llo \u2713 \ud83d\ude00')).toBe(15);
    expect(utf8Length('\ud83d')).toBe(3);
    expect(utf8Length('\ude00x')).toBe(4);
  });
  test('a message keeps its surrogate pairs; a lone surrogate becomes "?" before it is sent', () => {
    expect(withoutLoneSurrogates('pair \ud83d\ude00')).toBe('pair \ud83d\ude00');
    expect(withoutLoneSurrogates('a\ud83db\ude00c\ud83d')).toBe('a?b?c?');
    expect(utf8Length(withoutLoneSurrogates('lone \ud800 high'))).toBe(11);
  });
});
