// Building results: empty results, the message level of a status, rolling components up.
import { worst, type Status } from '../results/status.js';
import { emptyMessages, type ComponentResult, type Messages, type ParsedResult } from '../results/types.js';

/** Returns a result with the given status and nothing else. */
export function createResult(status: Status): ParsedResult {
  return { status, messages: emptyMessages(), components: {}, metrics: {} };
}

/** Returns the message level that fits a status: OK → info, WARN → warn, ERROR/UNKNOWN → error. */
export function levelOf(status: Status): keyof Messages {
  if (status === 'OK') return 'info';
  if (status === 'WARN') return 'warn';
  return 'error';
}

/** Returns a component with one message at the level of its status. */
export function createComponent(status: Status, ...lines: string[]): ComponentResult {
  const messages = emptyMessages();
  messages[levelOf(status)].push(...lines);
  return { status, messages };
}

/** Returns a result whose status is the worst component's, with a summary line and one line per non-OK component. */
export function rollUp(components: Record<string, ComponentResult>, summary: string): ParsedResult {
  const result = createResult(worst(Object.values(components).map((c) => c.status)));
  result.components = components;
  result.messages.info.push(summary);
  for (const [name, component] of Object.entries(components)) {
    if (component.status === 'OK') continue;
    const level = levelOf(component.status);
    const first = component.messages[level][0] ?? component.status;
    result.messages[level].push(`${name}: ${first}`);
  }
  return result;
}
