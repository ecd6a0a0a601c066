// Ansible host definitions: `name`, `name:port`, `[v6]:port` and ranges `web[01:10]`, `db-[a:f]`, `n[1:9:2]`.

import { expandRange, hasRange } from '../config/ranges.js';

/** A host definition expanded: every name, the port if one was given, and a smoker range key when one fits. */
export interface ExpandedHostPattern {
  names: string[];
  port: number | undefined;
  /** The pattern itself when smoker's range syntax expands it to exactly `names`, else undefined. */
  rangeKey: string | undefined;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Expands one host definition as Ansible's inventory plugins do; throws an Error saying what is wrong. */
export function expandHostPattern(pattern: string): ExpandedHostPattern {
  const { host, port } = splitPort(pattern);
  if (!host.includes('[')) return { names: [host], port, rangeKey: undefined };
  const names = expandRanges(host);
  return { names, port, rangeKey: isSmokerRange(host, names) ? host : undefined };
}

// `host:port` and `[ipv6]:port`; a bare IPv6 address (several colons) has no port.
function splitPort(pattern: string): { host: string; port: number | undefined } {
  const v6 = /^\[([0-9a-fA-F:.]*:[0-9a-fA-F:.]*)\](?::(\d+))?$/.exec(pattern);
  if (v6 && (v6[1] as string).split(':').length > 2) return { host: v6[1] as string, port: toPort(v6[2], pattern) };
  const outside = pattern.replace(/\[[^\]]*\]/g, '');
  const colons = outside.split(':').length - 1;
  if (colons !== 1) return { host: pattern, port: undefined };
  const at = lastColonOutsideBrackets(pattern);
  const host = pattern.slice(0, at);
  const portText = pattern.slice(at + 1);
  if (!/^\d+$/.test(portText)) {
    throw new Error(`expected a port number after ":" in host "${pattern}", got "${portText}"`);
  }
  return { host, port: toPort(portText, pattern) };
}

function lastColonOutsideBrackets(s: string): number {
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s[i];
    if (c === ']') depth++;
    else if (c === '[') depth--;
    else if (c === ':' && depth === 0) return i;
  }
  return -1;
}

function toPort(text: string | undefined, pattern: string): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`expected a port 1-65535 in host "${pattern}", got "${text}"`);
  }
  return port;
}

// Expands the first [beg:end(:step)] and recurses into the results, as Ansible's expand_hostname_range.
function expandRanges(host: string): string[] {
  const open = host.indexOf('[');
  const close = host.indexOf(']', open);
  if (close < 0) throw new Error(`unclosed "[" in host range "${host}"`);
  const head = host.slice(0, open);
  const tail = host.slice(close + 1);
  const bounds = host.slice(open + 1, close).split(':');
  if (bounds.length !== 2 && bounds.length !== 3) {
    throw new Error(`expected a host range [begin:end] or [begin:end:step] in "${host}"`);
  }
  const beg = bounds[0] || '0';
  const end = bounds[1] ?? '';
  const step = bounds[2] === undefined || bounds[2] === '' ? 1 : Number(bounds[2]);
  if (!end) throw new Error(`host range in "${host}" has no end value`);
  if (!Number.isInteger(step) || step < 1) throw new Error(`host range step in "${host}" must be a positive integer`);
  const out: string[] = [];
  for (const item of rangeItems(beg, end, step, host)) {
    const name = head + item + tail;
    if (name.includes('[')) out.push(...expandRanges(name));
    else out.push(name);
  }
  return out;
}

function rangeItems(beg: string, end: string, step: number, host: string): string[] {
  const a = LETTERS.indexOf(beg);
  const b = LETTERS.indexOf(end);
  if (beg.length === 1 && end.length === 1 && a >= 0 && b >= 0) {
    if (a > b) throw new Error(`host range in "${host}" must have begin <= end`);
    const letters: string[] = [];
    for (let i = a; i <= b; i += step) letters.push(LETTERS[i] as string);
    return letters;
  }
  if (!/^\d+$/.test(beg) || !/^\d+$/.test(end)) {
    throw new Error(`host range in "${host}" must be numeric (01:10) or alphabetic (a:f), got [${beg}:${end}]`);
  }
  const width = beg.startsWith('0') && beg.length > 1 ? beg.length : 0;
  if (width && width !== end.length) {
    throw new Error(`host range in "${host}" must give begin and end with the same number of digits`);
  }
  const items: string[] = [];
  for (let i = Number(beg); i <= Number(end); i += step) items.push(String(i).padStart(width, '0'));
  return items;
}

// smoker's ranges differ from Ansible's at the edges (`[:5]`, `[x:C]`), so keep a range only if both agree.
function isSmokerRange(host: string, names: readonly string[]): boolean {
  if (!hasRange(host)) return false;
  try {
    const mine = expandRange(host).map((e) => e.name);
    return mine.length === names.length && mine.every((n, i) => n === names[i]);
  } catch {
    return false;
  }
}
