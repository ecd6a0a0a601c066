// Running a parser safely: whatever it throws or returns, the outcome is a well-formed result.
import type { ParsedResult } from '../results/types.js';
import { toMessageLines } from './lines.js';
import { normalizeResult } from './normalize-result.js';
import { createResult } from './result.js';
import { applyTermination } from './termination.js';
import type { Parser, ParserInput } from './types.js';

/** Runs a parser; a throw or an invalid return becomes ERROR "parser failed: ...", and timeouts/signals are ERROR. */
export async function runParser(parser: Parser, input: ParserInput): Promise<ParsedResult> {
  let result: ParsedResult;
  try {
    const returned: unknown = await parser.parse(input);
    try {
      result = normalizeResult(returned);
    } catch (err) {
      throw new Error(`invalid result: ${describeError(err)}`);
    }
  } catch (err) {
    result = createResult('ERROR');
    // As Smoker did: the failure, then the raw output, so nothing is lost.
    result.messages.error.push(`parser failed: ${describeError(err)}`, ...toMessageLines(input.stderr, 'stderr'));
    result.messages.info.push(...toMessageLines(input.stdout, 'stdout'));
  }
  return applyTermination(result, input);
}

function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : String(err);
}
