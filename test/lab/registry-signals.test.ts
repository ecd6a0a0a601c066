// The lab registry's signal handlers: they close the labs and then the process dies of the signal, also when
// another listener (signal-exit, an interrupt trap) is installed, so SIGTERM to a test run ends it.

import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FIXTURE = fileURLToPath(new URL('./fixtures/signal-lab.ts', import.meta.url));

describe('lab registry signal handlers', function () {
  this.timeout(30_000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'smoker-signal-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`${signal}: closes the open labs, then the process dies of ${signal} within seconds`, async () => {
      const marker = join(dir, 'closed');
      const child = spawn(process.execPath, ['--import', 'tsx', FIXTURE, marker], { stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, sig) => resolve(sig ?? code)));
      child.kill(signal);
      const guard = setTimeout(() => child.kill('SIGKILL'), 8000);
      const how = await exited;
      clearTimeout(guard);
      expect(how, 'how the process ended (SIGKILL: it survived the signal)').to.be.oneOf([signal, 128 + (signal === 'SIGTERM' ? 15 : signal === 'SIGINT' ? 2 : 1)]);
      expect(existsSync(marker) && readFileSync(marker, 'utf8')).to.equal('closed\n');
    });
  }
});
