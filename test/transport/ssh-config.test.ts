import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSshConfig, resolveSshConfig, type ResolvedSshConfig, type SshConfig } from '../../src/transport/ssh-config.js';

const fixture = fileURLToPath(new URL('../../fixtures/ssh/config', import.meta.url));
const me = userInfo();

/** The keys `ssh -G` prints that smoker honours; identityfile may repeat. */
interface SshG {
  hostname?: string;
  user?: string;
  port?: string;
  identityfile: string[];
  proxyjump?: string;
  userknownhostsfile?: string;
  stricthostkeychecking?: string;
}

function runSshG(file: string, host: string, opts: { user?: string; port?: number }): SshG {
  const args = ['-G', '-F', file, ...(opts.user ? ['-l', opts.user] : []), ...(opts.port ? ['-p', String(opts.port)] : []), host];
  const out = execFileSync('ssh', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const g: SshG = { identityfile: [] };
  for (const line of out.split('\n')) {
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'identityfile') g.identityfile.push(value);
    else if (['hostname', 'user', 'port', 'proxyjump', 'userknownhostsfile', 'stricthostkeychecking'].includes(key)) {
      (g as unknown as Record<string, string>)[key] = value;
    }
  }
  return g;
}

/** ssh -G prints IdentityFile unexpanded; expand it with the values ssh -G itself resolved. */
function expandLikeSsh(path: string, g: SshG, host: string): string {
  const home = me.homedir;
  const tokens: Record<string, string> = { h: g.hostname ?? '', p: g.port ?? '', r: g.user ?? '', u: me.username, n: host, d: home, '%': '%' };
  const tilded = path === '~' ? home : path.startsWith('~/') ? home + path.slice(1) : path;
  return tilded.replace(/%(.)/g, (whole, t: string) => tokens[t] ?? whole);
}

const policyOf = { true: 'strict', ask: 'strict', false: 'off', 'accept-new': 'accept-new' } as Record<string, string>;

/** Compares one resolution with ssh -G on every key the fixture can set. */
function compareWithSsh(r: ResolvedSshConfig, g: SshG, host: string, opts: { user?: string; port?: number }): void {
  expect(r.hostname ?? host.toLowerCase(), 'hostname').to.equal(g.hostname);
  expect(opts.user ?? r.user ?? me.username, 'user').to.equal(g.user);
  expect(String(opts.port ?? r.port ?? 22), 'port').to.equal(g.port);
  expect(r.identityFiles.length, 'identity files set').to.be.greaterThan(0);
  expect(r.identityFiles, 'identityfile').to.deep.equal(g.identityfile.map((p) => expandLikeSsh(p, g, host)));
  expect(r.proxyJump?.length ? r.proxyJump.join(',') : undefined, 'proxyjump').to.equal(g.proxyjump);
  const known = r.userKnownHostsFiles === undefined ? undefined : r.userKnownHostsFiles.length === 0 ? 'none' : r.userKnownHostsFiles.join(' ');
  expect(known, 'userknownhostsfile').to.equal(g.userknownhostsfile);
  expect(r.strictHostKeyChecking, 'stricthostkeychecking').to.equal(policyOf[g.stricthostkeychecking ?? '']);
}

