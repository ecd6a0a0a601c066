import { expect } from 'chai';
import { toAwkRegex } from '../../src/services/awk-regex.js';
import { usesQuickSteps } from '../../src/services/phases.js';
import { runRoll } from '../../src/services/roll.js';
import { computeBatchSize, parseSerial, splitBatches } from '../../src/services/serial.js';
import { formatWaitTime } from '../../src/services/step-result.js';
import { judgeProbe } from '../../src/services/wait.js';
import { buildWaitProbe, parseMarks } from '../../src/services/wait-scripts.js';
import type { CommandOutput } from '../../src/transport/types.js';
import { StepClock } from '../../src/watch/step-clock.js';

function output(fields: Partial<CommandOutput>): CommandOutput {
  return { stdout: '', stderr: '', exitCode: 0, signal: null, startedAt: new Date().toISOString(), durationMs: 1234, truncated: false, timedOut: false, aborted: false, ...fields };
}

describe('services: serial and batches', () => {
  it('parses N and N%, and refuses anything else', () => {
    expect(parseSerial(2)).to.deep.equal({ count: 2 });
    expect(parseSerial('3')).to.deep.equal({ count: 3 });
    expect(parseSerial('25%')).to.deep.equal({ percent: 25 });
    for (const bad of ['0', '0%', '150%', 'x', '-1', '1.5']) expect(parseSerial(bad), bad).to.equal(undefined);
  });

  it('sizes batches as Ansible does: N%, rounded down, at least 1', () => {
    expect(computeBatchSize({ percent: 25 }, 10)).to.equal(2);
    expect(computeBatchSize({ percent: 10 }, 3)).to.equal(1);
    expect(computeBatchSize({ percent: 100 }, 3)).to.equal(3);
    expect(computeBatchSize({ count: 2 }, 3)).to.equal(2);
    expect(splitBatches(['a', 'b', 'c', 'd', 'e'], 2)).to.deep.equal([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('rolls batch by batch and stops at the first failed batch, leaving the rest untouched', async () => {
    const touched: string[] = [];
    const out = await runRoll([['a'], ['b', 'c'], ['d']], async (x) => {
      touched.push(x);
      return x !== 'c';
    });
    expect(touched).to.deep.equal(['a', 'b', 'c']);
    expect(out).to.deep.equal({ stoppedAt: 1, reason: 'failed', left: ['d'] });
  });

  it('gets the next batch ready while the current one works, and never the batches after it', async () => {
    const events: string[] = [];
    await runRoll(
      [['a'], ['b'], ['c']],
      async (x) => {
        events.push(`work ${x}`);
        await new Promise((r) => setImmediate(r));
        events.push(`done ${x}`);
        return true;
      },
      { prepare: (x) => events.push(`prepare ${x}`) },
    );
    expect(events).to.deep.equal(['prepare b', 'work a', 'done a', 'prepare c', 'work b', 'done b', 'work c', 'done c']);
    const stopped: string[] = [];
    await runRoll([['a'], ['b'], ['c']], async (x) => x !== 'a', { prepare: (x) => stopped.push(x) });
    expect(stopped, 'a roll stopped at batch 1 never gets batch 3 ready').to.deep.equal(['b']);
  });

  it('does not start a batch once interrupted', async () => {
    const ac = new AbortController();
    const out = await runRoll([['a'], ['b']], async () => {
      ac.abort();
      return true;
    }, { signal: ac.signal, pauseMs: 10_000 });
    expect(out).to.deep.equal({ stoppedAt: 1, reason: 'interrupted', left: ['b'] });
  });
});

describe('services: wait conditions (pure parts)', () => {
  it('names steps after their condition', () => {
    expect(buildWaitProbe({ kind: 'port', port: 9092, host: '127.0.0.1' }, 1000).name).to.equal('wait port 9092');
    expect(buildWaitProbe({ kind: 'port', port: 9092, host: '10.0.0.5' }, 1000).name).to.equal('wait port 10.0.0.5:9092');
    expect(buildWaitProbe({ kind: 'http', url: 'http://x/health' }, 1000).name).to.equal('wait http http://x/health');
    expect(buildWaitProbe({ kind: 'log', path: '/var/log/k.log', pattern: 'started' }, 1000).name).to.equal('wait log /var/log/k.log /started/');
    expect(buildWaitProbe({ kind: 'command', command: 'test -f /x' }, 1000).name).to.equal('wait command test -f /x');
  });

  it('judges a wait: OK with how long it took, timeout with the exact words and the last note', () => {
    const probe = buildWaitProbe({ kind: 'port', port: 9092, host: '127.0.0.1' }, 60_000);
    expect(judgeProbe(output({ stdout: 'open (nc)\n' }), probe, 60_000)).to.deep.equal({ status: 'OK', info: ['port 9092 after 1.2s: open (nc)'] });
    expect(judgeProbe(output({ exitCode: null, timedOut: true, stderr: 'connection refused or timed out (nc)\n' }), probe, 60_000)).to.deep.equal({
      status: 'ERROR',
      error: ['timed out after 60s waiting for port 9092 (last: connection refused or timed out (nc))'],
    });
    expect(judgeProbe(output({ exitCode: 127, stderr: 'cannot probe ports: no nc, bash or python3 on the host\n' }), probe, 60_000).error).to.deep.equal(['cannot probe ports: no nc, bash or python3 on the host']);
    expect(judgeProbe(output({ exitCode: null, aborted: true }), probe, 60_000).status).to.equal('UNKNOWN');
  });

  it('formats times as check files write them when exact', () => {
    expect([formatWaitTime(60_000), formatWaitTime(500), formatWaitTime(1234), formatWaitTime(90_000)]).to.deep.equal(['60s', '500ms', '1.2s', '90s']);
  });

  it('parses log marks, missing files as offset 0', () => {
    const marks = parseMarks(['/a', '/b', '/c'], '120 4411 120 3015617425\n0 - 0 \n');
    const none = { off: 0, ino: '-', headBytes: 0, headSum: '' };
    expect([...marks.entries()]).to.deep.equal([['/a', { off: 120, ino: '4411', headBytes: 120, headSum: '3015617425' }], ['/b', none], ['/c', none]]);
  });

  it('turns \\d \\s \\w into POSIX classes for awk, leaving bracket expressions and escapes alone', () => {
    expect(toAwkRegex('ready \\d+ in\\s\\w+')).to.equal('ready [0-9]+ in[[:space:]][[:alnum:]_]+');
    expect(toAwkRegex('a\\.b[\\d]\\D')).to.equal('a\\.b[\\d][^0-9]');
  });
});

describe('watch: step clock', () => {
  it('names the earliest running step, else the last one that ended', () => {
    const c = new StepClock();
    expect(c.current()).to.equal(undefined);
    const endStart = c.begin('start');
    const endWait = c.begin('wait port 1');
    expect(c.current()).to.equal('start');
    endStart();
    expect(c.current()).to.equal('wait port 1');
    endWait();
    expect(c.current()).to.equal('wait port 1');
  });
});

describe('services: which operations open a shared session ahead (usesQuickSteps)', () => {
  const full = { status: 'true', wait: [{}] };
  const bare = { wait: [] };
  it('stop, bounce, restart, status and wait do; kill and signal never do', () => {
    for (const op of ['stop', 'bounce', 'restart', 'status', 'wait']) expect(usesQuickSteps(op, bare), op).to.equal(true);
    for (const op of ['kill', 'signal']) expect(usesQuickSteps(op, full), op).to.equal(false);
  });
  it('start only with a status or a wait condition to run, clean only with a status', () => {
    expect([usesQuickSteps('start', bare), usesQuickSteps('start', { wait: [{}] }), usesQuickSteps('start', { status: 's', wait: [] })]).to.deep.equal([false, true, true]);
    expect([usesQuickSteps('clean', bare), usesQuickSteps('clean', { wait: [{}] }), usesQuickSteps('clean', { status: 's', wait: [] })]).to.deep.equal([false, false, true]);
  });
});
