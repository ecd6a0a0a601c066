// Keys of a check that are not check keys, judged one by one (reviewParamKeys): the exact messages, explicit params:,
// keys in any case, and what a built-in module or parser reads.
import { expect } from 'chai';
import { isLikelyTypo, referencedNames, reviewParamKeys, type ParamUse } from '../../src/config/check-keys.js';

const CHECK_KEYS = ['command', 'module', 'parser', 'timeout', 'hosts', 'maintenanceLock'];
const use = (over: Partial<ParamUse>): ParamUse => ({ module: undefined, parser: undefined, referenced: new Set(), checkKeys: CHECK_KEYS, ...over });
const keys = (...names: string[]) => names.map((key) => ({ key, explicit: false }));

describe('config: parameter keys of a check', () => {
  it('messages: a typo, an unused key, a module parameter that does not exist', () => {
    expect(reviewParamKeys(keys('timout'), use({}))).to.deep.equal([
      { key: 'timout', level: 'error', message: 'unknown key "timout" (did you mean "timeout"?); a parameter would need {{ timout }} in the command' },
    ]);
    expect(reviewParamKeys(keys('colour'), use({}))).to.deep.equal([
      { key: 'colour', level: 'warning', message: '"colour" is not a check key and nothing uses it (no {{ colour }} in the command, not a parameter of the parser); it is passed as a parameter' },
    ]);
    expect(reviewParamKeys(keys('path'), use({ module: 'disk' }))).to.deep.equal([
      { key: 'path', level: 'error', message: 'module disk has no parameter "path" (did you mean "paths"?); it takes paths, warn, error, inodeWarn, inodeError' },
    ]);
  });

  it('a module parameter hint looks at check keys too, unless the key was under params:', () => {
    expect(reviewParamKeys(keys('timout'), use({ module: 'disk' }))[0]?.message).to.equal('module disk has no parameter "timout" (did you mean "timeout"?); it takes paths, warn, error, inodeWarn, inodeError');
    expect(reviewParamKeys([{ key: 'timout', explicit: true }], use({ module: 'disk' }))[0]?.message).to.equal('module disk has no parameter "timout"; it takes paths, warn, error, inodeWarn, inodeError');
  });

  it('keys are matched in any case: a referenced name, a module parameter, a parser parameter', () => {
    expect(reviewParamKeys(keys('Greeting'), use({ referenced: new Set(['greeting']) }))).to.deep.equal([]);
    expect(reviewParamKeys(keys('PATHS'), use({ module: 'disk' }))).to.deep.equal([]);
    expect(reviewParamKeys(keys('Warn', 'IGNORE'), use({ parser: 'df' }))).to.deep.equal([]);
    expect(reviewParamKeys(keys('responseTimeWarn'), use({ parser: { type: 'varnish' } }))).to.deep.equal([]);
  });

  it('explicit params: are never typos or warnings; a script module or a parser module takes every key', () => {
    expect(reviewParamKeys([{ key: 'timout', explicit: true }, { key: 'colour', explicit: true }], use({}))).to.deep.equal([]);
    expect(reviewParamKeys(keys('timout', 'colour'), use({ module: './probe.sh' }))).to.deep.equal([]);
    expect(reviewParamKeys(keys('timout'), use({ parser: './parse.mjs' }))).to.deep.equal([]);
    // A parser spec that cannot be read takes nothing: its keys are judged as usual (the spec is reported on its own).
    expect(reviewParamKeys(keys('colour'), use({ parser: { nope: 1 } })).map((p) => p.level)).to.deep.equal(['warning']);
  });

  it('one slip is a typo; two only between long words; the same word is not a typo', () => {
    expect(isLikelyTypo('timeout', 'TimeOut')).to.equal(false);
    expect(isLikelyTypo('hots', 'hosts')).to.equal(true);
    expect(isLikelyTypo('hsots', 'hosts')).to.equal(true);
    expect(isLikelyTypo('hxsts', 'hosts')).to.equal(true);
    expect(isLikelyTypo('hxxts', 'hosts')).to.equal(false);
    expect(isLikelyTypo('maintenanceLok', 'maintenanceLock')).to.equal(true);
    expect(isLikelyTypo('maintenanceLk', 'maintenanceLock')).to.equal(true);
    expect(isLikelyTypo('maintenanceL', 'maintenanceLock')).to.equal(false);
    expect(isLikelyTypo('timeouts', 'timeout')).to.equal(true);
    expect(isLikelyTypo('commandxx', 'command')).to.equal(false);
    expect(isLikelyTypo('commandsxx', 'commands')).to.equal(true);
  });

  it('names referenced in strings, lists and maps, lower-cased; other values ignored', () => {
    expect([...referencedNames('echo {{ A }} %(b)s', ['{{ c }}', { d: '{{ D2 }}' }], 3, null, undefined, true)]).to.deep.equal(['a', 'b', 'c', 'd2']);
    expect([...referencedNames()]).to.deep.equal([]);
  });
});
