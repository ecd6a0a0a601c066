// Runs every built-in module under dash on this machine and checks its JSON and statuses.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { join } from 'node:path';
import { expect } from 'chai';
import { BUILTIN_MODULES } from '../../src/modules/catalog.js';
import { buildModuleScript } from '../../src/modules/builtin.js';
import { allMessages, hasCommand, makeTempDir, minimalPath, runModule, writeTool } from './run-module.js';

const isRoot = process.getuid?.() === 0;
const canUnshare = isRoot && spawnSync('unshare', ['--mount', 'true'], { stdio: 'ignore' }).status === 0;
// Quotes, backslashes, a newline, a tab and a control character: must survive as JSON.
const NASTY = 'q"uote \\back\\slash\nnew\tline\u0001end';

describe('built-in module scripts', function () {
  this.timeout(30_000);

  describe('every module', () => {
    for (const name of BUILTIN_MODULES) {
      it(`${name}: prints one valid JSON result with no parameters`, async () => {
        const { json } = await runModule(name);
        expect(json.status).to.be.oneOf(['OK', 'WARN', 'ERROR', 'UNKNOWN']);
      });
    }

    it('has no bashisms (checkbashisms)', function () {
      if (!hasCommand('checkbashisms')) this.skip();
      this.timeout(180_000); // checkbashisms is slow perl; under a loaded CI machine it takes a while
      const dir = makeTempDir('bashisms');
      const files = BUILTIN_MODULES.map((name) => {
        const file = join(dir, `${name}.sh`);
        writeFileSync(file, buildModuleScript(name));
        return file;
      });
      const r = spawnSync('checkbashisms', ['-f', '-p', ...files], { encoding: 'utf8' });
      expect(r.status, `${r.stderr}${r.stdout}`).to.equal(0);
    });

    it('runs under busybox sh too', async function () {
      if (!hasCommand('busybox')) this.skip();
      const shell = ['busybox', 'sh'];
      expect((await runModule('uname', { os: '.' }, { shell })).json.status).to.equal('OK');
      expect((await runModule('memory', { warn: 101, error: 101 }, { shell })).json.status).to.equal('OK');
      expect((await runModule('disk', { warn: 0, error: 0 }, { shell })).json.status).to.equal('ERROR');
      expect((await runModule('file', { path: '/nonexistent/x' }, { shell })).json.status).to.equal('ERROR');
      expect((await runModule('tcp', {}, { shell })).json.status).to.equal('UNKNOWN');
    });
  });

  describe('fsmount', () => {
    before(function () {
      if (!canUnshare) this.skip(); // needs root: mounts a tmpfs in a private mount namespace
    });

    it('is OK on a read-only mount, skipping the write test', async () => {
      const mnt = makeTempDir('ro');
      const { json } = await runModule('fsmount', { types: 'tmpfs', mounts: mnt }, {
        inMountNamespace: `mount -t tmpfs -o ro,size=1m tmpfs ${mnt}`,
      });
      expect(json.status).to.equal('OK');
      expect(Object.keys(json.componentResults)).to.deep.equal([mnt]);
      expect(json.componentResults[mnt]!.messages.info).to.deep.equal([
        'Access: listed 0 items in directory',
        'Read/Write: mounted read-only, write test skipped',
      ]);
    });

    it('is ERROR "file write failed: Read-only file system" with expectRw', async () => {
      const mnt = makeTempDir('ro');
      const { json } = await runModule('fsmount', { Types: ['tmpfs'], Mounts: mnt, expectRw: true }, {
        inMountNamespace: `mount -t tmpfs -o ro,size=1m tmpfs ${mnt}`,
      });
      expect(json.status).to.equal('ERROR');
      expect(json.componentResults[mnt]!.status).to.equal('ERROR');
      expect(json.componentResults[mnt]!.messages.error).to.deep.equal([
        'Read/Write: file write failed: Read-only file system',
      ]);
    });

    it('writes, reads back and deletes a file on a read-write mount', async () => {
      const mnt = makeTempDir('rw');
      const { json } = await runModule('fsmount', { types: 'tmpfs', mounts: mnt }, {
        inMountNamespace: `mount -t tmpfs -o size=1m tmpfs ${mnt} && touch ${mnt}/a ${mnt}/.b`,
      });
      expect(json.status).to.equal('OK');
      const info = json.componentResults[mnt]!.messages.info;
      expect(info[0]).to.equal('Access: listed 2 items in directory');
      expect(info[1]).to.match(/^Read\/Write: written string \d+$/);
      expect(info[2]).to.match(/^Read\/Write: read string \d+$/);
      expect(info[3]).to.match(new RegExp(`^Read/Write: deleted file ${mnt}/\\.smoker-\\d+\\.tmp$`));
    });

    it('decodes mount points with spaces and honours ignore, anchored like Smoker', async () => {
      const base = makeTempDir('names');
      const spaced = join(base, 'my disk');
      const other = join(base, 'other');
      mkdirSync(spaced);
      mkdirSync(other);
      const inMountNamespace = `mount -t tmpfs -o size=1m tmpfs '${spaced}' && mount -t tmpfs -o size=1m tmpfs '${other}'`;
      const mounts = [spaced, other];
      const both = await runModule('fsmount', { types: 'tmpfs', mounts }, { inMountNamespace });
      expect(both.json.status).to.equal('OK');
      expect(Object.keys(both.json.componentResults)).to.deep.equal([spaced, other]);
      const ignored = await runModule('fsmount', { types: 'tmpfs', mounts, ignore: `${base}/oth` }, { inMountNamespace });
      expect(Object.keys(ignored.json.componentResults)).to.deep.equal([spaced]);
      // Smoker matched Ignore from the start of the mount point: "other" alone ignores nothing
      const unanchored = await runModule('fsmount', { types: 'tmpfs', mounts, ignore: 'other' }, { inMountNamespace });
      expect(Object.keys(unanchored.json.componentResults)).to.deep.equal([spaced, other]);
    });

    it('is WARN "No mounts found" when nothing matches', async () => {
      const { json } = await runModule('fsmount', { types: 'no-such-fs' });
      expect(json.status).to.equal('WARN');
      expect(json.messages.warn).to.deep.equal(['No mounts found']);
    });

    it('is UNKNOWN for an invalid ignore regex or ioTimeout', async () => {
      expect((await runModule('fsmount', { ignore: '(' })).json.status).to.equal('UNKNOWN');
      expect((await runModule('fsmount', { ioTimeout: 'soon' })).json.status).to.equal('UNKNOWN');
    });
  });

  describe('uname', () => {
    it('reports uname -a as info', async () => {
      const { json } = await runModule('uname');
      const expected = spawnSync('uname', ['-a'], { encoding: 'utf8' }).stdout.trim();
      expect(json).to.deep.include({ status: 'OK', componentResults: {} });
      expect(json.messages.info).to.deep.equal([expected]);
    });

    it('checks kernel, os and machine regexes', async () => {
      const ok = await runModule('uname', { os: '^Linux$', machine: '.', kernel: '^[0-9]' });
      expect(ok.json.status).to.equal('OK');
      expect(ok.json.messages.info).to.have.length(4);
      const bad = await runModule('uname', { kernel: '^0\\.0\\.' });
      expect(bad.json.status).to.equal('ERROR');
      expect(bad.json.messages.error[0]).to.match(/^kernel release ".*" does not match \/\^0\\\.0\\\.\/$/);
    });

    it('escapes quotes, backslashes and newlines in messages', async () => {
      const { json } = await runModule('uname', { os: `no${NASTY}` });
      expect(json.status).to.equal('ERROR');
      expect(json.messages.error[0]).to.include(NASTY);
    });

    it('is UNKNOWN for an invalid regex', async () => {
      const { json } = await runModule('uname', { kernel: '(' });
      expect(json.status).to.equal('UNKNOWN');
      expect(json.messages.error[0]).to.include('invalid regular expression');
    });
  });

  describe('uptime', () => {
    it('reports uptime and load as info and metrics, OK without thresholds', async () => {
      const { json } = await runModule('uptime');
      expect(json.status).to.equal('OK');
      expect(json.messages.info.join('\n')).to.match(/load average: [\d.]+, [\d.]+, [\d.]+/);
      expect(json.metrics).to.include.all.keys('uptime', 'load1', 'load5', 'load15');
    });

    it('applies warn/error thresholds, per CPU if asked', async () => {
      expect((await runModule('uptime', { warn: 0 })).json.status).to.equal('WARN');
      expect((await runModule('uptime', { warn: 0, error: 0 })).json.status).to.equal('ERROR');
      expect((await runModule('uptime', { warn: 1e9, error: 1e9 })).json.status).to.equal('OK');
      const perCpu = await runModule('uptime', { error: 0, perCpu: true, period: 15 });
      expect(perCpu.json.status).to.equal('ERROR');
      expect(perCpu.json.messages.error[0]).to.match(/^15-minute load [\d.]+ \([\d.]+ per CPU\) is at or above 0$/);
    });

    it('warns about a recent reboot and rejects bad parameters', async () => {
      expect((await runModule('uptime', { minUptime: '100000d' })).json.status).to.equal('WARN');
      expect((await runModule('uptime', { warn: 'high' })).json.status).to.equal('UNKNOWN');
      expect((await runModule('uptime', { period: 2, warn: 1 })).json.status).to.equal('UNKNOWN');
    });
  });

  describe('disk', () => {
    it('reports space and inodes per path, OK under the thresholds', async () => {
      const { json } = await runModule('disk', { warn: 101, error: 101 });
      expect(json.status).to.equal('OK');
      const root = json.componentResults['/']!;
      expect(root.messages.info[0]).to.match(/^space used \d+% \(.* of .*, .* free\) on .* mounted at \/$/);
      expect(json.metrics).to.have.property('/ used');
    });

    it('is ERROR with thresholds 0/0 and for a missing path', async () => {
      const tmp = makeTempDir('disk');
      const { json } = await runModule('disk', { paths: ['/', tmp, '/no/such/path'], warn: 0, error: 0 });
      expect(json.status).to.equal('ERROR');
      expect(Object.keys(json.componentResults)).to.deep.equal(['/', tmp, '/no/such/path']);
      expect(json.componentResults['/']!.messages.error[0]).to.match(/^space used \d+% is at or above 0%$/);
      expect(json.componentResults['/no/such/path']!.messages.error[0]).to.match(/^df failed: .*No such file or directory/);
    });

    it('warns between the thresholds', async () => {
      const { json } = await runModule('disk', { paths: '/', warn: 0, error: 101, inodeWarn: 101 });
      expect(json.status).to.equal('WARN');
      expect(json.componentResults['/']!.messages.warn).to.have.length(1);
    });

    it('is UNKNOWN for a bad threshold', async () => {
      expect((await runModule('disk', { warn: '80%' })).json.status).to.equal('UNKNOWN');
    });
  });

  describe('memory', () => {
    it('reports memory and swap, OK under the thresholds', async () => {
      const { json } = await runModule('memory', { warn: 101, error: 101 });
      expect(json.status).to.equal('OK');
      expect(json.messages.info[0]).to.match(/^memory used [\d.]+% \(.* of .*, .* available\)$/);
      expect(json.messages.info[1]).to.match(/^(swap used|no swap)/);
      expect(json.metrics).to.have.property('memory used');
    });

    it('is WARN or ERROR at the thresholds', async () => {
      expect((await runModule('memory', { warn: 0, error: 101 })).json.status).to.equal('WARN');
      const { json } = await runModule('memory', { error: 0 });
      expect(json.status).to.equal('ERROR');
      expect(json.messages.error[0]).to.match(/^memory used [\d.]+% is at or above 0%$/);
    });

    it('is UNKNOWN for a bad threshold', async () => {
      expect((await runModule('memory', { swapWarn: 'x' })).json.status).to.equal('UNKNOWN');
    });
  });

  describe('tcp', () => {
    let server: TcpServer;
    let open: number;
    let closed: number;
    before(async () => {
      server = createTcpServer((socket) => socket.end());
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      open = (server.address() as AddressInfo).port;
      const probe = createTcpServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      closed = (probe.address() as AddressInfo).port;
      await new Promise((resolve) => probe.close(resolve));
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    it('is OK for an open port and ERROR for a closed one', async () => {
      const { json } = await runModule('tcp', { port: [open, closed] });
      expect(json.status).to.equal('ERROR');
      expect(json.componentResults[`127.0.0.1:${open}`]!.status).to.equal('OK');
      const bad = json.componentResults[`127.0.0.1:${closed}`]!;
      expect(bad.status).to.equal('ERROR');
      expect(bad.messages.error[0]).to.match(new RegExp(`^connection to 127\\.0\\.0\\.1:${closed} failed: .*refused`));
    });

    for (const tool of ['nc', 'busybox', 'python3', 'perl', 'bash']) {
      it(`works with tool ${tool}`, async function () {
        if (!hasCommand(tool)) this.skip();
        const ok = await runModule('tcp', { host: '127.0.0.1', port: open, tool, connectTimeout: '3s' });
        expect(ok.json.status, JSON.stringify(ok.json)).to.equal('OK');
        expect(allMessages(ok.json)).to.deep.equal([`connected to 127.0.0.1:${open} (${tool})`]);
        const bad = await runModule('tcp', { port: closed, tool });
        expect(bad.json.status).to.equal('ERROR');
        expect(bad.json.componentResults[`127.0.0.1:${closed}`]!.messages.error[0]).to.match(/refused/);
      });
    }

    it('is UNKNOWN without a port, with a bad port, or with no tool at all', async () => {
      expect((await runModule('tcp')).json.messages.error[0]).to.include('parameter port is required');
      expect((await runModule('tcp', { port: 70000 })).json.status).to.equal('UNKNOWN');
      const { json } = await runModule('tcp', { port: open }, { env: { PATH: minimalPath() } });
      expect(json.status).to.equal('UNKNOWN');
      expect(json.messages.error[0]).to.match(/^no tool to test tcp/);
    });
  });

  describe('http', () => {
    let server: HttpServer;
    let base: string;
    before(async () => {
      server = createHttpServer((req, res) => {
        if (req.url === '/fail') res.statusCode = 500;
        if (req.url === '/moved') res.writeHead(302, { location: '/' });
        res.end(`hello ${NASTY} world\n`);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    for (const tool of ['curl', 'wget']) {
      describe(`with ${tool}`, () => {
        before(function () {
          if (!hasCommand(tool)) this.skip();
        });

        it('is OK for 2xx/3xx and ERROR for 500', async () => {
          const ok = await runModule('http', { url: `${base}/`, tool });
          expect(ok.json.status).to.equal('OK');
          expect(ok.json.messages.info[0]).to.match(new RegExp(`^GET ${base}/ returned 200 \\(`));
          expect((await runModule('http', { url: `${base}/moved`, tool })).json.status).to.equal('OK');
          const bad = await runModule('http', { url: `${base}/fail`, tool });
          expect(bad.json.status).to.equal('ERROR');
          expect(bad.json.messages.error[0]).to.match(/returned 500, expected 2xx,3xx/);
        });

        it('checks the expected status and the body', async () => {
          expect((await runModule('http', { url: `${base}/fail`, status: '500', tool })).json.status).to.equal('OK');
          expect((await runModule('http', { url: `${base}/`, status: '4xx,500-599', tool })).json.status).to.equal('ERROR');
          const found = await runModule('http', { url: `${base}/`, contains: 'q"uote \\back', tool });
          expect(found.json.status).to.equal('OK');
          const missing = await runModule('http', { url: `${base}/`, contains: 'absent"\\', tool });
          expect(missing.json.status).to.equal('ERROR');
          expect(missing.json.messages.error).to.deep.equal(['response body does not contain "absent"\\"']);
        });

        it('is ERROR when nothing answers', async () => {
          const { json } = await runModule('http', { url: 'http://127.0.0.1:1/', tool, requestTimeout: '3s' });
          expect(json.status).to.equal('ERROR');
          expect(json.messages.error[0]).to.match(/^GET http:\/\/127\.0\.0\.1:1\/ failed: /);
        });
      });
    }

    it('is UNKNOWN without a url, with a bad status or without curl and wget', async () => {
      expect((await runModule('http')).json.messages.error[0]).to.include('parameter url is required');
      expect((await runModule('http', { url: base, status: 'good' })).json.status).to.equal('UNKNOWN');
      const { json } = await runModule('http', { url: base }, { env: { PATH: minimalPath() } });
      expect(json.status).to.equal('UNKNOWN');
      expect(json.messages.error).to.deep.equal(['no tool for http: need curl or wget']);
    });
  });

  describe('process', () => {
    let child: ChildProcess;
    let name: string;
    before(async () => {
      // a copy of sleep under a unique name, so nothing else on the machine matches
      name = `smk-${Math.random().toString(36).slice(2, 8)}`;
      const bin = join(makeTempDir('proc'), name);
      copyFileSync(spawnSync('sh', ['-c', 'command -v sleep'], { encoding: 'utf8' }).stdout.trim(), bin);
      child = spawn(bin, ['987654'], { stdio: 'ignore' });
      await new Promise((resolve) => setTimeout(resolve, 200));
    });
    after(() => child.kill());

    it('counts a process by name and by pattern', async () => {
      const byName = await runModule('process', { name });
      expect(byName.json.status).to.equal('OK');
      expect(byName.json.messages.info).to.deep.equal([`found 1 process named ${name} (pids ${child.pid})`]);
      const byPattern = await runModule('process', { pattern: `${name} 98765[0-9]`, user: 'root' });
      expect(byPattern.json.status).to.equal(isRoot ? 'OK' : 'ERROR');
    });

    it('is ERROR outside min/max', async () => {
      const none = await runModule('process', { name: `${name}-no` });
      expect(none.json.messages.error).to.deep.equal([`found 0 processes named ${name}-no, expected at least 1`]);
      expect((await runModule('process', { name, max: 0, min: 0 })).json.status).to.equal('ERROR');
      expect((await runModule('process', { name, min: 2 })).json.status).to.equal('ERROR');
    });

    it('never counts its own wrapper whose command line holds the pattern', async () => {
      const { json } = await runModule('process', { pattern: `${name}-wrapper` }, { shell: ['sh', '-c', `: ${name}-wrapper; exec dash "$0"`] });
      expect(json.status).to.equal('ERROR');
    });

    it('scans /proc without pgrep', async () => {
      const { json } = await runModule('process', { name }, { env: { PATH: minimalPath() } });
      expect(json.status).to.equal('OK');
      expect(json.metrics?.['count']?.value).to.equal(1);
    });

    it('is UNKNOWN without name or pattern, or with both', async () => {
      expect((await runModule('process')).json.status).to.equal('UNKNOWN');
      expect((await runModule('process', { name, pattern: name })).json.status).to.equal('UNKNOWN');
      expect((await runModule('process', { name, min: 'one' })).json.status).to.equal('UNKNOWN');
    });
  });

  describe('systemd', () => {
    it('is UNKNOWN or ERROR on this machine for a unit that does not exist', async () => {
      const { json } = await runModule('systemd', { units: 'smoker-no-such-unit' });
      expect(json.status).to.be.oneOf(['UNKNOWN', 'ERROR']);
    });

    it('is UNKNOWN without systemctl or without units', async () => {
      const { json } = await runModule('systemd', { units: 'sshd' }, { env: { PATH: minimalPath() } });
      expect(json).to.deep.include({ status: 'UNKNOWN' });
      expect(json.messages.error[0]).to.match(/^systemctl not found/);
      expect((await runModule('systemd')).json.status).to.equal('UNKNOWN');
    });

    describe('with a fake systemctl', () => {
      let env: Record<string, string>;
      before(() => {
        const dir = makeTempDir('systemctl');
        writeTool(dir, 'systemctl', [
          'unit=$(eval "echo \\${$#}")',
          'case "$*" in *Version*) echo Version=252; exit 0 ;; esac',
          'case "$unit" in',
          '  good) printf "LoadState=loaded\\nActiveState=active\\nSubState=running\\nActiveEnterTimestamp=Sun 2026-11-22 10:00:00 UTC\\n" ;;',
          '  starting) printf "LoadState=loaded\\nActiveState=activating\\nSubState=start\\n" ;;',
          '  bad) printf "LoadState=loaded\\nActiveState=failed\\nSubState=failed\\n" ;;',
          '  gone) printf "LoadState=not-found\\nActiveState=inactive\\nSubState=dead\\n" ;;',
          'esac',
        ].join('\n'));
        env = { PATH: `${dir}:${process.env.PATH}` };
      });

      it('gives one component per unit', async () => {
        const { json } = await runModule('systemd', { units: 'good, starting bad,gone' }, { env });
        expect(json.status).to.equal('ERROR');
        const c = json.componentResults;
        expect(c['good']).to.deep.equal({
          status: 'OK',
          messages: { info: ['active (running) since Sun 2026-11-22 10:00:00 UTC'], warn: [], error: [] },
        });
        expect(c['starting']!.status).to.equal('WARN');
        expect(c['bad']!.messages.error).to.deep.equal(['failed (failed), expected active']);
        expect(c['gone']!.messages.error).to.deep.equal(['unit not found']);
      });

      it('asserts stopped units with state inactive', async () => {
        const { json } = await runModule('systemd', { units: ['bad', 'gone', 'good'], state: 'inactive' }, { env });
        expect(json.componentResults['bad']!.status).to.equal('OK');
        expect(json.componentResults['gone']!.status).to.equal('OK');
        expect(json.componentResults['good']!.status).to.equal('ERROR');
      });
    });
  });

  describe('file', () => {
    let dir: string;
    before(() => {
      dir = makeTempDir('file');
      writeFileSync(join(dir, 'fresh'), 'status=ready\n');
      writeFileSync(join(dir, 'old'), '');
      const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000);
      utimesSync(join(dir, 'old'), twoDaysAgo, twoDaysAgo);
    });

    it('is OK for a fresh file with the content and size asked for', async () => {
      const { json } = await runModule('file', { path: join(dir, 'fresh'), kind: 'file', maxAge: '1h', minSize: 1, maxSize: '1k', contains: '^status=(ready|up)$' });
      expect(json.status).to.equal('OK');
      expect(json.messages.info[0]).to.match(new RegExp(`^${dir}/fresh: regular file, 13 bytes, modified \\d+s ago$`));
    });

    it('is ERROR for an old, empty file', async () => {
      const { json } = await runModule('file', { path: join(dir, 'old'), maxAge: '1d', minSize: 1, contains: 'x' });
      expect(json.status).to.equal('ERROR');
      expect(json.messages.error).to.have.length(3);
      expect(json.messages.error[0]).to.match(/was modified 2d 0h 0m ago, more than maxAge 1d 0h 0m$/);
    });

    it('is ERROR for a missing file or the wrong type, OK for an absent one with exists false', async () => {
      expect((await runModule('file', { path: join(dir, 'missing') })).json.messages.error).to.deep.equal([`${dir}/missing does not exist`]);
      expect((await runModule('file', { path: dir, kind: 'file' })).json.status).to.equal('ERROR');
      expect((await runModule('file', { path: join(dir, 'missing'), exists: false })).json.status).to.equal('OK');
      expect((await runModule('file', { path: join(dir, 'fresh'), exists: 'no' })).json.status).to.equal('ERROR');
    });

    it('escapes odd file names in messages', async () => {
      const odd = join(dir, 'we"ird\\name\nline\ttab');
      writeFileSync(odd, 'x');
      const { json } = await runModule('file', { path: odd, maxSize: 0 });
      expect(json.status).to.equal('ERROR');
      expect(json.messages.info[0]!.startsWith(`${odd}: regular file, 1 bytes`)).to.equal(true);
      expect(json.messages.error).to.deep.equal([`${odd} has 1 bytes, more than maxSize 0`]);
    });

    it('is UNKNOWN without a path or with bad values', async () => {
      expect((await runModule('file')).json.status).to.equal('UNKNOWN');
      expect((await runModule('file', { path: dir, maxAge: 'old' })).json.status).to.equal('UNKNOWN');
      expect((await runModule('file', { path: dir, kind: 'socket' })).json.status).to.equal('UNKNOWN');
    });
  });

  describe('package', () => {
    it('finds dpkg installed and no-such-pkg missing', async function () {
      if (!hasCommand('dpkg-query')) this.skip();
      const { json } = await runModule('package', { name: ['dpkg', 'no-such-pkg'] });
      expect(json.status).to.equal('ERROR');
      expect(json.componentResults['dpkg']!.messages.info[0]).to.match(/^version \S+ installed \(dpkg\)$/);
      expect(json.componentResults['no-such-pkg']!.messages.error).to.deep.equal(['not installed (dpkg)']);
    });

    it('checks the version prefix', async function () {
      if (!hasCommand('dpkg-query')) this.skip();
      const version = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'dpkg'], { encoding: 'utf8' }).stdout;
      expect((await runModule('package', { name: 'dpkg', version: version.slice(0, 2) })).json.status).to.equal('OK');
      const bad = await runModule('package', { name: 'dpkg', version: '0.0.' });
      expect(bad.json.componentResults['dpkg']!.messages.error[0]).to.equal(`version ${version} installed, expected 0.0.* (dpkg)`);
    });

    it('is UNKNOWN without a name or a package manager', async () => {
      expect((await runModule('package')).json.status).to.equal('UNKNOWN');
      const { json } = await runModule('package', { name: 'dpkg' }, { env: { PATH: minimalPath() } });
      expect(json.messages.error).to.deep.equal(['no package manager found: need dpkg-query, rpm, apk or pacman']);
    });
  });
});
