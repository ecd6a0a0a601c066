// Small text clean-ups shared by the formats.

// CSI and OSC escape sequences, as left by coloured command output.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

/** Removes ANSI escape sequences (colours, cursor moves) from text. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
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
