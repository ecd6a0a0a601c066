// `service --plan` and `test --plan` for people: batches in order, each host's steps with their exact commands
// and notes, errors named, control characters shown escaped, and a last line saying nothing ran.
import { expect } from 'chai';
import { commandWithNote, renderServicePlan } from '../../src/report/service-plan-text.js';
import { renderTestPlans } from '../../src/report/test-plan-text.js';
import type { PlannedServiceHost, ServicePlan } from '../../src/services/plan-service.js';
import type { TestPlan } from '../../src/tests/plan-test.js';

function host(name: string, partial: Partial<PlannedServiceHost> = {}): PlannedServiceHost {
  return { host: name, sudo: false, steps: [{ step: 'start', command: `systemctl start app` }], ...partial };
}

describe('report: service --plan text', () => {
  it('one round: batches with their hosts, each host\'s steps and notes, sudo and errors marked', () => {
    const plan: ServicePlan = {
      op: 'start', service: 'app', hosts: 3, batchSize: 2, pauseMs: 0,
      rounds: [{ name: 'start', batches: [
        [host('a', { sudo: true, steps: [{ step: 'check', command: 'pgrep app', note: 'start is skipped when this exits 0' }, { step: 'start', command: 'app &' }, { step: 'wait', note: 'port 80 open' }, { step: 'reload', command: 'kill -HUP 1', note: '' }, { step: 'noop' }] }), host('b', { error: 'no start command' })],
        [host('c')],
      ] }],
    };
    expect(renderServicePlan(plan).split('\n')).to.deep.equal([
      'start app: 3 hosts, 2 at a time',
      'batch 1 of 2: a, b',
      '  a (sudo)',
      '    check: pgrep app  # start is skipped when this exits 0',
      '    start: app &',
      '    wait: port 80 open',
      '    reload: kill -HUP 1',
      '    noop',
      '  b: ERROR: no start command',
      'batch 2 of 2: c',
      '  c',
      '    start: systemctl start app',
      'plan: start app on 3 hosts in 2 batches; nothing was run',
      '',
    ]);
  });

  it('restart names its rounds; bounce shows its pause between batches (not before the first); singulars for one', () => {
    const restart: ServicePlan = {
      op: 'restart', service: 'db', hosts: 1, batchSize: 1, pauseMs: 0,
      rounds: [{ name: 'stop', batches: [[host('h', { steps: [{ step: 'stop', command: 'kill 1' }] })]] }, { name: 'start', batches: [[host('h')]] }],
    };
    expect(renderServicePlan(restart).split('\n')).to.deep.equal([
      'restart db: 1 host, 1 at a time',
      'stop, batch 1 of 1: h',
      '  h',
      '    stop: kill 1',
      'start, batch 1 of 1: h',
      '  h',
      '    start: systemctl start app',
      'plan: restart db on 1 host in 2 batches; nothing was run',
      '',
    ]);
    const bounce: ServicePlan = { op: 'bounce', service: 'web', hosts: 2, batchSize: 1, pauseMs: 5000, rounds: [{ name: 'bounce', batches: [[host('x')], [host('y')]] }] };
    expect(renderServicePlan(bounce).split('\n')).to.deep.equal([
      'bounce web: 2 hosts, 1 at a time, 5.0s pause between batches',
      'batch 1 of 2: x',
      '  x',
      '    start: systemctl start app',
      'pause 5.0s',
      'batch 2 of 2: y',
      '  y',
      '    start: systemctl start app',
      'plan: bounce web on 2 hosts in 2 batches; nothing was run',
      '',
    ]);
    const one: ServicePlan = { op: 'stop', service: 's', hosts: 1, batchSize: 1, pauseMs: 0, rounds: [{ name: 'stop', batches: [[host('z')]] }] };
    expect(renderServicePlan(one).split('\n').at(-2)).to.equal('plan: stop s on 1 host in 1 batch; nothing was run');
  });

  it('escapes control characters in service, host, command, note and error', () => {
    const plan: ServicePlan = {
      op: 'start', service: 's\u001b', hosts: 2, batchSize: 2, pauseMs: 0,
      rounds: [{ name: 'start', batches: [[host('h\u0007', { steps: [{ step: 'start', command: 'a\u001b[2J', note: 'n\r' }] }), host('e', { error: 'bad\u001b' })]] }],
    };
    expect(renderServicePlan(plan).split('\n').slice(0, 5)).to.deep.equal([
      'start s\\x1B: 2 hosts, 2 at a time',
      'batch 1 of 1: h\\x07, e',
      '  h\\x07',
      '    start: a\\x1B[2J  # n\\x0D',
      '  e: ERROR: bad\\x1B',
    ]);
  });

  it('a command and its note as one line: either alone, both, or nothing', () => {
    expect(commandWithNote('cmd', 'why')).to.equal('cmd  # why');
    expect(commandWithNote('cmd', undefined)).to.equal('cmd');
    expect(commandWithNote(undefined, 'why\u001b')).to.equal('why\\x1B');
    expect(commandWithNote(undefined, undefined)).to.equal('');
  });
});

