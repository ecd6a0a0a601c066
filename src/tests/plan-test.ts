// `test --plan`: each test's hosts (allocated from needs) and its steps in order, with the exact commands per host; connects nowhere.
import type { CheckSet } from '../config/check-types.js';
import { formatDuration } from '../config/duration.js';
import { groupHosts } from '../config/test-collect.js';
import type { ExpectSpec, StepDef, TestCase } from '../config/test-types.js';
import type { HostConfig, Inventory } from '../config/types.js';
import { planCommands } from '../run/plan-commands.js';
import { substituteCommand, substituteRaw } from '../run/substitute.js';
import { planServiceOp, type ServicePlan } from '../services/plan-service.js';
import { selectServiceHosts } from '../services/operations.js';
import { allocateHosts } from './allocate.js';
import { ALL_GROUP } from './scheduler.js';
import { placeholders, stepOn, stepText, type StepText } from './test-env.js';
import { TestHosts } from './test-hosts.js';

/** One host's part of a step: the command it would run, or what it would do. */
export interface PlannedHostAction {
  host: string;
  command?: string;
  note?: string;
}

/** One step of a test as it would run. */
export interface PlannedTestStep {
  phase: 'setup' | 'steps' | 'teardown';
  /** Where the step is written, file:line:col. */
  at: string;
  label: string;
  hosts?: PlannedHostAction[];
  service?: ServicePlan;
  error?: string;
}

/** One test: the hosts it would get and its steps (a code test's steps are known only when it runs). */
export interface TestPlan {
  id: string;
  file: string;
  hosts: Record<string, string[]>;
  code: boolean;
  steps: PlannedTestStep[];
}

/** Plans every case as if it ran alone on the inventory (as --collect-only allocates). */
export function planTests(cases: readonly TestCase[], inventory: Inventory, checks: CheckSet): TestPlan[] {
  const groups = groupHosts(inventory);
  return cases.map((c) => {
    const hosts = Object.keys(c.spec.needs).length ? (allocateHosts(c.spec.needs, groups) ?? {}) : { [ALL_GROUP]: inventory.hosts.map((h) => h.name) };
    const th = new TestHosts(inventory, hosts);
    const phases = [['setup', c.spec.setup], ['steps', c.spec.steps], ['teardown', c.spec.teardown]] as const;
    const steps = phases.flatMap(([phase, defs]) => defs.map((d) => planStep(phase, d, { inventory, checks, hosts: th, params: c.params })));
    return { id: c.id, file: c.spec.file, hosts, code: c.spec.body !== undefined, steps };
  });
}

interface PlanEnv {
  inventory: Inventory;
  checks: CheckSet;
  hosts: TestHosts;
  params: Readonly<Record<string, unknown>>;
}

function planStep(phase: PlannedTestStep['phase'], step: StepDef, env: PlanEnv): PlannedTestStep {
  const at = `${step.pos.file}:${step.pos.line}:${step.pos.col}`;
  try {
    return { phase, at, ...planWork(step, env) };
  } catch (err) {
    return { phase, at, label: step.kind, error: `${at} ${(err as Error).message}` };
  }
}

