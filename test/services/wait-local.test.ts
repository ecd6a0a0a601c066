// The wait loops and the watcher, run for real by /bin/sh on this machine (transport: local).
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMarkScript, buildStoppedProbe, buildWaitProbe, parseMarks } from '../../src/services/wait-scripts.js';
import { waitFor } from '../../src/services/wait.js';
import { LocalConnection } from '../../src/transport/local-connection.js';
import { LogWatcher } from '../../src/watch/watcher.js';
import { freePort } from '../support/free-port.js';

const dir = mkdtempSync(join(tmpdir(), 'smoker-wait-'));
const conn = new LocalConnection('local', 8);
const later = (ms: number, fn: () => void) => setTimeout(fn, ms);

/** Lines of `ps` that mention `text` (the loops must leave nothing behind). */
function processesMentioning(text: string): string[] {
  return execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' }).split('\n').filter((l) => l.includes(text) && !l.includes('ps -eo'));
}

async function mark(path: string) {
  const out = await conn.exec(buildMarkScript([path]));
  return parseMarks([path], out.stdout).get(path);
}

describe('services: wait loops run by sh (local)', function () {
  this.timeout(30_000);
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('port', () => {
    let server: Server | undefined;
    afterEach(() => server?.close());

    it('passes once something listens, and says how long it took', async () => {
      const port = await freePort();
      later(600, () => (server = createServer().listen(port, '127.0.0.1')));
      const r = await waitFor(conn, buildWaitProbe({ kind: 'port', port, host: '127.0.0.1' }, 10_000), 10_000);
      expect(r.status, JSON.stringify(r)).to.equal('OK');
      expect(r.info?.[0]).to.match(new RegExp(`^port ${port} after \\d`));
      expect(r.out.durationMs).to.be.within(500, 4000);
    });

    it('an open port costs one probe: no clock read, no sleep', async () => {
      const port = await freePort();
      server = createServer().listen(port, '127.0.0.1');
      const bin = join(dir, 'count-calls');
      const log = join(dir, 'calls');
      execFileSync('mkdir', ['-p', bin]);
      for (const tool of ['date', 'sleep', 'grep']) writeFileSync(join(bin, tool), `#!/bin/sh\necho ${tool} >> ${log}\nexec /bin/${tool} "$@"\n`, { mode: 0o755 });
      writeFileSync(log, '');
      const probe = buildWaitProbe({ kind: 'port', port, host: '127.0.0.1' }, 10_000);
      const r = await waitFor(conn, { ...probe, script: `PATH=${bin}:$PATH\n${probe.script}` }, 10_000);
      expect(r.status, JSON.stringify(r)).to.equal('OK');
      expect(readFileSync(log, 'utf8')).to.equal('');
    });

    it('an nc without -z (BusyBox) is found out at its first failed probe: bash takes over', async () => {
      const port = await freePort();
      const bin = join(dir, 'no-z-nc');
      execFileSync('mkdir', ['-p', bin]);
      writeFileSync(join(bin, 'nc'), '#!/bin/sh\necho "nc: invalid option -- \'z\'" >&2\necho "Usage: nc [OPTIONS] HOST PORT" >&2\nexit 1\n', { mode: 0o755 });
      later(400, () => (server = createServer().listen(port, '127.0.0.1')));
      const probe = buildWaitProbe({ kind: 'port', port, host: '127.0.0.1' }, 10_000);
      const r = await waitFor(conn, { ...probe, script: `PATH=${bin}:$PATH\n${probe.script}` }, 10_000);
      expect(r.status, JSON.stringify(r)).to.equal('OK');
      expect(r.out.stdout).to.equal('open (bash)\n');
    });

    it('times out with "timed out after 1.5s waiting for port N", leaving no loop behind', async () => {
      const port = await freePort();
      const t0 = Date.now();
      const r = await waitFor(conn, buildWaitProbe({ kind: 'port', port, host: '127.0.0.1' }, 1500), 1500);
      expect(r.status).to.equal('ERROR');
      expect(r.error?.[0]).to.match(new RegExp(`^timed out after 1\\.5s waiting for port ${port}`));
      expect(Date.now() - t0).to.be.within(1400, 4000);
      expect(processesMentioning(`P=${port}`)).to.deep.equal([]);
    });
  });

  describe('http', () => {
    let server: HttpServer | undefined;
    afterEach(() => server?.close());

    async function serve(status: () => number): Promise<string> {
      server = createHttpServer((_req, res) => res.writeHead(status(), { location: '/x' }).end('x'));
      await new Promise<void>((r) => server!.listen(0, '127.0.0.1', () => r()));
      return `http://127.0.0.1:${(server.address() as { port: number }).port}/health`;
    }

    it('passes on 2xx after 503s, and on a 3xx (not followed)', async () => {
      let n = 0;
      const url = await serve(() => (++n < 3 ? 503 : 200));
      const ok = await waitFor(conn, buildWaitProbe({ kind: 'http', url }, 10_000), 10_000);
      expect(ok.status).to.equal('OK');
      expect(ok.info?.[0]).to.contain('HTTP 200');
      server?.close();
      const redirect = await serve(() => 302);
      expect((await waitFor(conn, buildWaitProbe({ kind: 'http', url: redirect }, 5000), 5000)).info?.[0]).to.contain('HTTP 302');
    });

    it('times out naming the last answer', async () => {
      const url = await serve(() => 503);
      const r = await waitFor(conn, buildWaitProbe({ kind: 'http', url }, 1500), 1500);
      expect(r.error?.[0]).to.equal(`timed out after 1.5s waiting for HTTP 2xx/3xx from ${url} (last: HTTP 503)`);
    });
  });

  describe('log', () => {
    it('matches only lines written after the mark', async () => {
      const log = join(dir, 'app.log');
      writeFileSync(log, 'boot\nready 1\n');
      const m = await mark(log);
      expect(m?.off).to.equal(13);
      later(700, () => appendFileSync(log, 'noise\nready 42\n'));
      const r = await waitFor(conn, buildWaitProbe({ kind: 'log', path: log, pattern: 'ready \\d+' }, 10_000, m), 10_000);
      expect(r.status).to.equal('OK');
      expect(r.info?.[0]).to.match(/after .*: ready 42$/);
      expect(r.out.durationMs).to.be.greaterThan(600);
    });

    it('times out when the only match was written before the mark', async () => {
      const log = join(dir, 'old.log');
      writeFileSync(log, 'ready 1\n');
      const r = await waitFor(conn, buildWaitProbe({ kind: 'log', path: log, pattern: 'ready' }, 1200, await mark(log)), 1200);
      expect(r.error?.[0]).to.match(/^timed out after 1\.2s waiting for \/ready\/ in .*old\.log \(last: no new line matched yet\)$/);
    });

    it('reads a rotated file (new inode), a truncated one and one truncated then grown past the mark from the start', async () => {
      for (const how of ['rotate', 'truncate', 'regrow'] as const) {
        const log = join(dir, `${how}.log`);
        writeFileSync(log, `${'x'.repeat(how === 'regrow' ? 20 : 500)}\n`);
        const m = await mark(log);
        expect(m?.headBytes).to.equal(how === 'regrow' ? 21 : 128);
        later(500, () => {
          if (how === 'rotate') {
            renameSync(log, `${log}.1`);
            writeFileSync(log, 'ready\n');
          } else if (how === 'truncate') writeFileSync(log, 'ready\n');
          else writeFileSync(log, `ready\n${'y'.repeat(40)}\n`);
        });
        const r = await waitFor(conn, buildWaitProbe({ kind: 'log', path: log, pattern: '^ready$' }, 10_000, m), 10_000);
        expect(r.status, how).to.equal('OK');
      }
    });

    it('matches a line written in two pieces, and waits for a file that does not exist yet', async () => {
      const log = join(dir, 'pieces.log');
      const m = await mark(log);
      expect(m).to.deep.equal({ off: 0, ino: '-', headBytes: 0, headSum: '' });
      later(300, () => writeFileSync(log, 'server sta'));
      later(1200, () => appendFileSync(log, 'rted\n'));
      const r = await waitFor(conn, buildWaitProbe({ kind: 'log', path: log, pattern: 'server started' }, 10_000, m), 10_000);
      expect(r.status).to.equal('OK');
      expect(r.info?.[0]).to.match(/: server started$/);
    });
  });

  describe('command', () => {
    it('passes once the command exits 0', async () => {
      const flag = join(dir, 'flag');
      later(500, () => writeFileSync(flag, ''));
      const r = await waitFor(conn, buildWaitProbe({ kind: 'command', command: `test -f ${flag} && echo present` }, 10_000), 10_000);
      expect(r.status).to.equal('OK');
      expect(r.info?.[0]).to.match(/^command .* to succeed after .*: present$/);
    });

    it('times out with the last failure', async () => {
      const r = await waitFor(conn, buildWaitProbe({ kind: 'command', command: 'echo not yet; exit 3' }, 1000), 1000);
      expect(r.error?.[0]).to.equal('timed out after 1s waiting for command "echo not yet; exit 3" to succeed (last: exit 3: not yet)');
    });

    it('a command that does not exist (exit 127) fails at once with "command not found", not after the timeout', async () => {
      // 120 s of timeout against the test's 30 s: only an early failure passes.
      const r = await waitFor(conn, buildWaitProbe({ kind: 'command', command: 'smoker-no-such-command --ready' }, 120_000), 120_000);
      expect(r.status).to.equal('ERROR');
      expect(r.error?.[0]).to.match(/^command not found \(exit 127\): .*smoker-no-such-command.*not found$/);
    });
  });
});

