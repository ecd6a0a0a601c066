// After an operation: the declared logs of the hosts that failed (or of all) copied into the session.
import { collectLogs } from './collect-logs.js';
import type { ServiceHost } from './service-host.js';

/** When declared logs are copied into the session. */
export type CollectLogs = 'always' | 'on-failure' | 'never';

/** Copies the declared logs of every host that failed (or of all, with `always`) into the session, all hosts at once. */
export async function collectFailedLogs(hosts: readonly ServiceHost[], mode: CollectLogs): Promise<void> {
  if (mode === 'never') return;
  await Promise.all(
    hosts.map(async (h) => {
      const conn = h.connection();
      const logs = h.svc?.logs ?? {};
      if (!conn || !h.dir || Object.keys(logs).length === 0 || (mode === 'on-failure' && !h.failed())) return;
      const t0 = Date.now();
      const got = await collectLogs(conn, logs, h.dir, h.sudoOptions());
      const ok = got.filter((g) => g.error === undefined);
      const bad = got.filter((g) => g.error !== undefined);
      h.add(
        h.step('collect logs', {
          status: bad.length ? 'WARN' : 'OK',
          info: ok.map((g) => `${g.remotePath} → ${g.localPath} (${g.bytes ?? 0} bytes)`),
          warn: bad.map((g) => `${g.remotePath}: ${g.error ?? 'failed'}`),
          startedAt: new Date(t0).toISOString(),
          durationMs: Date.now() - t0,
        }),
      );
    }),
  );
}
