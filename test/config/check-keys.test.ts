import { expect } from 'chai';
import { isLikelyTypo, referencedNames, reviewParamKeys } from '../../src/config/check-keys.js';
import { templateProblems } from '../../src/config/templates.js';

const CHECK_KEYS = ['command', 'module', 'parser', 'timeout', 'hosts', 'type', 'enabled', 'watch'];
const judge = (keys: string[], use: { module?: string; parser?: unknown; command?: string }) =>
  reviewParamKeys(
    keys.map((key) => ({ key, explicit: false })),
    { module: use.module, parser: use.parser, referenced: referencedNames(use.command), checkKeys: CHECK_KEYS },
  ).map((p) => `${p.level} ${p.key}`);

describe('config: unknown check keys', () => {
  it('one slip from a check key is a typo; short unrelated keys are not', () => {
    expect(['timout', 'parsr', 'comand', 'comamnd', 'enable', 'hsots'].map((w) => CHECK_KEYS.some((k) => isLikelyTypo(w, k)))).to.deep.equal([true, true, true, true, true, true]);
    expect(['url', 'warn', 'error', 'greeting', 'docroot', 'JMXPort'].map((w) => CHECK_KEYS.some((k) => isLikelyTypo(w, k)))).to.deep.equal([false, false, false, false, false, false]);
  });

  it('referenced keys are parameters, typos errors, the rest warnings', () => {
    expect(judge(['timout', 'greeting', 'colour'], { command: 'echo {{ greeting }} %(timout)s' })).to.deep.equal(['warning colour']);
    expect(judge(['timout', 'colour'], { command: 'uptime' })).to.deep.equal(['error timout', 'warning colour']);
  });

  it('built-in modules take only their parameters; scripts take any', () => {
    expect(judge(['paths', 'path'], { module: 'disk' })).to.deep.equal(['error path']);
    expect(judge(['anything'], { module: './probe.sh' })).to.deep.equal([]);
  });

  it('built-in parsers read their parameters; a parser module reads any', () => {
    expect(judge(['warn', 'error', 'ignore', 'colour'], { parser: 'df', command: 'df -P' })).to.deep.equal(['warning colour']);
    expect(judge(['colour'], { parser: './p.js', command: 'x' })).to.deep.equal([]);
  });
});

describe('config: template problems', () => {
  const values = { host: 'web1', env: 'prod' };
  it('undefined names and expressions; names match whatever their case', () => {
    expect(templateProblems('echo {{ ENV }} {{ host }} %(env)s', values)).to.deep.equal([]);
    expect(templateProblems('echo {{ nope }}', values)).to.deep.equal(['undefined variable "nope" in {{ nope }}']);
    expect(templateProblems('10.0.0.{{ index + 1 }}', values)[0]).to.match(/^\{\{ index \+ 1 \}\} is an expression/);
    expect(templateProblems('{{ env | upper }}', values)[0]).to.match(/is an expression/);
  });
  it("other tools' templates pass: {{.Names}}, {{ json .Config }}", () => {
    expect(templateProblems("docker ps --format '{{.Names}}' {{ json .Config }}", values)).to.deep.equal([]);
  });
});