function planWork(step: StepDef, env: PlanEnv): Omit<PlannedTestStep, 'phase' | 'at'> {
  const raw = stepText(env);
  const on = stepOn(step, raw);
  const where = on ? ` on ${on}` : '';
  const values = (h: HostConfig) => placeholders({ params: env.params }, h);
  const each = (f: (h: HostConfig) => Omit<PlannedHostAction, 'host'>) => env.hosts.select(on).map((h) => ({ host: h.name, ...f(h) }));
  switch (step.kind) {
    case 'start':
    case 'stop':
    case 'restart':
    case 'bounce':
    case 'clean':
    case 'collect': {
      const svc = serviceNamed(env, step.service);
      const hosts = selectServiceHosts(svc, env.inventory, env.hosts.select(on));
      if (hosts.length === 0) throw new Error(`service ${svc.name} runs on none of the test's hosts${svc.hosts ? ` (its hosts: ${svc.hosts})` : ''}`);
      if (step.kind === 'collect') return { label: `collect ${svc.name}${where}`, hosts: hosts.map((h) => ({ host: h.name, note: `copy its logs: ${Object.keys(svc.logs).join(', ') || 'none declared'}` })) };
      return { label: `${step.kind} ${svc.name}${where}`, service: planServiceOp({ op: step.kind, service: svc, inventory: env.inventory, hosts, ...(step.serial !== undefined ? { serial: step.serial } : {}) }) };
    }
    case 'exec': {
      const expect = describeExpect(step.expect, raw);
      const bg = step.background !== undefined ? ` in background ${step.background}` : '';
      const timeout = step.timeoutMs ? `, timeout ${formatDuration(step.timeoutMs)}` : '';
      return { label: `exec${where}${bg} (expect ${expect}${timeout})`, hosts: each((h) => ({ command: substituteCommand(step.command, values(h)) })) };
    }
    case 'join':
      return { label: `join ${step.name} (expect ${describeExpect(step.expect, raw)})` };
    case 'check': {
      const known = new Set(env.checks.checks.map((c) => c.name));
      const unknown = step.checks.find((n) => !known.has(n));
      if (unknown !== undefined) throw new Error(`unknown check "${unknown}"`);
      const defs = env.checks.checks.filter((c) => step.checks.includes(c.name));
      const planned = planCommands(env.hosts.select(on).map((h) => ({ host: h, checks: defs })));
      return {
        label: `check ${step.checks.join(', ')}${where}`,
        hosts: planned.flatMap((p) => p.commands.map((c) => ({ host: p.host, ...(c.error !== undefined ? { note: `${c.check}: ERROR: ${c.error}` } : c.module !== undefined ? { note: `${c.check}: module ${c.module} ${JSON.stringify(c.params ?? {})}` } : { command: c.command ?? '', note: c.check }) }))),
      };
    }
    case 'wait': {
      const w = step.what;
      const label = `wait${where} (every ${formatDuration(step.everyMs)}, timeout ${formatDuration(step.timeoutMs)})`;
      switch (w.kind) {
        case 'check':
          return { label, hosts: each(() => ({ note: `until check ${w.check} is OK` })) };
        case 'exec':
          return { label, hosts: each((h) => ({ command: substituteCommand(w.command, values(h)), note: 'until it exits 0' })) };
        case 'port':
          return { label, hosts: each(() => ({ note: `until port ${w.port} accepts connections` })) };
        case 'http':
          return { label, hosts: each((h) => ({ note: `until ${substituteRaw(w.url, values(h))} answers 2xx/3xx` })) };
        case 'log':
          return { label, hosts: each((h) => ({ note: `until a new line of ${substituteRaw(w.path, values(h))} matches /${substituteRaw(w.pattern, values(h))}/` })) };
      }
      break;
    }
    case 'kill':
    case 'signal': {
      const sig = step.signal.toUpperCase().replace(/^SIG/, '');
      if (step.service !== undefined) {
        const svc = serviceNamed(env, step.service);
        return { label: `${step.kind} ${svc.name}${where}`, service: planServiceOp({ op: step.kind, service: svc, inventory: env.inventory, hosts: selectServiceHosts(svc, env.inventory, env.hosts.select(on)), sendSignal: sig }) };
      }
      const target = (h: HostConfig) => (step.pidFile !== undefined ? `the pid in ${substituteRaw(step.pidFile, values(h))}` : `processes matching ${substituteRaw(step.process ?? '', values(h))} (pgrep -f)`);
      return { label: `${step.kind} SIG${sig}${where}`, hosts: each((h) => ({ note: `SIG${sig} to ${target(h)}` })) };
    }
    case 'copy':
      return { label: `copy ${raw(step.src)}${where}`, hosts: each((h) => ({ note: `upload to ${substituteRaw(step.dest, values(h))}` })) };
    case 'fetch':
      return { label: `fetch to ${raw(step.dest)}${where}`, hosts: each((h) => ({ note: `download ${substituteRaw(step.src, values(h))}` })) };
    case 'sleep':
      return { label: `sleep ${formatDuration(step.ms)}` };
  }
}

function describeExpect(e: ExpectSpec, raw: StepText): string {
  return [`exit ${e.exit ?? 0}`, e.stdout !== undefined ? `stdout /${raw(e.stdout)}/` : '', e.stderr !== undefined ? `stderr /${raw(e.stderr)}/` : ''].filter(Boolean).join(', ');
}

function serviceNamed(env: PlanEnv, name: string) {
  const svc = env.checks.services.get(name);
  if (!svc) throw new Error(`unknown service "${name}" (services: ${[...env.checks.services.keys()].join(', ') || 'none'})`);
  return svc;
}