describe('report: test --plan text', () => {
  it('each test with its hosts and numbered setup, step and teardown lines, host commands, errors and service plans', () => {
    const plans: TestPlan[] = [
      {
        id: 'kafka[acks=1]', file: 'tests/kafka.yaml', code: false,
        hosts: { brokers: ['b1', 'b2'], client: [] },
        steps: [
          { phase: 'setup', at: 'tests/kafka.yaml:3:5', label: 'exec', hosts: [{ host: 'b1', command: 'rm -rf /tmp/k' }, { host: 'b2', command: 'rm -rf /tmp/k', note: 'as root' }] },
          { phase: 'steps', at: 'tests/kafka.yaml:6:5', label: 'service start kafka', service: { op: 'start', service: 'kafka', hosts: 1, batchSize: 1, pauseMs: 0, rounds: [{ name: 'start', batches: [[host('b1')]] }] } },
          { phase: 'steps', at: 'tests/kafka.yaml:7:5', label: 'check nope', error: 'unknown check "nope"' },
          { phase: 'teardown', at: 'tests/kafka.yaml:9:5', label: 'wait', hosts: [{ host: 'b1', note: 'for port 9092' }] },
        ],
      },
      { id: 'code\u001b', file: 'tests/t.mjs', code: true, hosts: { all: ['h'] }, steps: [] },
    ];
    expect(renderTestPlans(plans).split('\n')).to.deep.equal([
      'kafka[acks=1]',
      '  hosts: brokers: b1, b2; client: (none)',
      '  setup 1 (tests/kafka.yaml:3:5): exec',
      '    b1: rm -rf /tmp/k',
      '    b2: rm -rf /tmp/k  # as root',
      '  step 1 (tests/kafka.yaml:6:5): service start kafka',
      '    start kafka: 1 host, 1 at a time',
      '    batch 1 of 1: b1',
      '      b1',
      '        start: systemctl start app',
      '  step 2 (tests/kafka.yaml:7:5): check nope',
      '    ERROR: unknown check "nope"',
      '  teardown 1 (tests/kafka.yaml:9:5): wait',
      '    b1: for port 9092',
      'code\\x1B',
      '  hosts: all: h',
      '  code test: its steps are known only when it runs',
      'plan: 2 tests, 4 steps; nothing was run',
      '',
    ]);
  });

  it('singular for one test and one step, and escapes names, places and labels', () => {
    const plans: TestPlan[] = [{ id: 't', file: 'f', code: false, hosts: { 'g\u0007': ['h\u001b'] }, steps: [{ phase: 'steps', at: 'f:1:1\u001b', label: 'l\u001b', hosts: [{ host: 'x\u001b' }] }] }];
    expect(renderTestPlans(plans).split('\n')).to.deep.equal([
      't',
      '  hosts: g\\x07: h\\x1B',
      '  step 1 (f:1:1\\x1B): l\\x1B',
      '    x\\x1B: ',
      'plan: 1 test, 1 step; nothing was run',
      '',
    ]);
    expect(renderTestPlans([])).to.equal('plan: 0 tests, 0 steps; nothing was run\n');
  });
});