describe('transport/ssh-config', () => {
  let dir: string;
  let configFile: string;
  let config: SshConfig;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-sshcfg-'));
    cpSync(fixture, dir, { recursive: true });
    const substitute = (d: string): void => {
      for (const name of readdirSync(d)) {
        const p = join(d, name);
        if (statSync(p).isDirectory()) substitute(p);
        else writeFileSync(p, readFileSync(p, 'utf8').replaceAll('FIXTURE_DIR', dir));
      }
    };
    substitute(dir);
    configFile = join(dir, 'config');
    config = loadSshConfig(configFile);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('agrees with `ssh -G -F fixtures/ssh/config`', () => {
    const cases: { host: string; user?: string; port?: number }[] = [
      { host: 'bastion' },
      { host: 'web1' },
      { host: 'web1', user: 'alice' },
      { host: 'web2' },
      { host: 'WEB2' },
      { host: 'web-legacy1' },
      { host: 'legacy-special' },
      { host: 'db1' },
      { host: 'db2' },
      { host: 'db3', port: 2500 },
      { host: 'app01' },
      { host: 'app-x' },
      { host: 'gw.corp' },
      { host: 'x.corp' },
      { host: 'random.example.org' },
      { host: '10.0.0.7', user: 'bob' },
    ];
    for (const c of cases) {
      const label = `${c.host}${c.user ? ` -l ${c.user}` : ''}${c.port ? ` -p ${c.port}` : ''}`;
      it(label, () => {
        const opts = { ...(c.user ? { user: c.user } : {}), ...(c.port ? { port: c.port } : {}) };
        compareWithSsh(resolveSshConfig(config, c.host, opts), runSshG(configFile, c.host, opts), c.host, opts);
      });
    }
  });

  it('resolves the fixture as written (first value wins, IdentityFile accumulates)', () => {
    const home = me.homedir;
    const web1 = resolveSshConfig(config, 'web1');
    expect(web1).to.include({ user: 'deploy', port: 2201 });
    expect(web1.hostname).to.equal(undefined);
    expect(web1.proxyJump).to.deep.equal(['nested-jump']);
    expect(web1.identityFiles).to.deep.equal([
      `${home}/.ssh/id_from_include`,
      `${home}/.ssh/id_web_deploy`,
      `${home}/.ssh/id_ed25519`,
      `${home}/.ssh/id_${me.username}_web1`,
    ]);
    expect(web1.userKnownHostsFiles).to.deep.equal([`${home}/.ssh/known_hosts.d/web1`, '/etc/smoker/known hosts']);
    expect(resolveSshConfig(config, 'web1', { user: 'alice' }).userKnownHostsFiles).to.deep.equal([`${home}/.ssh/alice_known_hosts`]);
    expect(resolveSshConfig(config, 'web2').proxyJump).to.deep.equal(['bastion', 'ops@gw.example.net:2222']);

    const legacy = resolveSshConfig(config, 'web-legacy1');
    expect(legacy).to.include({ hostname: 'web-legacy1.legacy.example.net', user: 'old', port: 2299, strictHostKeyChecking: 'off' });
    expect(legacy.proxyJump).to.deep.equal([]);
    expect(legacy.userKnownHostsFiles).to.deep.equal(['/tmp/legacy_known_hosts']);
    expect(resolveSshConfig(config, 'legacy-special').user).to.equal('special');

    const db1 = resolveSshConfig(config, 'db1');
    expect(db1).to.include({ hostname: 'db1.db.internal', user: 'dba', port: 5022, strictHostKeyChecking: 'accept-new' });
    expect(db1.identityFiles).to.include(`${home}/.ssh/id_db_db1.db.internal_5022`);
    expect(resolveSshConfig(config, 'db2').user).to.equal('db2-owner');
    expect(resolveSshConfig(config, 'db3', { port: 2500 }).identityFiles).to.include(`${home}/.ssh/id_db_db3.db.internal_2500`);
    expect(resolveSshConfig(config, 'app01')).to.include({ hostname: 'app01.apps.example.com', port: 2022 });
    expect(resolveSshConfig(config, 'app01').identityFiles.slice(0, 2)).to.deep.equal([`${home}/.ssh/id app`, `${home}/.ssh/id_from_include`]);
    expect(resolveSshConfig(config, 'x.corp').strictHostKeyChecking).to.equal('strict');
    expect(resolveSshConfig(config, 'WEB2').user).to.equal('fallback');
  });

  it('records a warning for the Match criterion it cannot evaluate', () => {
    expect(config.warnings).to.have.length(1);
    expect(config.warnings[0]).to.match(/config:\d+: Match: criterion "exec" is not supported; the block is treated as not matching$/);
    expect(resolveSshConfig(config, 'anything').user).to.equal('fallback');
  });

  it('expands every documented token in UserKnownHostsFile', () => {
    const r = resolveSshConfig(config, 'random.example.org', { user: 'zed' });
    const kh = r.userKnownHostsFiles?.[1] ?? '';
    expect(kh).to.match(new RegExp(`^${me.homedir}/\\.ssh/kh_[0-9a-f]{40}_${me.uid}_[^_]+_[^_]+_random\\.example\\.org_22_zed_%$`));
    expect(r.warnings).to.deep.equal([]);
  });
});

describe('transport/ssh-config loading', () => {
  let home: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'smoker-sshhome-'));
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('treats a missing ~/.ssh/config as empty, without warnings', () => {
    const config = loadSshConfig(undefined, { home, systemFile: false });
    expect(config.files).to.deep.equal([]);
    expect(config.warnings).to.deep.equal([]);
    expect(resolveSshConfig(config, 'h')).to.deep.equal({ identityFiles: [], warnings: [] });
  });

  it('warns about an explicit path that does not exist', () => {
    expect(loadSshConfig(join(home, 'nope'), { home }).warnings[0]).to.include('nope: cannot read');
  });

  it('reads ~/.ssh/config, then the system file; relative Includes resolve against ~/.ssh', () => {
    mkdirSync(join(home, '.ssh', 'inc'), { recursive: true });
    writeFileSync(join(home, '.ssh', 'config'), 'Include inc/*.conf\nHost h\n  Port 2000\n');
    writeFileSync(join(home, '.ssh', 'inc', 'a.conf'), 'Host h\n  User from-include\n');
    const system = join(home, 'ssh_config');
    writeFileSync(system, 'Host *\n  User system\n  Port 1\n  StrictHostKeyChecking accept-new\n');
    const r = resolveSshConfig(loadSshConfig(undefined, { home, systemFile: system }), 'h');
    expect(r).to.include({ user: 'from-include', port: 2000, strictHostKeyChecking: 'accept-new' });
  });

  it('stops Include recursion at 16 levels with a warning', () => {
    const file = join(home, 'loop');
    writeFileSync(file, `Include ${file}\nUser u\n`);
    const config = loadSshConfig(file, { home });
    expect(config.warnings.some((w) => w.includes('nested more than 16 deep'))).to.equal(true);
    expect(resolveSshConfig(config, 'h').user).to.equal('u');
  });

  it('warns about bad values, extra arguments and quotes, and skips those lines', () => {
    const file = join(home, 'cfg');
    writeFileSync(file, ['Port 70000', 'StrictHostKeyChecking maybe', 'User "open', 'HostName a b', 'Port 2022', 'Host "x', '  User in-broken-block'].join('\n'));
    const config = loadSshConfig(file, { home });
    expect(config.warnings).to.deep.equal([
      `${file}:1: port: expected a port 1-65535, got "70000"; line ignored`,
      `${file}:2: stricthostkeychecking: expected yes, accept-new, no, off or ask, got "maybe"; line ignored`,
      `${file}:3: invalid quotes`,
      `${file}:4: hostname: extra arguments ignored: b`,
      `${file}:6: invalid quotes; the block is treated as not matching`,
    ]);
    const r = resolveSshConfig(config, 'x');
    expect(r).to.include({ hostname: 'a', port: 2022 });
    expect(r.user).to.equal(undefined);
  });
});
