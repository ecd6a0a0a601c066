// `--plan` of a service operation for people: batches in order, each host's steps with their exact commands.
import { formatDuration } from '../config/duration.js';
import type { PlannedServiceHost, ServicePlan } from '../services/plan-service.js';
import { escapeControls } from './text.js';

/** Renders the plan of one operation, ending with a line that says nothing ran. */
export function renderServicePlan(plan: ServicePlan): string {
  const batches = plan.rounds.reduce((n, r) => n + r.batches.length, 0);
  const lines = renderServiceOp(plan);
  lines.push(`plan: ${plan.op} ${escapeControls(plan.service)} on ${plan.hosts} host${plan.hosts === 1 ? '' : 's'} in ${batches} batch${batches === 1 ? '' : 'es'}; nothing was run`);
  return `${lines.join('\n')}\n`;
}

/** The lines of one operation's plan: what it does, then each batch and its hosts' steps (a test's plan indents them). */
export function renderServiceOp(plan: ServicePlan): string[] {
  const lines = [
    `${plan.op} ${escapeControls(plan.service)}: ${plan.hosts} host${plan.hosts === 1 ? '' : 's'}, ${plan.batchSize} at a time${plan.pauseMs ? `, ${formatDuration(plan.pauseMs)} pause between batches` : ''}`,
  ];
  for (const round of plan.rounds) {
    const prefix = plan.rounds.length > 1 ? `${round.name}, ` : '';
    round.batches.forEach((batch, i) => {
      if (i > 0 && plan.pauseMs) lines.push(`pause ${formatDuration(plan.pauseMs)}`);
      lines.push(`${prefix}batch ${i + 1} of ${round.batches.length}: ${batch.map((h) => escapeControls(h.host)).join(', ')}`);
      for (const h of batch) lines.push(...renderHost(h));
    });
  }
  return lines;
}

function renderHost(h: PlannedServiceHost): string[] {
  const name = `  ${escapeControls(h.host)}${h.sudo ? ' (sudo)' : ''}`;
  if (h.error !== undefined) return [`${name}: ERROR: ${escapeControls(h.error)}`];
  return [name, ...h.steps.map((s) => {
    const what = commandWithNote(s.command, s.note || undefined);
    return `    ${s.step}${what ? `: ${what}` : ''}`;
  })];
}

/** A planned command and its note as one safe line: `command  # note`, or either alone ('' for neither). */
export function commandWithNote(command: string | undefined, note: string | undefined): string {
  if (command === undefined) return note === undefined ? '' : escapeControls(note);
  return `${escapeControls(command)}${note === undefined ? '' : `  # ${escapeControls(note)}`}`;
}
