// The log watcher during a test: each service the test touches has its `watch:` logs tailed until the test ends;
// findings land on the step that was running (and fail it with `watch: {fail: true}`).
import type { ServiceDef } from '../config/check-types.js';
import type { HostConfig } from '../config/types.js';
import type { StepResult } from '../results/test-types.js';
import { resolveHostService } from '../services/host-service.js';
import type { Connection } from '../transport/types.js';
import { formatFinding } from '../watch/findings.js';
import { startWatchers, type WatchGroup } from '../watch/watch-group.js';
import { describeWatch } from '../watch/attach.js';
import type { TestSink } from './session-port.js';

/** The watchers of one test. */
export class TestWatch {
  private readonly started = new Set<string>();
  private readonly groups: Promise<WatchGroup<number | undefined> | undefined>[] = [];

  constructor(
    private readonly sink: TestSink | undefined,
    private readonly signal: AbortSignal,
    /** The step running now (its number tags what the watcher sees). */
    private readonly currentStep: () => number | undefined,
  ) {}

  /** Starts watching a service's logs on these hosts (once per service and host). */
  async watch(svc: ServiceDef, hosts: readonly HostConfig[], conn: (h: HostConfig) => Promise<Connection>): Promise<void> {
    if (svc.watch.length === 0) return;
    const todo = hosts.filter((h) => !this.started.has(`${svc.name}\0${h.name}`));
    for (const h of todo) this.started.add(`${svc.name}\0${h.name}`);
    const groups = todo.map(async (h) => {
      const r = resolveHostService(svc, h);
      if ('error' in r) return undefined;
      const dir = await this.sink?.subdir('watch', h.name);
      const o = r.service.execOptions;
      return startWatchers<number | undefined>(await conn(h), r.service.watch, {
        ...(dir ? { dir } : {}),
        ...(o.sudo ? { sudo: true } : {}),
        ...(o.sudoPasswordEnv ? { sudoPasswordEnv: o.sudoPasswordEnv } : {}),
        signal: this.signal,
        tag: this.currentStep,
      }).catch(() => undefined);
    });
    this.groups.push(...groups);
    await Promise.all(groups);
  }

  /** Stops every watcher and puts findings on the steps they arrived in; returns lines for test.log. */
  async finish(steps: StepResult[], fail: boolean): Promise<string[]> {
    const lines: string[] = [];
    for (const g of await Promise.all(this.groups.splice(0))) {
      if (!g) continue;
      for (const w of await g.stop()) {
        lines.push(`watcher: ${describeWatch(w)}`);
        for (const f of w.findings) {
          const step = steps.find((s) => s.index === f.tag) ?? steps[steps.length - 1];
          if (!step) continue;
          const text = `log watcher: ${formatFinding({ log: w.target.name, finding: f })}`;
          if (fail) {
            step.messages.error.push(text);
            step.status = 'ERROR';
          } else {
            step.messages.warn.push(text);
            if (step.status === 'OK') step.status = 'WARN';
          }
        }
      }
    }
    return lines;
  }
}
