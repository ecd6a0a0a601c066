// The `json` parser: Smoker's JSON result contract (status, messages, componentResults, metrics), required.
import type { ParsedResult } from '../results/types.js';
import { toMessageLines } from './lines.js';
import { normalizeResult } from './normalize-result.js';
import { createResult } from './result.js';
import type { BuiltinParser, ParserInput } from './types.js';

/** Parses stdout as Smoker's JSON contract; anything else is ERROR "invalid JSON result: ...". */
export function parseJsonResult(input: ParserInput): ParsedResult {
  let data: unknown;
  try {
    data = readJson(input.stdout);
  } catch (err) {
    const hint = input.truncated ? ' (output was truncated)' : '';
    return invalidResult(`${(err as Error).message}${hint}`, input);
  }
  try {
    return normalizeResult(data);
  } catch (err) {
    return invalidResult((err as Error).message, input);
  }
}

/** Reads the JSON document in stdout: the whole trimmed text, else its last line (scripts that log first). */
function readJson(stdout: string): unknown {
  const text = stdout.trim();
  if (text === '') throw new Error('no output');
  try {
    return JSON.parse(text);
  } catch (err) {
    const last = text.split(/\r?\n/).pop()?.trim() ?? '';
    if (last !== text && last.startsWith('{')) {
      try {
        return JSON.parse(last);
      } catch {
        // Report the error of the whole text below.
      }
    }
    throw err;
  }
}

function invalidResult(reason: string, input: ParserInput): ParsedResult {
  const result = createResult('ERROR');
  result.messages.error.push(`invalid JSON result: ${reason}`, ...toMessageLines(input.stderr, 'stderr'));
  return result;
}

/** The built-in `json` parser. */
export const jsonParser: BuiltinParser = { name: 'json', parse: parseJsonResult };
