// `test --plan` for people: each test's hosts, then its steps in order with each host's exact command.
import type { TestPlan } from '../tests/plan-test.js';
import { commandWithNote, renderServiceOp } from './service-plan-text.js';
import { escapeControls } from './text.js';

/** Renders the plans, ending with a line that says nothing ran. */
export function renderTestPlans(plans: readonly TestPlan[]): string {
  const lines: string[] = [];
  for (const p of plans) {
    lines.push(escapeControls(p.id));
    lines.push(`  hosts: ${Object.entries(p.hosts).map(([g, hs]) => `${escapeControls(g)}: ${hs.map(escapeControls).join(', ') || '(none)'}`).join('; ')}`);
    if (p.code) lines.push('  code test: its steps are known only when it runs');
    const numbers = { setup: 0, steps: 0, teardown: 0 };
    for (const s of p.steps) {
      const n = ++numbers[s.phase];
      lines.push(`  ${s.phase === 'steps' ? 'step' : s.phase} ${n} (${escapeControls(s.at)}): ${escapeControls(s.label)}`);
      if (s.error !== undefined) lines.push(`    ERROR: ${escapeControls(s.error)}`);
      for (const h of s.hosts ?? []) lines.push(`    ${escapeControls(h.host)}: ${commandWithNote(h.command, h.note)}`);
      if (s.service) lines.push(...renderServiceOp(s.service).map((l) => `    ${l}`));
    }
  }
  const steps = plans.reduce((n, p) => n + p.steps.length, 0);
  lines.push(`plan: ${plans.length} test${plans.length === 1 ? '' : 's'}, ${steps} step${steps === 1 ? '' : 's'}; nothing was run`);
  return `${lines.join('\n')}\n`;
}
