// Smoker's !include and !include_dir, and one-plugin files: each piece is a check file of its own, so a problem
// inside an included file is reported at that file's line:col; missing targets are reported at their path.
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateCheckFiles } from '../../src/config/checks.js';
import type { CheckSet } from '../../src/config/check-types.js';

describe('config: Smoker includes and one-plugin files', () => {
  let dir: string;
  const write = (name: string, text: string) => {
    const p = join(dir, name);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    return p;
  };
  const load = (...paths: string[]): CheckSet => {
    const r = validateCheckFiles(paths);
    if ('issues' in r) throw new Error(r.issues.map((i) => `${i.pos?.file}:${i.pos?.line}:${i.pos?.col} ${i.message}`).join('\n'));
    return r.set;
  };
  const issues = (...paths: string[]): string[] => {
    const r = validateCheckFiles(paths);
    if (!('issues' in r)) throw new Error('accepted');
    return r.issues.map((i) => `${i.pos?.file?.replace(`${dir}/`, '')}:${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`);
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-includes-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a whole section from !include, in any case of the section key; templates too', () => {
    write('sec/checks-part.yaml', 'a: { command: "true" }\nb: { command: "false", template: T }\n');
    write('sec/templates-part.yaml', 'T: { category: web }\n');
    const main = write('sec/main.yaml', 'Checks: !include checks-part.yaml\ntemplates: !include templates-part.yaml\n');
    const set = load(main);
    expect(set.checks.map((c) => [c.name, c.category])).to.deep.equal([
      ['a', undefined],
      ['b', 'web'],
    ]);
  });

  it('a problem inside an included file is reported in that file', () => {
    write('pos/part.yaml', 'a:\n  command: "true"\n  timeout: later\n');
    const main = write('pos/main.yaml', 'plugins: !include part.yaml\n');
    expect(issues(main)).to.deep.equal(['pos/part.yaml:3:12 plugins.a.timeout: expected a duration like 500ms, 30s or 5m, got "later"']);
    write('pos/one.yaml', 'command: "true"\nretries: lots\n');
    const byEntry = write('pos/entry.yaml', 'plugins:\n  first: !include one.yaml\n');
    expect(issues(byEntry)).to.deep.equal(['pos/one.yaml:2:10 plugins.first.retries: expected an integer 0-100, got "lots"']);
  });

  it('!include_dir: every *.yaml in the folder (sorted) is one plugin named after its file; other files are skipped', () => {
    write('dir/plugins/b.yaml', 'command: "true"\n');
    write('dir/plugins/a.yaml', 'command: uptime\n');
    write('dir/plugins/c.yml', 'command: "true"\n');
    write('dir/plugins/notes.txt', 'x');
    const main = write('dir/main.yaml', 'plugins: !include_dir plugins\n');
    expect(load(main).checks.map((c) => [c.name, c.command])).to.deep.equal([
      ['a', 'uptime'],
      ['b', 'true'],
    ]);
    const abs = write('dir/abs.yaml', `plugins: !include_dir ${join(dir, 'dir', 'plugins')}\n`);
    expect(load(abs).checks.map((c) => c.name)).to.deep.equal(['a', 'b']);
  });

  it('a missing !include or !include_dir target is an issue at its path; a file given to !include_dir cannot be listed', () => {
    const main = write('miss/main.yaml', 'plugins: !include_dir nothere\ntemplates: !include gone.yaml\n');
    expect(issues(main)).to.deep.equal([
      `miss/main.yaml:1:23 plugins: !include_dir nothere: no such folder (resolved to ${join(dir, 'miss', 'nothere')})`,
      `miss/main.yaml:2:21 templates: !include gone.yaml: no such file (resolved to ${join(dir, 'miss', 'gone.yaml')})`,
    ]);
    write('miss/file.yaml', 'command: x\n');
    const notDir = write('miss/notdir.yaml', 'plugins: !include_dir file.yaml\n');
    const [issue] = issues(notDir);
    expect(issue).to.match(/^miss\/notdir\.yaml:1:\d+ : !include_dir .*file\.yaml: ENOTDIR/);
  });

  it('an included file that is broken YAML is reported, and the rest still loads', () => {
    write('broken/bad.yaml', 'command: [x\n');
    write('broken/good.yaml', 'command: uptime\n');
    const main = write('broken/main.yaml', 'plugins:\n  bad: !include bad.yaml\n  good: !include good.yaml\n  inline: { command: df }\n');
    const found = issues(main);
    expect(found).to.have.length(1);
    expect(found[0]).to.match(/^broken\/bad\.yaml:\d+:\d+ : invalid YAML/);
  });

  it('a file with only check keys is one plugin named after the file; a file with a section key is not', () => {
    const one = write('single/disk-usage.yml', 'Command: df -P\nType: smoke\n');
    expect(load(one).checks.map((c) => [c.name, c.command, c.type])).to.deep.equal([['disk-usage', 'df -P', 'smokeTest']]);
    const mod = write('single/up.yaml', 'module: uptime\n');
    expect(load(mod).checks.map((c) => [c.name, c.module])).to.deep.equal([['up', 'uptime']]);
    const notPlugin = write('single/params.yaml', 'url: x\n');
    expect(issues(notPlugin)[0]).to.match(/^single\/params\.yaml:1:1 url: unknown key "url"/);
    const empty = write('single/empty.yaml', '{}\n');
    expect(load(empty).checks).to.deep.equal([]);
  });

  it('ignored Smoker keys: named once per file, found up to three levels down, in any case', () => {
    const main = write('ign/main.yaml', 'plugins:\n  a: { command: x, Interval: 5, history: 3 }\n  b: { command: y, UID: 0 }\n');
    const warnings = load(main).warnings.filter((w) => w.includes('Smoker keys'));
    expect(warnings).to.deep.equal([`${main}: Smoker keys smoker accepts but does not use: Interval, history, UID (smoker runs each check once per run, as the SSH user)`]);
    const deep = write('ign/deep.yaml', 'checks:\n  a:\n    command: x\n    params: { p: { q: { interval: 1 } } }\n');
    expect(load(deep).warnings.filter((w) => w.includes('Smoker keys'))).to.deep.equal([]);
    const single = write('ign/solo.yaml', 'command: x\ngracePeriod: 5\n');
    expect(load(single).warnings).to.deep.equal([`${single}: Smoker keys smoker accepts but does not use: gracePeriod (smoker runs each check once per run, as the SSH user)`]);
  });
});
