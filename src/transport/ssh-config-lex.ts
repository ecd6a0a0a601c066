// Splits one ssh_config line into a keyword and arguments, as OpenSSH's readconf and argv_split do.

/** A configuration line's keyword (lowercased) and its arguments, unquoted. */
export interface SshConfigLine {
  readonly keyword: string;
  readonly args: string[];
}

/** Lexes a line: undefined for blanks and comments, `{ keyword, error }` for unbalanced quotes or no argument. */
export function lexSshConfigLine(line: string): SshConfigLine | { keyword: string; error: string } | undefined {
  // `Keyword value` or `Keyword=value`, with one optional `=` surrounded by whitespace.
  const m = /^[ \t]*([^ \t\r\n=]*)[ \t]*(?:=[ \t]*)?(.*?)[ \t\r\n\f]*$/.exec(line);
  const keyword = m?.[1] ?? '';
  if (keyword === '' || keyword.startsWith('#')) return undefined;
  const rest = m?.[2] ?? '';
  if (rest === '') return { keyword: keyword.toLowerCase(), error: `no argument after keyword "${keyword}"` };
  const args = splitArguments(rest);
  if (args === undefined) return { keyword: keyword.toLowerCase(), error: 'invalid quotes' };
  return { keyword: keyword.toLowerCase(), args };
}

/**
 * Splits arguments at unquoted blanks; `"` and `'` quote, backslash escapes quotes, backslash and
 * (outside quotes) space; a `#` starting an argument ends the line. Undefined on an open quote.
 */
export function splitArguments(text: string): string[] | undefined {
  const args: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === ' ' || text[i] === '\t') {
      i++;
      continue;
    }
    if (text[i] === '#') break;
    let quote = '';
    let arg = '';
    for (; i < text.length; i++) {
      const ch = text[i] as string;
      const next = text[i + 1];
      if (ch === '\\' && next !== undefined && (next === "'" || next === '"' || next === '\\' || (quote === '' && next === ' '))) {
        arg += next;
        i++;
      } else if (quote === '' && (ch === ' ' || ch === '\t')) break;
      else if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
      else if (quote !== '' && ch === quote) quote = '';
      else arg += ch;
    }
    if (quote !== '') return undefined;
    args.push(arg);
  }
  return args;
}
