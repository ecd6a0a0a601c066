// POSIX shell-like word splitting (Python's shlex.split with comments), keeping where each word began.

/** One word of a split line; `start` is its 0-based offset in the line. */
export interface ShellWord {
  value: string;
  start: number;
}

/** Thrown for an unterminated quote; `offset` is where the quote opened. */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Splits a line into words like `shlex.split(line, comments=True)`: quotes, backslashes, `#` comments. */
export function splitShellWords(line: string): ShellWord[] {
  const words: ShellWord[] = [];
  let value = '';
  let start = -1;
  let i = 0;
  const flush = (): void => {
    if (start >= 0) words.push({ value, start });
    value = '';
    start = -1;
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (/\s/.test(c)) {
      flush();
      i++;
    } else if (c === '#') {
      break;
    } else if (c === "'" || c === '"') {
      if (start < 0) start = i;
      const close = scanQuoted(line, i);
      value += close.text;
      i = close.next;
    } else if (c === '\\') {
      if (start < 0) start = i;
      // A trailing backslash stands for itself, as in shlex at end of input.
      value += i + 1 < line.length ? line[i + 1] : '\\';
      i += 2;
    } else {
      if (start < 0) start = i;
      value += c;
      i++;
    }
  }
  flush();
  return words;
}

// Reads a quoted run starting at `open`; inside double quotes a backslash escapes only `"` and `\`.
function scanQuoted(line: string, open: number): { text: string; next: number } {
  const quote = line[open];
  let text = '';
  let i = open + 1;
  while (i < line.length) {
    const c = line[i] as string;
    if (c === quote) return { text, next: i + 1 };
    if (quote === '"' && c === '\\' && (line[i + 1] === '"' || line[i + 1] === '\\')) {
      text += line[i + 1];
      i += 2;
      continue;
    }
    text += c;
    i++;
  }
  throw new ShellSyntaxError(`no closing quotation for the ${quote} opened here`, open);
}
