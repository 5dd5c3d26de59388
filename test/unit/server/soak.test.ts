// The short soak run (`npm run soak -- --quick`): the real server process
// under 100 clients x 20 messages, one client that never reads, oversized
// frames, invalid UTF-8, garbage before and after the handshake, 500
// connect/disconnect cycles and SIGTERM under load. `npm run soak` is the
// full run (1,000 clients x 100 messages, 10,000 cycles).
import { expect, test } from 'vitest';
import { formatReport, QUICK, runSoak } from '../../../scripts/soak';

test('the server survives the short soak: no echo lost or reordered, memory back near its baseline, 1001 on SIGTERM', {
  timeout: 120_000,
}, async () => {
  const report = await runSoak(QUICK);
  const failed = report.phases.filter((p) => !p.ok).map((p) => `${p.phase}: ${p.failures.join('; ')}`);
  expect(failed, formatReport(report, QUICK)).toEqual([]);
  expect(report.phases.map((p) => p.phase)).toEqual([
    'baseline',
    'concurrent clients',
    'client that never reads',
    'oversized frames',
    'invalid UTF-8',
    'garbage bytes',
    'connect/disconnect cycles',
    'SIGTERM under load',
  ]);
  expect(report.latency?.messages).toBe(QUICK.clients * QUICK.messagesPerClient);
});
