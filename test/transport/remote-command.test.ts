import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { PID_MARKER, readPidLine, wrapCommand } from '../../src/transport/remote-command.js';

describe('transport/remote-command', () => {
  it('the wrapper run by /bin/sh prints the pid line first on stderr, then the command runs with its env', () => {
    let stderr = '';
    try {
      execFileSync('/bin/sh', ['-c', wrapCommand('echo "$GREETING"; echo oops >&2; exit 3', { env: { GREETING: "it's here" } })], { encoding: 'utf8', stdio: 'pipe' });
    } catch (err) {
      const e = err as { status: number; stdout: string; stderr: string };
      expect(e.status).to.equal(3);
      expect(e.stdout).to.equal("it's here\n");
      stderr = e.stderr;
    }
    const head = readPidLine(Buffer.from(stderr));
    expect(head?.marker).to.equal(true);
    expect(head?.pid).to.be.a('number').greaterThan(1);
    expect(head?.rest.toString()).to.equal('oops\n');
  });

  it('waits for a whole line, however stderr is cut', () => {
    const text = Buffer.from(`${PID_MARKER}4242\nafter\n`);
    for (let cut = 0; cut < text.indexOf(10); cut++) expect(readPidLine(text.subarray(0, cut)), `cut at ${cut}`).to.equal(undefined);
    expect(readPidLine(text)).to.deep.include({ marker: true, pid: 4242 });
  });

  it('a first line that is not the marker is output, all of it', () => {
    const head = readPidLine(Buffer.from('sudo: a password is required\n'));
    expect(head).to.deep.include({ marker: false, pid: undefined });
    expect(head?.rest.toString()).to.equal('sudo: a password is required\n');
  });

  it('gives up waiting for the newline after maxWait bytes', () => {
    const long = Buffer.from('x'.repeat(70));
    expect(readPidLine(long.subarray(0, 63), 64)).to.equal(undefined);
    expect(readPidLine(long, 64)).to.deep.include({ marker: false });
    expect(readPidLine(long)).to.equal(undefined);
  });
});
