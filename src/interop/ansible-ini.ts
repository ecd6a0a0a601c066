// Reads Ansible's INI inventory format into the Ansible model, with a position for every problem.

import { ConfigError, type ConfigIssue, type SourcePos } from '../errors.js';
import { expandHostPattern } from './ansible-host-pattern.js';
import { addChild, addHost, createAnsibleModel, ensureGroup, type AnsibleModel } from './ansible-model.js';
import { parseIniValue } from './python-literal.js';
import { ShellSyntaxError, splitShellWords } from './shlex.js';
import { formatWarning, issueAt } from './source-pos.js';

const SECTION = /^\[([^:\]\s]+)(?::(\w+))?\]\s*(?:#.*)?$/;
const GROUP_NAME = /^([^:\]\s]+)\s*(?:#.*)?$/;
const IPV6_HOST = /^\[[0-9a-fA-F:.]*:[0-9a-fA-F:.]*\](?::\d+)?(?:\s|$)/;

type SectionKind = 'hosts' | 'children' | 'vars';

interface Reader {
  file: string;
  model: AnsibleModel;
  issues: ConfigIssue[];
  /** Groups declared by `[g]` or `[g:children]`; `[g:vars]` and children lines only refer to them. */
  declared: Set<string>;
  /** Groups referred to before (or without) a declaration, with where. */
  referred: Map<string, { pos: SourcePos; how: string }>;
}

/** Parses an Ansible INI inventory; throws ConfigError listing every malformed line with file:line:col. */
export function parseAnsibleIni(text: string, file: string): AnsibleModel {
  const r: Reader = {
    file,
    model: createAnsibleModel(),
    issues: [],
    declared: new Set(['all', 'ungrouped']),
    referred: new Map(),
  };
  let group = 'ungrouped';
  let kind: SectionKind = 'hosts';
  text.split(/\r?\n/).forEach((raw, index) => {
    const lineNo = index + 1;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) return;
    const col = indent + 1;
    if (line.startsWith('[') && !IPV6_HOST.test(line)) {
      const section = readSection(r, line, lineNo, col);
      if (section) [group, kind] = section;
      else [group, kind] = ['', 'hosts'];
      return;
    }
    if (!group) return; // inside a section whose header was invalid: already reported
    if (kind === 'hosts') readHostLine(r, raw, group, lineNo);
    else if (kind === 'vars') readVarLine(r, line, group, lineNo, col);
    else readChildLine(r, line, group, lineNo, col);
  });
  for (const [name, { pos, how }] of r.referred) {
    if (r.declared.has(name)) continue;
    ensureGroup(r.model, name, pos);
    r.model.warnings.push(
      formatWarning(pos, `group "${name}" is ${how} but never declared with [${name}]; kept as an empty group (Ansible rejects this)`),
    );
  }
  if (r.issues.length) throw new ConfigError(r.issues);
  return r.model;
}

function readSection(r: Reader, line: string, lineNo: number, col: number): [string, SectionKind] | undefined {
  const m = SECTION.exec(line);
  if (!m) {
    r.issues.push(
      issueAt(r.file, lineNo, col, '', `expected a section header such as [group], [group:vars] or [group:children], got "${line}"`),
    );
    return undefined;
  }
  const name = m[1] as string;
  const kind = m[2] ?? 'hosts';
  if (kind !== 'hosts' && kind !== 'children' && kind !== 'vars') {
    const at = col + line.indexOf(':') + 1;
    r.issues.push(issueAt(r.file, lineNo, at, '', `section [${name}:${kind}] has an unknown type "${kind}"; expected vars or children`));
    return undefined;
  }
  const pos = { file: r.file, line: lineNo, col };
  if (kind === 'vars') {
    if (!r.declared.has(name) && !r.referred.has(name)) r.referred.set(name, { pos, how: 'given [vars]' });
  } else r.declared.add(name);
  ensureGroup(r.model, name, pos);
  return [name, kind];
}

function readHostLine(r: Reader, raw: string, group: string, lineNo: number): void {
  let words;
  try {
    words = splitShellWords(raw);
  } catch (err) {
    if (!(err instanceof ShellSyntaxError)) throw err;
    r.issues.push(issueAt(r.file, lineNo, err.offset + 1, '', err.message));
    return;
  }
  const [first, ...rest] = words;
  if (!first) return;
  const pos = { file: r.file, line: lineNo, col: first.start + 1 };
  let expanded;
  try {
    expanded = expandHostPattern(first.value);
  } catch (err) {
    r.issues.push(issueAt(r.file, lineNo, pos.col, '', (err as Error).message));
    return;
  }
  const vars: [string, unknown, SourcePos][] = [];
  if (expanded.port !== undefined) vars.push(['ansible_port', expanded.port, pos]);
  for (const w of rest) {
    const eq = w.value.indexOf('=');
    const at = { file: r.file, line: lineNo, col: w.start + 1 };
    if (eq <= 0) {
      r.issues.push(issueAt(r.file, lineNo, at.col, '', `expected key=value host variable after host "${first.value}", got "${w.value}"`));
      continue;
    }
    vars.push([w.value.slice(0, eq), parseIniValue(w.value.slice(eq + 1)), at]);
  }
  if (expanded.rangeKey) r.model.ranges.push({ key: expanded.rangeKey, names: expanded.names });
  for (const name of expanded.names) {
    const host = addHost(r.model, name, group, pos);
    for (const [key, value, at] of vars) host.vars.set(key, { value, pos: at });
  }
}

function readVarLine(r: Reader, line: string, group: string, lineNo: number, col: number): void {
  const eq = line.indexOf('=');
  if (eq <= 0) {
    r.issues.push(issueAt(r.file, lineNo, col, '', `expected key=value in [${group}:vars], got "${line}"`));
    return;
  }
  const key = line.slice(0, eq).trim();
  const value = parseIniValue(line.slice(eq + 1).trim());
  ensureGroup(r.model, group, undefined).vars.set(key, { value, pos: { file: r.file, line: lineNo, col } });
}

function readChildLine(r: Reader, line: string, group: string, lineNo: number, col: number): void {
  const m = GROUP_NAME.exec(line);
  if (!m) {
    r.issues.push(issueAt(r.file, lineNo, col, '', `expected a group name in [${group}:children], got "${line}"`));
    return;
  }
  const child = m[1] as string;
  const pos = { file: r.file, line: lineNo, col };
  if (!r.declared.has(child) && !r.referred.has(child)) r.referred.set(child, { pos, how: `listed in [${group}:children]` });
  addChild(r.model, group, child, pos);
}
