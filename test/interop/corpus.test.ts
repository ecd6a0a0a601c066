// Compares smoker with the reference tools on real public files (fixtures/corpus/, see SOURCES.md):
// Ansible inventories against ansible-core's own inventory code, ssh configs against `ssh -G`.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { userInfo } from 'node:os';
import { expect } from 'chai';
import { loadAnyInventory } from '../../src/config/load-any-inventory.js';
import { selectHosts } from '../../src/config/patterns.js';
import { loadSshConfig, resolveSshConfig } from '../../src/transport/ssh-config.js';
import { ansibleInventoryList, ansibleListHosts, findAnsiblePython, hasSsh, runAnsibleReference, sshG, type AnsibleReference } from './reference/references.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'corpus');

/** Ansible sources of the corpus: files, and folders read as a whole (`-i folder/`). */
const ANSIBLE_SOURCES = readdirSync(join(corpus, 'ansible')).flatMap((dir) => {
  const files = readdirSync(join(corpus, 'ansible', dir)).filter((e) => e !== 'vars_file.yml' && statSync(join(corpus, 'ansible', dir, e)).isFile());
  // A folder with several inventory files and group_vars/ is also read as one directory source.
  const whole = files.length > 1 && readdirSync(join(corpus, 'ansible', dir)).includes('group_vars') ? [`ansible/${dir}`] : [];
  return [...files.map((f) => `ansible/${dir}/${f}`), ...whole];
});

/** Differences kept on purpose (docs/interop.md says why); key `source` or `source pattern`. */
const DELIBERATE = new Map<string, string>();

interface Outcome {
  source: string;
  problems: string[];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((x) => sb.has(x));
}

// Ansible walks nested groups through Python sets of Group objects, so for some groups its host order changes
// from run to run (the script says which). A pattern's order is compared as a list when every group it can
// touch has one order and three runs agree; otherwise as a set.
function stableKeys(runs: AnsibleReference[][], index: number): Set<string> {
  const first = runs[0]?.[index];
  const stable = new Set<string>();
  if (!first?.patterns) return stable;
  const defined = first.orderDefined ?? {};
  const allDefined = Object.values(defined).every(Boolean);
  for (const [p, hosts] of Object.entries(first.patterns)) {
    if (!runs.every((r) => JSON.stringify(r[index]?.patterns[p]) === JSON.stringify(hosts))) continue;
    const terms = p.split(/[,:]/).map((t) => t.replace(/^[&!]/, '').replace(/\[[^\]]*\]$/, ''));
    const regular = p.split(/[,:]/).some((t) => t && !t.startsWith('&') && !t.startsWith('!'));
    const touches = terms.map((t) => (/[*?~[]/.test(t) ? undefined : t));
    const ok = touches.every((t) => (t === undefined ? allDefined : defined[t] !== false)) && (regular || defined['all'] !== false);
    if (ok) stable.add(p);
  }
  return stable;
}

