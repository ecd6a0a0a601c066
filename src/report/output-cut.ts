// Human output of a stream that memory kept only the head of: cut at a line end, with a marker saying where the rest is.
import { DEFAULT_MAX_BUFFER } from '../transport/output-capture.js';

/** The marker line ending a cut output. */
export function truncationMarker(path: string | undefined): string {
  return `… output truncated at 1 MiB; ${path === undefined ? 'whole output not kept (--no-results)' : `whole output: ${path}`}`;
}

/**
 * The text to show for one captured stream: unchanged when whole; when the capture was cut (the
 * command's outcome says truncated and this stream filled the in-memory cap), up to its last complete
 * line, then the marker.
 */
export function cutOutput(text: string, truncated: boolean, path: string | undefined): string {
  // A multi-byte character split at the cap decodes to U+FFFD: allow those few bytes of difference.
  if (!truncated || Buffer.byteLength(text, 'utf8') < DEFAULT_MAX_BUFFER - 4) return text;
  const end = text.lastIndexOf('\n');
  return `${end < 0 ? '' : text.slice(0, end + 1)}${truncationMarker(path)}\n`;
}
