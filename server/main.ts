// `npm run server`: the echo server the book's WebSockets scenes connect to.
// Settings come from the environment (see ENV below); unset ones keep the
// defaults of createEchoServer.
import { createEchoServer, type EchoServerHandle, type EchoServerOptions, stdoutLog } from './echo-server';

/** From a stop signal to a forced exit; the server's close timeout (1 s) normally ends things first. */
const FORCE_EXIT_MS = 1500;

const ENV = {
  PORT: 'port',
  MAX_PAYLOAD: 'maxPayload',
  MAX_CLIENTS: 'maxClients',
  MAX_BUFFERED_BYTES: 'maxBufferedBytes',
  HEARTBEAT_MS: 'heartbeatMs',
} as const satisfies Record<string, keyof EchoServerOptions>;

class UsageError extends Error {}

function optionsFromEnv(env: NodeJS.ProcessEnv): Partial<EchoServerOptions> {
  const options: Partial<EchoServerOptions> = {};
  for (const [name, key] of Object.entries(ENV)) {
    const value = env[name]?.trim();
    if (value === undefined || value === '') continue;
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a non-negative integer, got "${value}"`);
    options[key] = Number(value);
  }
  const host = env.HOST?.trim();
  if (host) options.host = host;
  const origins = env.ALLOWED_ORIGINS?.split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (origins && origins.length > 0) options.allowedOrigins = origins;
  return options;
}

/** Range errors name the options; whoever started the CLI set environment variables. */
function inEnvTerms(message: string): string {
  let out = message;
  for (const [name, key] of Object.entries(ENV)) out = out.replace(new RegExp(`\\b${key}\\b`, 'g'), name);
  return out;
}

/** Tells every client 1001 and exits once they are gone (or after FORCE_EXIT_MS). */
function shutdown(server: EchoServerHandle, signal: NodeJS.Signals): void {
  stdoutLog.log(`${signal}: closing ${server.clients} client(s)`);
  // Every client has been told 1001 by then; what is left is connections
  // that did not finish closing, which is no reason to report a failure.
  setTimeout(() => {
    console.error('shutdown did not finish in time; exiting anyway');
    process.exit(0);
  }, FORCE_EXIT_MS).unref();
  server.close().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error('shutdown failed:', err);
      process.exit(1);
    },
  );
}

async function main(): Promise<void> {
  // The signal handlers come first: the server prints "listening on port"
  // as soon as it listens, and whoever started it may stop it right away.
  let server: EchoServerHandle | null = null;
  let stopping: NodeJS.Signals | null = null;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping !== null) return;
    stopping = signal;
    if (server !== null) shutdown(server, signal);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    // createEchoServer checks the ranges before anything is bound.
    server = await createEchoServer(optionsFromEnv(process.env));
    if (stopping !== null) shutdown(server, stopping);
  } catch (err) {
    if (err instanceof UsageError || err instanceof RangeError) {
      console.error(`echo server: ${inEnvTerms(err.message)}`);
      process.exit(2);
    }
    console.error(`echo server: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}

await main();
