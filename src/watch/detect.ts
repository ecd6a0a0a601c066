// Finds exceptions in log lines (smog's watcher): Python tracebacks, Java stack traces, FATAL, panic:, user patterns.

/** What kind of problem a finding is. */
export type FindingKind = 'python' | 'java' | 'fatal' | 'panic' | 'pattern';

/** One exception found in a log: its lines as they were written. */
export interface Finding<T = undefined> {
  kind: FindingKind;
  /** The quoted lines (at most MAX_FINDING_LINES; `omitted` counts the rest). */
  lines: string[];
  omitted: number;
  /** 1-based number of the first line in the watched stream. */
  lineNo: number;
  /** The tag given with the finding's first line (e.g. the step running when it arrived). */
  tag: T;
}

/** Lines kept per finding; a longer trace keeps its head and its last lines (the exception itself). */
export const MAX_FINDING_LINES = 40;
const TAIL_KEPT = 10;

const PY_START = /Traceback \(most recent call last\):\s*$/;
const PY_CHAIN = /^(During handling of the above exception|The above exception was the direct cause)/;
const JAVA_HEADER = /^\s*(?:Exception in thread "[^"]*" +\S|(?:Caused by|Suppressed): +\S|(?:[a-zA-Z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)(?::|\s*$))/;
const JAVA_FRAME = /^\s+at +[\w$.<>/-]+\(.*\)\s*$/;
const JAVA_MORE = /^\s*\.\.\. \d+ (?:more|common frames omitted)\s*$/;
const FATAL = /\bFATAL\b|^fatal error: /;
const PANIC = /(?:^|\s)panic: /;
const GO_TRACE = /^(?:\s|goroutine \d+ \[|\[signal |[\w./*()-]+\(.*\)\s*$|exit status \d+$|$)/;

type Mode = 'none' | 'python' | 'python-end' | 'java' | 'panic';

/**
 * A line-at-a-time detector, pure: feed lines with push(), read what completed from take().
 * A trace ends at the first line that cannot belong to it; that line is then examined afresh.
 */
export class ExceptionDetector<T = undefined> {
  private mode: Mode = 'none';
  private current: Finding<T> | undefined;
  private previous: { line: string; tag: T } | undefined;
  private count = 0;
  private readonly done: Finding<T>[] = [];
  private readonly user: RegExp[];

  constructor(userPatterns: readonly string[] = []) {
    this.user = userPatterns.map((p) => new RegExp(p));
  }

  /** Examines one line (without its newline); `tag` is remembered for a finding that starts here. */
  push(line: string, tag: T): void {
    this.count++;
    if (!this.continues(line)) {
      this.close();
      this.begin(line, tag);
    }
    this.previous = { line, tag };
  }

  /** Ends any open trace (end of the stream). */
  flush(): void {
    this.close();
  }

  /** Returns the findings completed since the last call. */
  take(): Finding<T>[] {
    return this.done.splice(0, this.done.length);
  }

  /** Whether the line extends the open trace (and adds it if so). */
  private continues(line: string): boolean {
    switch (this.mode) {
      case 'none':
        return false;
      case 'python':
        // Indented lines are frames and code; the first unindented one is the exception line.
        if (!/^\s/.test(line) || line === '') this.mode = 'python-end';
        this.add(line);
        if (this.mode === 'python-end') this.close();
        return true;
      case 'java':
        if (JAVA_FRAME.test(line) || JAVA_MORE.test(line) || /^\s*(?:Caused by|Suppressed): /.test(line)) {
          this.add(line);
          return true;
        }
        return false;
      case 'panic':
        if (GO_TRACE.test(line)) {
          this.add(line);
          return true;
        }
        return false;
      default:
        return false;
    }
  }

  /** Starts a finding at this line, if it is the start of one. */
  private begin(line: string, tag: T): void {
    if (PY_START.test(line)) return this.open('python', line, tag);
    if (JAVA_HEADER.test(line)) return this.open('java', line, tag);
    if (JAVA_FRAME.test(line)) {
      // A frame without a header: the header was the previous line (e.g. after a log prefix).
      const prev = this.previous;
      this.open('java', prev ? prev.line : line, prev ? prev.tag : tag, prev ? this.count - 1 : this.count);
      if (prev) this.add(line);
      return;
    }
    if (PANIC.test(line)) return this.open('panic', line, tag);
    if (FATAL.test(line)) return this.single('fatal', line, tag);
    if (PY_CHAIN.test(line)) return;
    if (this.user.some((re) => re.test(line))) this.single('pattern', line, tag);
  }

  private open(mode: 'python' | 'java' | 'panic', line: string, tag: T, lineNo = this.count): void {
    this.mode = mode;
    this.current = { kind: mode, lines: [line], omitted: 0, lineNo, tag };
  }

  private single(kind: FindingKind, line: string, tag: T): void {
    this.done.push({ kind, lines: [line], omitted: 0, lineNo: this.count, tag });
  }

  private add(line: string): void {
    const f = this.current;
    if (!f) return;
    f.lines.push(line);
    if (f.lines.length > MAX_FINDING_LINES) {
      // Keep the head and a sliding window of the last lines: drop the line just before the tail.
      f.lines.splice(MAX_FINDING_LINES - TAIL_KEPT, 1);
      f.omitted++;
    }
  }

  private close(): void {
    const f = this.current;
    this.mode = 'none';
    this.current = undefined;
    if (!f) return;
    while (f.lines.length > 1 && (f.lines[f.lines.length - 1] ?? '').trim() === '') f.lines.pop();
    this.done.push(f);
  }
}

/** Finds every exception in a text at once (tests, collected logs). */
export function detectExceptions(text: string, userPatterns: readonly string[] = []): Finding[] {
  const d = new ExceptionDetector(userPatterns);
  for (const line of text.split(/\r?\n/)) d.push(line, undefined);
  d.flush();
  return d.take();
}
