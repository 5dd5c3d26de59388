// `npm start`: the echo server on port 3000 and the page's dev server, then
// the address of the scene picker.
import { createServer } from 'vite';
import { createEchoServer } from '../server/echo-server';

const echo = await createEchoServer({ port: Number(process.env.PORT ?? 3000) });
const vite = await createServer({ configFile: new URL('../vite.config.ts', import.meta.url).pathname });
await vite.listen();
const url = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port}/`;
console.log(`echo server: ${echo.url}`);
console.log(`scenes:      ${url}`);
console.log(`  the chat:  ${url}?scene=chat`);
console.log(`  the echo:  ${url}?scene=echo`);

const stop = async () => {
  await Promise.allSettled([vite.close(), echo.close()]);
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
