// The module catalog, parameter encoding and validation, and how module scripts are built.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { BUILTIN_MODULES, MODULE_CATALOG, findModuleParam, isBuiltinModule } from '../../src/modules/catalog.js';
import { buildModuleScript, UnknownModuleError } from '../../src/modules/builtin.js';
import { checkModuleParams } from '../../src/modules/validate-params.js';
import { checkFields } from '../../src/config/checks-schema.js';

/** Parameter names a module script reads (upper-cased, as in SMOKER_PARAM_<NAME>). */
function paramsReadBy(name: string): Set<string> {
  const text = readFileSync(new URL(`../../src/modules/scripts/${name}.sh`, import.meta.url), 'utf8');
  return new Set([...text.matchAll(/\bparam(?:_bool|_list|_paths)? ([A-Z][A-Z0-9_]*)\b/g)].map((m) => m[1]!));
}

describe('modules/catalog', () => {
  it('documents every built-in, and each documents the parameters its script reads', () => {
    expect(Object.keys(MODULE_CATALOG)).to.deep.equal([...BUILTIN_MODULES]);
    for (const name of BUILTIN_MODULES) {
      const doc = MODULE_CATALOG[name];
      expect(doc.name).to.equal(name);
      const documented = new Set(doc.params.map((p) => p.name.toUpperCase()));
      const read = paramsReadBy(name);
      for (const p of read) expect(documented, `${name} reads ${p}`).to.include(p);
      for (const p of documented) expect(read, `${name} documents ${p}`).to.include(p);
      for (const p of doc.params) {
        expect(p.description, `${name}.${p.name}`).to.match(/\.$/);
        if (p.type === 'enum') expect(p.values, `${name}.${p.name}`).to.be.an('array').that.is.not.empty;
      }
    }
  });

  it('never names a parameter like a check key, which would configure the check instead', () => {
    const keys = new Set(Object.keys(checkFields).map((k) => k.toLowerCase()));
    for (const name of BUILTIN_MODULES) {
      for (const p of MODULE_CATALOG[name].params) expect(keys.has(p.name.toLowerCase()), `${name}.${p.name}`).to.equal(false);
    }
  });

  it('finds modules and parameters by name, parameters case-insensitively', () => {
    expect(isBuiltinModule('fsmount')).to.equal(true);
    expect(isBuiltinModule('./fsmount.sh')).to.equal(false);
    expect(findModuleParam('fsmount', 'Ignore')?.name).to.equal('ignore');
    expect(findModuleParam('file', 'MAXAGE')?.type).to.equal('duration');
    expect(findModuleParam('file', 'nope')).to.equal(undefined);
  });
});

describe('modules/validate-params', () => {
  it('accepts good parameters whatever the key case', () => {
    expect(checkModuleParams('fsmount', { Ignore: '^/media/.*$', TYPES: ['ext4'], expectrw: 'yes' })).to.deep.equal([]);
    expect(checkModuleParams('file', { path: '/etc/passwd', maxAge: '1d', maxSize: '10M', kind: 'file' })).to.deep.equal([]);
  });

  it('reports missing required parameters and bad values as errors', () => {
    expect(checkModuleParams('tcp', { connectTimeout: 'soon' })).to.deep.equal([
      { level: 'error', param: 'connectTimeout', message: 'expected a duration such as 500ms, 30s or 5m, got "soon"' },
      { level: 'error', param: 'port', message: 'module tcp needs parameter port' },
    ]);
    expect(checkModuleParams('http', { url: '' }).map((i) => i.message)).to.deep.equal(['module http needs parameter url']);
    expect(checkModuleParams('process', { min: 'one' }).map((i) => i.message)).to.deep.equal([
      'expected a whole number, got "one"',
      'module process needs parameter name or pattern',
    ]);
    expect(checkModuleParams('systemd', { units: 'a', state: 'up' })[0]?.message).to.equal('expected one of active, inactive, got "up"');
  });

  it('warns about keys the module does not know', () => {
    expect(checkModuleParams('uname', { kernal: '^6' })).to.deep.equal([
      { level: 'warning', param: 'kernal', message: 'module uname has no parameter kernal (known: kernel, os, machine)' },
    ]);
  });
});

describe('modules/builtin', () => {
  it('builds one sh text: shebang, lib.sh, then the module', () => {
    const text = buildModuleScript('uname');
    expect(text.startsWith('#!/bin/sh\n')).to.equal(true);
    expect(text.indexOf('json_str()')).to.be.lessThan(text.indexOf('uname_expect()'));
    expect(text.trimEnd().endsWith('emit')).to.equal(true);
  });

  it('refuses names that are not built-ins, with a stable code and exit 2', () => {
    for (const bad of ['nope', '../lib', 'lib', './uname.sh']) {
      expect(() => buildModuleScript(bad)).to.throw(UnknownModuleError, /unknown built-in module/);
    }
    try {
      buildModuleScript('nope');
    } catch (err) {
      expect(err).to.include({ code: 'E_UNKNOWN_MODULE', exitCode: 2 });
    }
  });
});
