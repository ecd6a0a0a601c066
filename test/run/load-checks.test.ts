// Loading check files as `smoker run` does: script modules and parsers named without ./, Smoker's Python names, actions.
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isPythonModuleName, loadChecks, validateCheckFiles } from '../../src/config/checks.js';

describe('run: loading checks', () => {
  let dir: string;
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'smoker-load-checks-'));
    file('probe.sh', '#!/bin/sh\necho ok\n');
    file('count.mjs', 'export function parse() { return { status: "OK" }; }\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('isPythonModuleName: dotted names of the Smoker daemon, never script files or existing paths', () => {
    expect(isPythonModuleName('smoker.server.plugins.uname', dir)).to.equal(true);
    expect(isPythonModuleName('smoker.plugins.jmxparser', dir)).to.equal(true);
    for (const name of ['probe.sh', 'count.mjs', 'check.py', 'parse.ts', './x.y', 'uname']) expect(isPythonModuleName(name, dir), name).to.equal(false);
    file('site.custom', '');
    expect(isPythonModuleName('site.custom', dir)).to.equal(false);
  });

  it('a script module or parser module named without ./ loads as a file, with no Python warning', () => {
    const set = loadChecks([file('plain.yaml', 'checks:\n  a: { module: probe.sh }\n  b: { command: "true", parser: count.mjs }\n')]);
    expect(set.warnings).to.deep.equal([]);
    expect(set.checks.map((c) => [c.name, c.module, c.parser])).to.deep.equal([
      ['a', 'probe.sh', 'auto'],
      ['b', undefined, 'count.mjs'],
    ]);
  });

  it('a missing script is an issue at its position', () => {
    const path = file('missing.yaml', 'checks:\n  a: { module: nothere.sh }\n');
    const r = validateCheckFiles([path]);
    expect('issues' in r && r.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`)).to.deep.equal([
      `2:16 checks.a.module: module script not found: nothere.sh (resolved to ${join(dir, 'nothere.sh')})`,
    ]);
  });

  it("Smoker's Python modules: a check's becomes the built-in of the same name or a warning; an action's is a warning", () => {
    const set = loadChecks([
      file(
        'smoker.yaml',
        `plugins:
  Uname: { Module: smoker.server.plugins.uname, Action: Notify }
  Mongo: { Module: smoker.server.plugins.mongo }
actions:
  Notify: { Module: smoker.plugins.nsca }
`,
      ),
    ]);
    expect(set.checks.map((c) => c.module)).to.deep.equal(['uname', 'smoker.server.plugins.mongo']);
    expect(set.warnings).to.deep.equal([
      'actions.Notify: module "smoker.plugins.nsca" is a Python module of the Smoker daemon; it cannot run and will be recorded as UNKNOWN',
      'plugins.Mongo: module "smoker.server.plugins.mongo" is a Python module of the Smoker daemon; it cannot run over SSH and will report UNKNOWN',
    ]);
  });

  it('an action script that does not exist is an issue at its position', () => {
    const path = file('action.yaml', 'actions:\n  fix:\n    module: ./fix.sh\nchecks:\n  a: { command: "true", action: fix }\n');
    const r = validateCheckFiles([path]);
    expect('issues' in r && r.issues.map((i) => `${i.pos?.line}:${i.pos?.col} ${i.path}: ${i.message}`)).to.deep.include(`3:13 actions.fix.module: action script not found: ./fix.sh (resolved to ${join(dir, 'fix.sh')})`);
  });
});