async function compareAnsible(source: string, ref: AnsibleReference, stable: Set<string>): Promise<Outcome> {
  const problems: string[] = [];
  if (ref.error) return { source, problems: [`Ansible cannot read it: ${ref.error}`] };
  let inventory;
  try {
    inventory = (await loadAnyInventory(join(corpus, source))).inventory;
  } catch (err) {
    return { source, problems: [`smoker cannot read it: ${(err as Error).message.split('\n').slice(0, 2).join(' / ')}`] };
  }
  const names = inventory.hosts.map((h) => h.name);
  if (ref.orderDefined?.['all'] && !sameList(names, ref.hosts)) problems.push(`host order: smoker ${JSON.stringify(names)} vs Ansible ${JSON.stringify(ref.hosts)}`);
  if (!sameSet(names, ref.hosts)) problems.push(`hosts: smoker ${JSON.stringify(names)} vs Ansible ${JSON.stringify(ref.hosts)}`);
  for (const [group, members] of Object.entries(ref.groups)) {
    if (group === 'all') continue;
    const mine = inventory.groups.get(group)?.hosts;
    if (mine === undefined) {
      if (members.length) problems.push(`group ${group}: missing in smoker`);
    } else if (ref.orderDefined?.[group] && !sameList(mine, members)) problems.push(`group ${group} order: smoker ${JSON.stringify(mine)} vs Ansible ${JSON.stringify(members)}`);
    else if (!sameSet(mine, members)) problems.push(`group ${group}: smoker ${JSON.stringify(mine)} vs Ansible ${JSON.stringify(members)}`);
  }
  for (const h of inventory.hosts) {
    const v = ref.vars[h.name] ?? {};
    const pick = (a: string, b: string) => v[a] ?? v[b];
    const address = pick('ansible_host', 'ansible_ssh_host');
    const port = pick('ansible_port', 'ansible_ssh_port');
    const user = pick('ansible_user', 'ansible_ssh_user');
    const templated = (x: unknown) => typeof x === 'string' && x.includes('{{');
    if (!templated(address) && (address === undefined ? h.addressSet : h.address !== String(address))) {
      problems.push(`${h.name} address: smoker ${h.addressSet ? h.address : '(unset)'} vs Ansible ${String(address ?? '(unset)')}`);
    }
    if (!templated(port) && (port === undefined ? h.port !== undefined : h.port !== Number(port))) {
      problems.push(`${h.name} port: smoker ${String(h.port)} vs Ansible ${String(port)}`);
    }
    if (!templated(user) && (user === undefined ? h.user !== undefined : h.user !== String(user))) {
      problems.push(`${h.name} user: smoker ${String(h.user)} vs Ansible ${String(user)}`);
    }
  }
  const universe = { hosts: names, groups: inventory.groups };
  for (const [pattern, expected] of Object.entries(ref.patterns)) {
    if (DELIBERATE.has(`${source} ${pattern}`)) continue;
    let got: string[] | { error: string };
    try {
      got = selectHosts(pattern, universe).hosts;
    } catch (err) {
      got = { error: (err as Error).message };
    }
    if (!Array.isArray(expected) || !Array.isArray(got)) {
      if (Array.isArray(expected) !== Array.isArray(got)) problems.push(`pattern ${pattern}: smoker ${JSON.stringify(got)} vs Ansible ${JSON.stringify(expected)}`);
      continue;
    }
    const ok = stable.has(pattern) ? sameList(got, expected) : sameSet(got, expected);
    if (!ok) problems.push(`pattern ${pattern}: smoker ${JSON.stringify(got)} vs Ansible ${JSON.stringify(expected)}${stable.has(pattern) ? '' : ' (as sets)'}`);
  }
  return { source, problems };
}

/** Every ssh config of the corpus. */
function sshFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir).sort()) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(join(corpus, 'ssh'));
  return out;
}

