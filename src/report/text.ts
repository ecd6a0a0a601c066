// Small text clean-ups shared by the formats.

// CSI and OSC escape sequences, as left by coloured command output.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Removes ANSI escape sequences (colours, cursor moves) from text. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

// Everything a terminal may act on: CSI (7-bit and C1), OSC up to BEL/ST (or the end), DCS/SOS/PM/APC strings, other ESC sequences.
const TERMINAL_SEQUENCE = /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b\]|\u009d)[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|(?:\u001b[PX^_]|[\u0090\u0098\u009e\u009f])[^\u001b\u009c]*(?:\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g;

/**
 * Remote text made safe to print on a terminal: escape sequences removed (no title change, screen clear or
 * cursor move), CR turned into a line break (no overwriting a line), other control characters dropped.
 * Newlines and tabs stay. For human output only: session files and JSON keep the raw bytes.
 */
export function terminalSafe(text: string): string {
  return text
    .replace(TERMINAL_SEQUENCE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '');
}

/** Folds text onto one line: newlines and tabs become spaces, runs of blanks collapse. */
export function foldLine(text: string): string {
  return stripAnsi(text).replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** Shortens text to `max` characters (code points), ending with `…` when cut. */
export function truncateText(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
}

/** Shows control characters (ESC, BEL, newline…) in a name as `\xHH` so they never reach a terminal raw. */
export function escapeControls(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Text ending in exactly the newline it had, or one added: what a command prints as its last output. */
export function ensureNewline(s: string): string {
  return s.endsWith('\n') ? s : `${s}\n`;
}
