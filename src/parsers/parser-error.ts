// The error parsers throw on purpose; runParser turns every throw into an ERROR result.
import { SmokerError } from '../errors.js';

/** A parser could not load, or produced or received something it cannot use. */
export class ParserError extends SmokerError {
  override readonly code = 'E_PARSER';
}
