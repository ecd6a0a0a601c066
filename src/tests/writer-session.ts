// A TestSessionPort over today's SessionWriter: report.json with the tests, folders under tests/<id>/.
// (Replaced by src/session/'s Session when the session-api branch is merged.)
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { buildReport } from '../results/aggregate.js';
import { safeName, type SessionWriter } from '../results/session-writer.js';
import type { TestResult } from '../results/test-types.js';
import type { RunReport } from '../results/types.js';
import type { TestSessionPort, TestSink } from './session-port.js';
import { countTests } from './test-counts.js';

/** Tests reported into one SessionWriter. */
export class WriterTestSession implements TestSessionPort {
  private readonly tests = new Map<string, TestResult>();
  private readonly startedAt = new Date();

  constructor(private readonly writer: SessionWriter | undefined) {}

  get dir(): string | undefined {
    return this.writer?.dir;
  }

  scoped(...parts: string[]): TestSink {
    const writer = this.writer;
    const folder = async (...sub: string[]) => {
      if (!writer) return undefined;
      const d = join(writer.dir, ...[...parts, ...sub].map(safeName));
      await mkdir(d, { recursive: true });
      return d;
    };
    return { checkDir: (h, c) => folder('hosts', h, c), subdir: folder, log: (m) => writer?.log(m), writeReport: async () => undefined };
  }

  async addTest(result: TestResult): Promise<void> {
    this.tests.set(result.id, result);
    this.writer?.log(`test ${result.id}: ${result.status}`);
    await this.writer?.writeReport(this.report());
  }

  log(message: string): void {
    this.writer?.log(message);
  }

  /** The report: no hosts of its own, the tests and their counts. */
  report(ended?: Date): RunReport {
    const base = buildReport([], this.startedAt, ended);
    const tests = Object.fromEntries(this.tests);
    const failed = [...this.tests.values()].some((t) => t.status === 'FAIL' || t.status === 'INTERRUPTED');
    return { ...base, status: failed ? 'ERROR' : 'OK', tests, counts: { ...base.counts, tests: countTests(this.tests.values()) } };
  }
}
