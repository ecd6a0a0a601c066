// Templates resolved at load for every host a check or service runs on: what cannot resolve becomes one issue per place.
import type { ConfigIssue, SourcePos } from '../errors.js';
import type { HostConfig } from './types.js';
import { parseTemplates, unresolved, type ParsedTemplates } from './templates.js';

/** Where a string sits, for its issue. */
export interface TemplatePlace {
  pos: SourcePos | undefined;
  path: string;
}

// The names a host fills in (lower case): its vars and host, address, port, user. Built once per host.
const hostNames = new WeakMap<HostConfig, ReadonlySet<string>>();

/** The lower-case names `{{ }}` may use on a host (inventory vars, host, address, port, user). */
export function hostValueNames(host: HostConfig): ReadonlySet<string> {
  let names = hostNames.get(host);
  if (!names) {
    names = new Set([...Object.keys(host.vars).map((k) => k.toLowerCase()), 'host', 'address', 'port', 'user']);
    hostNames.set(host, names);
  }
  return names;
}

/** Collects template problems by place, remembering the hosts each was seen on. */
export class TemplateReview {
  private readonly found = new Map<string, TemplatePlace & { message: string; hosts: string[] }>();
  private readonly strings: { parsed: ParsedTemplates; withParams: boolean; where: TemplatePlace }[] = [];

  /** Adds a string to check on every host; `withParams`: the check's parameters are known names too. */
  add(text: unknown, withParams: boolean, where: TemplatePlace): void {
    if (typeof text === 'string' && (text.includes('{{') || text.includes('%('))) this.strings.push({ parsed: parseTemplates(text), withParams, where });
  }

  /** Checks every added string as it would be filled on `host`, with `params` (lower-case names) beside the host's values. */
  checkHost(host: HostConfig, params: ReadonlySet<string> = new Set()): void {
    const names = hostValueNames(host);
    for (const s of this.strings) {
      const has = s.withParams ? (n: string) => names.has(n) || params.has(n) : (n: string) => names.has(n);
      for (const message of unresolved(s.parsed, has)) {
        const key = `${s.where.pos?.file}:${s.where.pos?.line}:${s.where.pos?.col}\u0000${s.where.path}\u0000${message}`;
        const entry = this.found.get(key) ?? { ...s.where, message, hosts: [] };
        entry.hosts.push(host.name);
        this.found.set(key, entry);
      }
    }
  }

  /** Whether any string holds a template (else no host needs checking). */
  get empty(): boolean {
    return this.strings.length === 0;
  }

  /** One issue per place and problem, naming the first host it fails on. */
  issues(): ConfigIssue[] {
    return [...this.found.values()].map((e) => {
      const more = e.hosts.length > 1 ? ` and ${e.hosts.length - 1} more` : '';
      return { pos: e.pos, path: e.path, message: `${e.message} (on host ${e.hosts[0]}${more})` };
    });
  }
}
