// Ansible INI values: what Python's ast.literal_eval makes of them, else the text itself.

/** Interprets an INI value as Ansible does: a Python literal (number, string, bool, None, list, dict), else the raw string. */
export function parseIniValue(raw: string): unknown {
  const parsed = parsePythonLiteral(raw);
  return parsed.ok ? parsed.value : raw;
}

type Parsed = { ok: true; value: unknown } | { ok: false };

/** Parses a whole string as one Python literal; `ok: false` when it is not one. */
export function parsePythonLiteral(text: string): Parsed {
  const p = new LiteralParser(text);
  try {
    p.skipSpace();
    const value = p.parseValue();
    p.skipSpace();
    return p.atEnd() ? { ok: true, value } : { ok: false };
  } catch {
    return { ok: false };
  }
}

const NUMBER =
  /^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|(?:\d+\.\d*|\.\d+)(?:[eE][-+]?\d+)?|\d+[eE][-+]?\d+|(?:0|[1-9][0-9_]*)(?![0-9_.eE]))/;
const NAMES: Record<string, unknown> = { True: true, False: false, None: null };

// A small recursive-descent reader for the literal subset literal_eval accepts.
class LiteralParser {
  private i = 0;
  constructor(private readonly s: string) {}

  atEnd(): boolean {
    return this.i >= this.s.length;
  }

  skipSpace(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i] as string)) this.i++;
      // literal_eval tokenizes Python source, so a trailing `# comment` is ignored.
      if (this.s[this.i] !== '#') return;
      while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
    }
  }

  parseValue(): unknown {
    const c = this.s[this.i];
    if (c === '[' || c === '(') return this.parseSequence(c === '[' ? ']' : ')');
    if (c === '{') return this.parseBraces();
    if (c === "'" || c === '"') return this.parseStrings();
    const rest = this.s.slice(this.i);
    const name = /^[A-Za-z_]\w*/.exec(rest);
    if (name) {
      if (!(name[0] in NAMES)) throw new Error('not a literal');
      this.i += name[0].length;
      return NAMES[name[0]];
    }
    const num = NUMBER.exec(rest);
    if (!num) throw new Error('not a literal');
    this.i += num[0].length;
    return toNumber(num[0]);
  }

  private parseSequence(close: string): unknown[] {
    this.i++;
    const out: unknown[] = [];
    this.skipSpace();
    while (this.s[this.i] !== close) {
      out.push(this.parseValue());
      this.skipSpace();
      if (this.s[this.i] === ',') {
        this.i++;
        this.skipSpace();
      } else if (this.s[this.i] !== close) throw new Error('expected , or closing bracket');
    }
    this.i++;
    return out;
  }

  private parseBraces(): unknown {
    this.i++;
    this.skipSpace();
    const dict: Record<string, unknown> = {};
    const set: unknown[] = [];
    let kind: 'dict' | 'set' | undefined;
    while (this.s[this.i] !== '}') {
      const key = this.parseValue();
      this.skipSpace();
      if (this.s[this.i] === ':' && kind !== 'set') {
        kind = 'dict';
        this.i++;
        this.skipSpace();
        dict[String(key)] = this.parseValue();
      } else if (kind !== 'dict') {
        kind = 'set';
        set.push(key);
      } else throw new Error('expected :');
      this.skipSpace();
      if (this.s[this.i] === ',') {
        this.i++;
        this.skipSpace();
      } else if (this.s[this.i] !== '}') throw new Error('expected , or }');
    }
    this.i++;
    return kind === 'set' ? set : dict;
  }

  // Adjacent string literals concatenate, as in Python.
  private parseStrings(): string {
    let out = this.parseString();
    for (;;) {
      const save = this.i;
      this.skipSpace();
      const c = this.s[this.i];
      if (c !== "'" && c !== '"') {
        this.i = save;
        return out;
      }
      out += this.parseString();
    }
  }

  private parseString(): string {
    const quote = this.s[this.i] as string;
    const triple = this.s.startsWith(quote.repeat(3), this.i);
    const delim = triple ? quote.repeat(3) : quote;
    this.i += delim.length;
    let out = '';
    while (!this.s.startsWith(delim, this.i)) {
      if (this.i >= this.s.length) throw new Error('unterminated string');
      const c = this.s[this.i] as string;
      if (c === '\n' && !triple) throw new Error('newline in string');
      if (c === '\\') {
        out += unescape(this.s[this.i + 1] ?? '');
        this.i += 2;
      } else {
        out += c;
        this.i++;
      }
    }
    this.i += delim.length;
    return out;
  }
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '0': '\0', '\\': '\\', "'": "'", '"': '"' };

function unescape(c: string): string {
  return ESCAPES[c] ?? `\\${c}`;
}

function toNumber(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  const body = text.replace(/^[-+]/, '').replace(/_/g, '');
  if (/^0[xX]/.test(body)) return sign * parseInt(body.slice(2), 16);
  if (/^0[oO]/.test(body)) return sign * parseInt(body.slice(2), 8);
  if (/^0[bB]/.test(body)) return sign * parseInt(body.slice(2), 2);
  return sign * Number(body);
}
