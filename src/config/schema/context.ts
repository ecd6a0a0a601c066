// Validation context: where we are in which file, and every issue found so far.
import { isAlias, isMap, isScalar, isSeq, type Alias, type Document, type LineCounter, type Node } from 'yaml';
import type { ConfigIssue, SourcePos } from '../../errors.js';
import { aliasTargets } from '../yaml-aliases.js';

/** What a validator reads: a YAML AST node (aliases resolved) or nothing. */
export type YNode = Node | null | undefined;

/** Marks a value that failed validation (an issue has been recorded). */
export const INVALID: unique symbol = Symbol('invalid');
export type Out<T> = T | typeof INVALID;

/** The state shared by every validator while one file is checked. */
export class Ctx {
  readonly issues: ConfigIssue[] = [];
  private aliases: Map<Alias, Node> | undefined;
  constructor(
    readonly file: string,
    readonly doc: Document | undefined,
    readonly lineCounter: LineCounter | undefined,
  ) {}

  /** 1-based position of a node's start (or of the file start). */
  posOf(node: YNode | { range?: [number, number, number] | null }): SourcePos {
    const offset = node?.range?.[0] ?? 0;
    const lp = this.lineCounter?.linePos(offset) ?? { line: 1, col: 1 };
    return { file: this.file, line: lp.line, col: lp.col };
  }

  /** Records an issue at a node. */
  report(node: YNode | { range?: [number, number, number] | null }, path: string, message: string): typeof INVALID {
    this.issues.push({ pos: this.posOf(node), path, message });
    return INVALID;
  }

  /** Follows an alias (`*anchor`) to the node it names. */
  resolve(node: YNode): YNode {
    if (node && isAlias(node) && this.doc) return (this.aliases ??= aliasTargets(this.doc)).get(node);
    return node;
  }

  /** Converts a node to plain JS (for free-form values such as vars and params). */
  toJS(node: YNode): unknown {
    const n = this.resolve(node);
    if (!n) return null;
    return this.doc ? n.toJS(this.doc) : (n as { toJSON(): unknown }).toJSON();
  }
}

/** Appends a key to a path: `hosts.web1`, or `hosts["a.b"]` when the key holds dots or spaces. */
export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  if (/^[A-Za-z0-9_\-*?[\]:~!&]+$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

/** Describes what a node holds, for "got ..." in messages. */
export function describeNode(node: YNode): string {
  if (node === null || node === undefined) return 'nothing';
  if (isMap(node)) return 'a map';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (v === null) return 'null';
    if (typeof v === 'string') return JSON.stringify(v);
    return String(v);
  }
  return 'an unsupported value';
}
