// Runs YAML steps through the same `t` a code test gets: `{{ }}` filled per host, backgrounds joined by name.
import type { ExpectSpec, StepDef } from '../config/test-types.js';
import { substituteCommand } from '../run/substitute.js';
import type { CommandOutput } from '../transport/types.js';
import type { ExecOutcome } from './context-types.js';
import type { TestContextImpl } from './context.js';
import { StepFailure } from './step-failure.js';
import { placeholders, stepOn, stepText, type TestEnv } from './test-env.js';
import { checkOutput } from './verb-exec.js';

/** The YAML steps of one phase; in teardown every step runs even after one failed (the first failure is rethrown). */
export async function runYamlSteps(t: TestContextImpl, env: TestEnv, steps: readonly StepDef[], backgrounds: Map<string, Promise<ExecOutcome>>, keepGoing: boolean): Promise<void> {
  let first: unknown;
  for (const step of steps) {
    try {
      await runYamlStep(t, env, step, backgrounds);
    } catch (err) {
      if (!keepGoing) throw err;
      first ??= err;
    }
  }
  if (first !== undefined) throw first;
}

async function runYamlStep(t: TestContextImpl, env: TestEnv, step: StepDef, backgrounds: Map<string, Promise<ExecOutcome>>): Promise<void> {
  const raw = stepText(env);
  const on = stepOn(step, raw);
  const expectOf = (e: ExpectSpec): ExpectSpec => ({ exit: e.exit, stdout: raw(e.stdout), stderr: raw(e.stderr) });
  switch (step.kind) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'bounce':
    case 'clean':
    case 'collect':
      return t[step.kind](step.service, { ...(on ? { on } : {}), ...(step.serial !== undefined ? { serial: step.serial } : {}) });
    case 'exec': {
      const work = t.execWith(on, (h) => substituteCommand(step.command, placeholders(env, h)), `exec on ${on ?? 'all'}: ${short(labelOf(step.command, env.params))}`, expectOf(step.expect), step.timeoutMs);
      if (step.background === undefined) return void (await work);
      backgrounds.set(step.background, t.background(work, step.background));
      return;
    }
    case 'join': {
      const work = backgrounds.get(step.name);
      await t.step('join', `join ${step.name}`, async () => {
        if (!work) return { status: 'ERROR', error: [`no background named ${step.name} was started`] };
        let v: ExecOutcome;
        try {
          v = await work;
        } catch (err) {
          return { status: 'ERROR', error: [`background ${step.name} failed: ${err instanceof StepFailure ? err.message : String(err)}`] };
        }
        const error = Object.entries(v.hosts).flatMap(([h, o]) => checkOutput(asOutput(o), expectOf(step.expect)).map((p) => `${h}: ${p}`));
        return { status: error.length ? 'ERROR' : 'OK', error, info: Object.entries(v.hosts).map(([h, o]) => `${h}: exit ${o.exitCode}, ${o.stdout.split('\n').filter(Boolean).length} lines of stdout`), hosts: Object.keys(v.hosts) };
      });
      return;
    }
    case 'check':
      return t.check([...step.checks], on ? { on } : {});
    case 'wait':
      return t.waitFor(step.what, on, step.timeoutMs, step.everyMs);
    case 'kill':
    case 'signal':
      return t.signalWith(step.kind, { service: step.service, pidFile: step.pidFile, process: step.process }, step.signal, on);
    case 'copy':
      return t.copy(raw(step.src) as string, step.dest, on ? { on } : {});
    case 'fetch':
      return t.fetch(step.src, raw(step.dest) as string, on ? { on } : {});
    case 'sleep':
      return t.sleep(`${step.ms}ms`);
  }
}

/** The command as the label shows it: params filled in, host placeholders left as written. */
function labelOf(command: string, params: Readonly<Record<string, unknown>>): string {
  return command.replace(/\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

function asOutput(o: { exitCode: number | null; stdout: string; stderr: string }): CommandOutput {
  return { ...o, signal: null, startedAt: '', durationMs: 0, truncated: false, timedOut: false, aborted: false };
}

function short(text: string, max = 60): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
