// Templates resolved at load for every host a check or service runs on: what cannot resolve becomes one issue per place.
import type { ConfigIssue, SourcePos } from '../errors.js';
import { templateProblems } from './templates.js';

/** Collects template problems by place, remembering the hosts each was seen on. */
export class TemplateReview {
  private readonly found = new Map<string, { pos: SourcePos | undefined; path: string; message: string; hosts: string[] }>();

  /** Checks one string as it would be filled on `host`. */
  check(text: unknown, values: Readonly<Record<string, unknown>>, host: string, where: { pos: SourcePos | undefined; path: string }): void {
    if (typeof text !== 'string' || !text.includes('{{') && !text.includes('%(')) return;
    for (const message of templateProblems(text, values)) {
      const key = `${where.pos?.file}:${where.pos?.line}:${where.pos?.col}\u0000${where.path}\u0000${message}`;
      const entry = this.found.get(key) ?? { ...where, message, hosts: [] };
      entry.hosts.push(host);
      this.found.set(key, entry);
    }
  }

  /** One issue per place and problem, naming the first host it fails on. */
  issues(): ConfigIssue[] {
    return [...this.found.values()].map((e) => {
      const more = e.hosts.length > 1 ? ` and ${e.hosts.length - 1} more` : '';
      return { pos: e.pos, path: e.path, message: `${e.message} (on host ${e.hosts[0]}${more})` };
    });
  }
}