describe('services: a wait reports soon after its condition comes true (local)', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(join(tmpdir(), 'smoker-wait-soon-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const at = join(dir, 'became-true-at');
  // The moment is written on the host (here: this machine) by the shell that makes the condition true, in ms,
  // just before it does: written after, a wait that noticed at once could read the file before it exists.
  const recordThen = (delay: string, action: string) => `(sleep ${delay}; date +%s%3N > ${at}.tmp; mv ${at}.tmp ${at}; ${action}) >/dev/null 2>&1 </dev/null &`;
  const becameTrueAt = () => Number(readFileSync(at, 'utf8').trim());
  const lateness = async (probe: ReturnType<typeof buildWaitProbe>, setup: string) => {
    rmSync(at, { force: true });
    await conn.exec(setup);
    const r = await waitFor(conn, probe, 10_000);
    const reported = Date.now();
    expect(r.status, JSON.stringify(r)).to.equal('OK');
    return reported - becameTrueAt();
  };
  // 2s: between two probes of a loop that backs off from 0.2s (0, 0.2, 0.6, 1.4, 3.0), it would report 1s late.
  // The bound is loose for a loaded machine; the precise numbers are in bench/.
  const BOUND_MS = 400;

  it('port: a listener opened after 2s', async () => {
    const port = await freePort();
    const server = createServer();
    try {
      rmSync(at, { force: true });
      later(2000, () => server.listen(port, '127.0.0.1', () => writeFileSync(at, String(Date.now()))));
      const r = await waitFor(conn, buildWaitProbe({ kind: 'port', port, host: '127.0.0.1' }, 10_000), 10_000);
      const reported = Date.now();
      expect(r.status, JSON.stringify(r)).to.equal('OK');
      expect(reported - becameTrueAt()).to.be.below(BOUND_MS);
    } finally {
      server.close();
    }
  });

  it('http: a 200 after 2s of 503s', async () => {
    let ready = false;
    const server = createHttpServer((_req, res) => res.writeHead(ready ? 200 : 503).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    try {
      rmSync(at, { force: true });
      later(2000, () => {
        ready = true;
        writeFileSync(at, String(Date.now()));
      });
      const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
      const r = await waitFor(conn, buildWaitProbe({ kind: 'http', url }, 10_000), 10_000);
      const reported = Date.now();
      expect(r.status, JSON.stringify(r)).to.equal('OK');
      expect(reported - becameTrueAt()).to.be.below(BOUND_MS);
    } finally {
      server.close();
    }
  });

  it('command: a file that appears after 2s', async () => {
    const flag = join(dir, 'flag-command');
    rmSync(flag, { force: true });
    const late = await lateness(buildWaitProbe({ kind: 'command', command: `test -f ${flag}` }, 10_000), recordThen('2', `touch ${flag}`));
    expect(late).to.be.below(BOUND_MS);
  });

  it('log: a line written after 2s', async () => {
    const log = join(dir, 'prompt.log');
    writeFileSync(log, 'booting\n');
    const m = await mark(log);
    const late = await lateness(buildWaitProbe({ kind: 'log', path: log, pattern: 'started' }, 10_000, m), recordThen('2', `echo started >> ${log}`));
    expect(late).to.be.below(BOUND_MS);
  });

  it('stopped: a status that starts failing after 2s', async () => {
    const flag = join(dir, 'flag-running');
    writeFileSync(flag, '');
    const late = await lateness(buildStoppedProbe(`test -f ${flag}`, 10_000), recordThen('2', `rm -f ${flag}`));
    expect(late).to.be.below(BOUND_MS);
  });

  it('pauses 20 ms between its first probes, then 1/20 of the time waited, up to 2 s (fractions padded to ms)', async function () {
    this.timeout(90_000);
    // A `sleep` that only records its argument and a `date` that stands still: the pauses, not the clock, count.
    const bin = join(dir, 'record-sleep');
    const log = join(dir, 'pauses');
    execFileSync('mkdir', ['-p', bin]);
    rmSync(log, { force: true });
    writeFileSync(join(bin, 'sleep'), `#!/bin/sh\nprintf '%s\\n' "$1" >> ${log}\n`);
    writeFileSync(join(bin, 'date'), '#!/bin/sh\necho 1000\n');
    chmodSync(join(bin, 'sleep'), 0o755);
    chmodSync(join(bin, 'date'), 0o755);
    const probe = buildWaitProbe({ kind: 'command', command: `[ "$(wc -l < ${log})" -ge 120 ]` }, 60_000);
    const r = await waitFor(conn, { ...probe, script: `PATH=${bin}:$PATH; : > ${log}\n${probe.script}` }, 60_000);
    expect(r.status, JSON.stringify(r)).to.equal('OK');
    // The model: pause = waited / 20, at least 20 ms, at most 2000 ms (the first line is the loop's `sleep 0.001` test).
    const expected = ['0.001'];
    for (let waited = 0; expected.length < 120; ) {
      const d = Math.min(2000, Math.max(20, Math.floor(waited / 20)));
      expected.push(`${Math.floor(d / 1000)}.${String(d % 1000).padStart(3, '0')}`);
      waited += d;
    }
    const pauses = readFileSync(log, 'utf8').trim().split('\n');
    expect(pauses).to.deep.equal(expected);
    // One, two and three digits of ms all padded to three: 0.021, 0.103, 1.020.
    expect(pauses).to.include.members(['0.020', '0.021', '0.103', '1.020', '2.000']);
  });

  it('falls back to whole seconds where sleep takes no fractions', async () => {
    const bin = join(dir, 'int-sleep');
    execFileSync('mkdir', ['-p', bin]);
    // A sleep that refuses fractions, as on a minimal host.
    writeFileSync(join(bin, 'sleep'), '#!/bin/sh\ncase $1 in *.*) echo "sleep: invalid time interval $1" >&2; exit 1 ;; esac\nexec /bin/sleep "$1"\n');
    chmodSync(join(bin, 'sleep'), 0o755);
    const flag = join(dir, 'flag-int');
    rmSync(flag, { force: true });
    const probe = buildWaitProbe({ kind: 'command', command: `test -f ${flag}` }, 10_000);
    later(1500, () => writeFileSync(flag, ''));
    const r = await waitFor(conn, { ...probe, script: `PATH=${bin}:$PATH\n${probe.script}` }, 10_000);
    expect(r.status, JSON.stringify(r)).to.equal('OK');
    // Whole-second steps: probes at 0, 1, 2 s, so it passes at the probe after 1.5s, never with a sleep error.
    expect(r.out.durationMs).to.be.at.least(1500);
    expect(r.out.stderr).not.to.contain('invalid time');
  });
});

describe('watch: the log watcher follows a file (local)', function () {
  this.timeout(30_000);
  const wdir = mkdtempSync(join(tmpdir(), 'smoker-watch-'));
  after(() => rmSync(wdir, { recursive: true, force: true }));

  async function watchRun(conn: LocalConnection, name: string) {
    const log = join(wdir, `${name}.log`);
    writeFileSync(log, 'old Traceback (most recent call last):\nold line\n');
    const saved = join(wdir, `${name}.seen`);
    let step = 'start';
    const w = await LogWatcher.start(conn, { name: `${name}.log`, path: log, patterns: ['OOPS'] }, { saveTo: saved, tag: () => step });
    appendFileSync(log, 'INFO up\nTraceback (most recent call last):\n  File "x.py", line 1, in <module>\nValueError: bad\n');
    await new Promise((r) => setTimeout(r, 900));
    step = 'wait';
    renameSync(log, `${log}.1`);
    writeFileSync(log, 'java.lang.IllegalStateException: boom\n\tat a.B.c(B.java:1)\nINFO OOPS\n');
    await new Promise((r) => setTimeout(r, 1200));
    const result = await w.stop();
    return { result, saved: readFileSync(saved, 'utf8'), log };
  }

  it('sees only new lines, across rotation, tags findings with the step they arrived in, and saves what it saw', async () => {
    const { result, saved, log } = await watchRun(conn, 'gnu');
    expect(result.error).to.equal(undefined);
    expect(result.findings.map((f) => [f.kind, f.tag, f.lines.at(-1)])).to.deep.equal([
      ['python', 'start', 'ValueError: bad'],
      ['java', 'wait', '\tat a.B.c(B.java:1)'],
      ['pattern', 'wait', 'INFO OOPS'],
    ]);
    expect(saved).to.not.contain('old line');
    expect(saved).to.contain('ValueError: bad').and.to.contain('java.lang.IllegalStateException: boom');
    expect(processesMentioning(log)).to.deep.equal([]);
  });

  it('falls back to a POSIX polling loop where tail has no -F', async () => {
    const bin = join(wdir, 'bin');
    execFileSync('mkdir', ['-p', bin]);
    writeFileSync(join(bin, 'tail'), '#!/bin/sh\nfor a in "$@"; do [ "$a" = -F ] && { echo "tail: illegal option -- F" >&2; exit 1; }; done\nexec /usr/bin/tail "$@"\n');
    chmodSync(join(bin, 'tail'), 0o755);
    const posix = new LocalConnection('posix', 8, { PATH: `${bin}:${process.env.PATH ?? ''}` });
    const { result, saved } = await watchRun(posix, 'posix');
    expect(result.findings.map((f) => f.kind)).to.deep.equal(['python', 'java', 'pattern']);
    expect(saved).to.contain('ValueError: bad');
  });
});
