// What the browser transport makes of the Qt-measured scenes: a page learns
// only whether a connection had opened and its close code, so some failures
// come out as "Connection refused" (see src/websockets/browser-transport.ts).
// Shared by the Node test of the browser transport and the Chromium test.

/** Scenes whose Qt output the browser transport reproduces line for line. */
export const SAME_AS_QT = [
  'open_close',
  'reopen',
  'refused',
  'server_drop',
  'server_close_1000',
  'server_close_4000',
  'url_change',
  'url_change_connecting',
  'url_cleared',
  'late_url',
  'send_closed',
  'invalid_url',
  'close_while_connecting',
  'binary',
  'subprotocols',
  'arguments',
  'url_fragment',
  'lone_surrogate',
  'destroyed_while_open',
];

/** Failures a page cannot tell apart: each prints the sequence of a refused connection. */
export const REPORTED_AS_REFUSED = [
  'host_not_found',
  'upgrade_403',
  'upgrade_404',
  'hangup',
  'wss_plain',
  'self_signed',
];
// Not run in a browser: subprotocols_none_chosen. A browser fails the
// handshake when the server takes none of the requested subprotocols, where
// Qt (and the Node transport) opens the connection.

export const REFUSED_OUTPUT = [
  'qml: errorString ""',
  'qml: status Connecting ""',
  'qml: status Closed ""',
  'qml: errorString "Connection refused"',
  'qml: status Error "Connection refused"',
  'qml: done',
];
