// The parser contract: one command's output in, one ParsedResult out.
import type { ParsedResult } from '../results/types.js';

/** What a parser receives: the outcome of one command plus the check's parameters. */
export interface ParserInput {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  signal: string | null;
  timedOut: boolean;
  params: Record<string, unknown>;
  /** The check's timeout, for the "timed out after 30s" message. */
  timeoutMs?: number;
  /** True when an output stream was cut at the memory limit. */
  truncated?: boolean;
}

/** A resolved parser, built-in or loaded from a user's module. */
export interface Parser {
  readonly name: string;
  parse(input: ParserInput): ParsedResult | Promise<ParsedResult>;
}

/** A built-in parser with an optional check of its options at config-load time. */
export interface BuiltinParser extends Parser {
  /** Returns an error message for bad options (keys lower-cased), or undefined. */
  validate?(options: Record<string, unknown>): string | undefined;
  /** Check parameters this parser reads (so a check key naming one is not a typo). */
  readonly params?: readonly string[];
}

/** How a check names its parser: `nagios`, `./my-parser.js`, or `{ type: regex, error: "..." }`. */
export type ParserSpec = string | { type: string; [option: string]: unknown };
