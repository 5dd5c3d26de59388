// Global setup of the browser project: the peers of the WebSocket scenes,
// run in Node next to the browser, their ports handed to the tests.
import type { TestProject } from 'vitest/node';
import { createEchoServer } from '../../server/echo-server';
import { createScenarioServer, freePort } from '../unit/websockets/scenario-server';
import { createFloodServer } from './flood-server';

export interface WebSocketPorts {
  echo: number;
  scenario: number;
  refused: number;
  tls: number;
  /** Answers "flood N" with N messages (hardening.test.ts). */
  flood: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    webSocketPorts: WebSocketPorts;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const echo = await createEchoServer({ port: 0, log: () => {} });
  const scenario = await createScenarioServer(0);
  const tls = await createScenarioServer(0, { tls: true });
  const flood = await createFloodServer();
  project.provide('webSocketPorts', {
    echo: echo.port,
    scenario: scenario.port,
    tls: tls.port,
    refused: await freePort(),
    flood: flood.port,
  });
  return async () => {
    await echo.close();
    await scenario.close();
    await tls.close();
    await flood.close();
  };
}
