// Splitting command output into message lines.

/** Most lines one stream contributes to messages; the session files keep the rest. */
export const MAX_MESSAGE_LINES = 1000;

/** Returns the non-empty lines of a text, right-trimmed, CRLF-safe. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
}

/** Returns the message lines of a stream, capped at MAX_MESSAGE_LINES with a note on the rest. */
export function toMessageLines(text: string, stream: 'stdout' | 'stderr'): string[] {
  const lines = splitLines(text);
  if (lines.length <= MAX_MESSAGE_LINES) return lines;
  const rest = lines.length - MAX_MESSAGE_LINES;
  return [...lines.slice(0, MAX_MESSAGE_LINES), `... ${rest} more lines (see ${stream})`];
}
