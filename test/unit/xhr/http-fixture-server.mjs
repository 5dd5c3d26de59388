// The HTTP server the XMLHttpRequest scenes of test/fixtures/qt/xhr talk
// to (Qt 6.4.2 was recorded against it; see the fixtures' README):
// `node test/unit/xhr/http-fixture-server.mjs [PORT]` prints "listening on
// PORT". A process of its own: a scene's synchronous request blocks the
// process that makes it, as it does in Qt.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';

const port = Number(process.argv[2] ?? 0);
const server = createServer();
server.on('request', (req, res) => {
  // No Date header: the recorded headers stay the same from run to run.
  res.sendDate = false;
  let body = '';
  req.on('data', (c) => {
    body += c.toString('utf8');
  });
  req.on('end', () => {
    const u = req.url ?? '';
    const plain = { 'Content-Type': 'text/plain' };
    if (u === '/hello') {
      res.writeHead(200, 'OK', {
        'X-B': '2',
        'X-A': '1',
        'Content-Type': 'text/plain',
        'Set-Cookie': 'k=v',
      });
      res.end('hello world');
    } else if (u === '/empty') {
      res.writeHead(204, 'No Content');
      res.end();
    } else if (u === '/missing') {
      res.writeHead(404, 'Not Found', plain);
      res.end('nope');
    } else if (u === '/err') {
      res.writeHead(500, 'Internal Server Error', plain);
      res.end('boom');
    } else if (u === '/gone') {
      res.writeHead(410, 'Gone', plain);
      res.end('gone');
    } else if (u === '/teapot') {
      res.writeHead(418, "I'm a teapot", plain);
      res.end('tea');
    } else if (u === '/json') {
      res.writeHead(200, 'OK', { 'Content-Type': 'application/json' });
      res.end('{"a":[1,2],"b":"x"}');
    } else if (u === '/badjson') {
      res.writeHead(200, 'OK', { 'Content-Type': 'application/json' });
      res.end('{"a":');
    } else if (u === '/latin1') {
      res.writeHead(200, 'OK', { 'Content-Type': 'text/plain; charset=ISO-8859-1' });
      res.end(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    } else if (u === '/xml') {
      res.writeHead(200, 'OK', { 'Content-Type': 'application/xml' });
      res.end('<list><i>1</i><i>2</i></list>');
    } else if (u === '/dup') {
      res.writeHead(200, 'OK', [
        ['Content-Type', 'text/plain'],
        ['X-Dup', 'a'],
        ['X-Dup', 'b'],
      ]);
      res.end('dup');
    } else if (u === '/gzip') {
      res.writeHead(200, 'OK', { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
      res.end(gzipSync('unzipped'));
    } else if (u.startsWith('/bytes?')) {
      res.writeHead(200, 'OK', { 'Content-Type': `text/plain; charset=${u.slice(7)}` });
      res.end(Buffer.from([0x63, 0x80, 0xe9]));
    } else if (u === '/headers') {
      res.writeHead(200, 'OK', { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify(
          Object.keys(req.headers)
            .filter((k) => k.startsWith('x-'))
            .map((k) => [k, [...Buffer.from(req.headers[k], 'latin1')]]),
        ),
      );
    } else if (u === '/redirect-body') {
      res.writeHead(302, 'Found', { Location: '/hello', 'X-R': 'redirected', 'Content-Type': 'text/html' });
      res.end('redirect body');
    } else if (u === '/found') {
      res.writeHead(302, 'Found', { Location: '/echo' });
      res.end();
    } else if (u.startsWith('/loop')) {
      res.writeHead(302, 'Found', {
        Location: `/loop${Number(u.slice(5) || 0) + 1}`,
        'Content-Type': 'text/plain',
      });
      res.end(`loop ${u.slice(5)}`);
    } else if (u === '/multiple') {
      res.writeHead(300, 'Multiple Choices', { Location: '/hello', 'Content-Type': 'text/plain' });
      res.end('choose');
    } else if (u === '/redirect') {
      res.writeHead(302, 'Found', { Location: '/hello' });
      res.end();
    } else if (u === '/see-other') {
      res.writeHead(303, 'See Other', { Location: '/echo' });
      res.end();
    } else if (u === '/slow') {
      res.writeHead(200, 'OK', plain);
      res.write('part1');
      setTimeout(() => res.end('part2'), 300);
    } else if (u.startsWith('/echo')) {
      res.writeHead(200, 'OK', { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(
        `${req.method} ${u} ct=${req.headers['content-type'] ?? '-'} x=${req.headers['x-custom'] ?? '-'} body=${body}`,
      );
    } else {
      res.writeHead(400, 'Bad Request', plain);
      res.end('bad');
    }
  });
});

server.listen(port, '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});
