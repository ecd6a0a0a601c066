import { expect } from 'chai';
import { detectExceptions, ExceptionDetector, MAX_FINDING_LINES } from '../../src/watch/detect.js';
import { formatFinding, buildWatcherComponent } from '../../src/watch/findings.js';

const PYTHON = [
  '2026-11-22 10:00:00 demo starting',
  'Traceback (most recent call last):',
  '  File "/srv/demo.py", line 28, in main',
  '    load_config()',
  '  File "/srv/demo.py", line 24, in load_config',
  '    return int(settings["replicas"])',
  '               ~~~~~~~~^^^^^^^^^^^^',
  "KeyError: 'replicas'",
  '2026-11-22 10:00:01 still alive',
].join('\n');

const JAVA = [
  '2026-11-22 10:00:00 INFO booting',
  'Exception in thread "main" java.lang.IllegalStateException: broker failed to start',
  '\tat com.example.demo.Broker.start(Broker.java:42)',
  '\tat com.example.demo.Main.main(Main.java:7)',
  'Caused by: java.net.BindException: Address already in use',
  '\tat java.base/sun.nio.ch.Net.bind0(Native Method)',
  '\t... 2 more',
  '2026-11-22 10:00:01 INFO next',
].join('\n');

describe('watch/detect: exception patterns in log lines', () => {
  it('finds a Python traceback with its indented lines and the final exception line', () => {
    const [f, ...rest] = detectExceptions(PYTHON);
    expect(rest).to.deep.equal([]);
    expect(f?.kind).to.equal('python');
    expect(f?.lineNo).to.equal(2);
    expect(f?.lines[0]).to.equal('Traceback (most recent call last):');
    expect(f?.lines.at(-1)).to.equal("KeyError: 'replicas'");
    expect(f?.lines).to.have.length(7);
  });

  it('finds a Java exception with its `at` frames, Caused by and "... N more"', () => {
    const found = detectExceptions(JAVA);
    expect(found).to.have.length(1);
    expect(found[0]?.kind).to.equal('java');
    expect(found[0]?.lines).to.deep.equal(JAVA.split('\n').slice(1, 7));
  });

  it('finds a qualified exception line without a thread header, and a headerless frame run with the line before it', () => {
    const text = ['ERROR [main] c.e.Loader - could not load', '\tat com.example.Loader.load(Loader.java:3)', 'INFO ok', 'java.lang.NullPointerException: x is null', 'INFO done'].join('\n');
    const found = detectExceptions(text);
    expect(found.map((f) => f.lines)).to.deep.equal([
      ['ERROR [main] c.e.Loader - could not load', '\tat com.example.Loader.load(Loader.java:3)'],
      ['java.lang.NullPointerException: x is null'],
    ]);
  });

  it('finds FATAL and Go panics (with their goroutine trace), and the user patterns', () => {
    const text = [
      'all good',
      '2026-11-22 FATAL disk full',
      'panic: runtime error: index out of range',
      '',
      'goroutine 1 [running]:',
      'main.main()',
      '\t/src/main.go:5 +0x1d',
      'exit status 2',
      'INFO back',
      'WARN slow request 2300ms',
      'the word fatality is fine',
    ].join('\n');
    const found = detectExceptions(text, ['slow request \\d+ms']);
    expect(found.map((f) => [f.kind, f.lines.length, f.lineNo])).to.deep.equal([
      ['fatal', 1, 2],
      ['panic', 6, 3],
      ['pattern', 1, 10],
    ]);
  });

  it('reports nothing for ordinary lines and does not count trace lines twice for user patterns', () => {
    expect(detectExceptions('INFO started\nDEBUG at home (kitchen)\nException handling is configured')).to.deep.equal([]);
    const found = detectExceptions(JAVA, ['Address already in use']);
    expect(found).to.have.length(1);
  });

  it('keeps chained Python tracebacks apart', () => {
    const text = ['Traceback (most recent call last):', '  File "a.py", line 1, in <module>', 'KeyError: 1', '', 'During handling of the above exception, another exception occurred:', '', 'Traceback (most recent call last):', '  File "a.py", line 3, in <module>', 'ValueError: 2'].join('\n');
    expect(detectExceptions(text).map((f) => f.lines.at(-1))).to.deep.equal(['KeyError: 1', 'ValueError: 2']);
  });

  it('works line by line: a trace still open is completed by the line that ends it, or by flush', () => {
    const d = new ExceptionDetector<string>();
    d.push('java.lang.IllegalStateException: x', 'start');
    d.push('\tat a.B.c(B.java:1)', 'wait');
    expect(d.take()).to.deep.equal([]);
    d.push('INFO next', 'wait');
    const [f] = d.take();
    expect(f?.tag).to.equal('start');
    d.push('Traceback (most recent call last):', 'wait');
    d.flush();
    expect(d.take().map((x) => x.kind)).to.deep.equal(['python']);
  });

  it('keeps the head and the last lines of a very long trace', () => {
    const frames = Array.from({ length: 200 }, (_, i) => `\tat a.B.m${i}(B.java:${i})`);
    const [f] = detectExceptions(['java.lang.StackOverflowError', ...frames].join('\n'));
    expect(f?.lines).to.have.length(MAX_FINDING_LINES);
    expect(f?.omitted).to.equal(201 - MAX_FINDING_LINES);
    expect(f?.lines.at(-1)).to.equal('\tat a.B.m199(B.java:199)');
    expect(formatFinding({ log: 'x.log', finding: f! })).to.contain(`… ${201 - MAX_FINDING_LINES} more lines …`);
  });
});

describe('watch/findings: the log watcher component', () => {
  it('is WARN and quotes each finding under a line naming the log, line and exception', () => {
    const [f] = detectExceptions(PYTHON);
    const c = buildWatcherComponent([{ log: 'demo.log', finding: f! }]);
    expect(c.status).to.equal('WARN');
    const msg = c.messages.warn[0] ?? '';
    expect(msg.split('\n')[0]).to.equal("demo.log line 2: Python traceback: KeyError: 'replicas'");
    expect(msg).to.contain('  Traceback (most recent call last):\n    File "/srv/demo.py", line 28, in main');
  });

  it('is OK with nothing found, and counts findings left out', () => {
    expect(buildWatcherComponent([]).status).to.equal('OK');
    const c = buildWatcherComponent([], 3);
    expect(c.status).to.equal('WARN');
    expect(c.messages.warn[0]).to.contain('3 more findings');
  });
});