/** Host names to look up in a config: its literal Host patterns plus two names no block names. */
function lookupNames(text: string): string[] {
  const names = new Set<string>();
  for (const m of text.matchAll(/^\s*Host\s+([^#\n]*)/gim)) {
    for (const p of (m[1] ?? '').trim().split(/\s+/)) if (p && !/[*?!]/.test(p)) names.add(p);
  }
  for (const m of text.matchAll(/^\s*Match\s+.*?\bhost\s+([^\s#]+)/gim)) {
    for (const p of (m[1] ?? '').split(',')) if (p && !/[*?!]/.test(p)) names.add(p);
  }
  return [...names, 'example.com', 'web1'];
}

function compareSsh(file: string, host: string): string[] {
  const ref = sshG(file, host);
  const config = loadSshConfig(file, { systemFile: false });
  if ('error' in ref) {
    const at = `${file}:`;
    return config.warnings.some((w) => w.startsWith(at)) ? [] : [`ssh refuses the file (${ref.error.split('\n')[0]}) but smoker gives no warning`];
  }
  const sc = resolveSshConfig(config, host);
  const problems: string[] = [];
  const want = (k: string) => ref.options.get(k) ?? [];
  const check = (k: string, mine: string | undefined, theirs: string | undefined) => {
    if (mine !== theirs) problems.push(`${k}: smoker ${String(mine)} vs ssh ${String(theirs)}`);
  };
  check('hostname', sc.hostname ?? host.toLowerCase(), want('hostname')[0]);
  check('user', sc.user ?? userInfo().username, want('user')[0]);
  check('port', String(sc.port ?? 22), want('port')[0]);
  // ssh -G prints IdentityFile as written; ssh expands `~` with the passwd home when it reads the key.
  const home = userInfo().homedir;
  const expand = (p: string) => (p === '~' || p.startsWith('~/') ? home + p.slice(1) : p);
  if (sc.identityFiles.length) check('identityfile', sc.identityFiles.map(expand).join(' '), want('identityfile').map(expand).join(' '));
  check('proxyjump', sc.proxyJump?.join(','), want('proxyjump')[0]);
  check('proxycommand', (sc as { proxyCommand?: string }).proxyCommand, want('proxycommand')[0]);
  return problems;
}

describe('corpus: smoker against the reference tools', function () {
  this.timeout(300_000);

  it('reads every Ansible inventory of the corpus as ansible-core does (hosts, groups, connection vars, patterns)', async function () {
    const found = findAnsiblePython();
    if ('missing' in found) {
      console.log(`      skipped: ${found.missing}`);
      this.skip();
    }
    const requests = ANSIBLE_SOURCES.map((file) => ({ file }));
    const runs = [0, 1, 2].map(() => runAnsibleReference(found.python, requests, corpus));
    const outcomes: Outcome[] = [];
    for (const [i, source] of ANSIBLE_SOURCES.entries()) {
      outcomes.push(await compareAnsible(source, runs[0]?.[i] as AnsibleReference, stableKeys(runs, i)));
    }
    const failing = outcomes.filter((o) => o.problems.length && !DELIBERATE.has(o.source));
    console.log(`      Ansible corpus: ${outcomes.length - failing.length} of ${outcomes.length} sources match ansible-core exactly`);
    for (const o of failing) console.log(`        ${o.source}:\n          ${o.problems.slice(0, 6).join('\n          ')}${o.problems.length > 6 ? `\n          … ${o.problems.length - 6} more` : ''}`);
    expect(ANSIBLE_SOURCES.length).to.be.at.least(20);
    expect(failing.map((o) => o.source)).to.deep.equal([]);
  });

  it('uses the same answers as the ansible and ansible-inventory commands (a spot check of the reference)', function () {
    const found = findAnsiblePython();
    if ('missing' in found) {
      console.log(`      skipped: ${found.missing}`);
      this.skip();
    }
    const cases = [
      { file: 'ansible/kolla-ansible/multinode', patterns: ['baremetal:!compute', 'control[1:]', 'all:&storage'] },
      { file: 'ansible/ceph-ansible-collocation/hosts', patterns: ['rgws', 'osds:&mdss'] },
      { file: 'ansible/ceph-ansible-external_clients', patterns: ['clients[-1]'] },
    ];
    const api = runAnsibleReference(found.python, cases, corpus);
    for (const [i, c] of cases.entries()) {
      for (const p of c.patterns) expect(api[i]?.patterns[p], `${c.file} ${p}`).to.deep.equal(ansibleListHosts(c.file, p, corpus));
      const cli = ansibleInventoryList(c.file, corpus);
      // --list names hosts under their groups; _meta.hostvars only those that have variables.
      const listed = new Set([...Object.keys(cli.hostvars), ...Object.values(cli.groups).flat()]);
      expect([...listed].sort(), c.file).to.deep.equal([...(api[i]?.hosts ?? [])].sort());
      for (const [g, direct] of Object.entries(cli.groups)) {
        for (const h of direct) expect(api[i]?.groups[g], `${c.file} group ${g}`).to.include(h);
      }
    }
  });

  it('resolves every ssh config of the corpus as `ssh -G` does', function () {
    if (!hasSsh()) {
      console.log('      skipped: the OpenSSH client (ssh) is not installed');
      this.skip();
    }
    const files = sshFiles();
    let lookups = 0;
    const failing: string[] = [];
    const failingFiles = new Set<string>();
    for (const file of files) {
      for (const host of lookupNames(readFileSync(file, 'utf8'))) {
        lookups++;
        const problems = compareSsh(file, host);
        if (problems.length && !DELIBERATE.has(`${relative(corpus, file)} ${host}`)) {
          failingFiles.add(file);
          failing.push(`${relative(corpus, file)} ${host}: ${problems.join('; ')}`);
        }
      }
    }
    console.log(`      ssh corpus: ${files.length - failingFiles.size} of ${files.length} files, ${lookups - failing.length} of ${lookups} lookups match ssh -G`);
    for (const f of failing) console.log(`        ${f}`);
    expect(files.length).to.be.at.least(10);
    expect(failing).to.deep.equal([]);
  });
});
