import { expect } from 'chai';
import { parse } from 'yaml';
import { toYaml } from '../../src/interop/to-yaml.js';

describe('interop/to-yaml', () => {
  it('prints sections and keys in a stable order whatever the input order', () => {
    const text = toYaml(
      {
        groups: { web: { vars: { tier: 'web' }, user: 'www', hosts: ['web1'] } },
        hosts: { web1: { vars: { role: 'a' }, port: 2222, address: '10.0.0.1' } },
        vars: { env: 'staging' },
        defaults: { hostKeyPolicy: 'strict', user: 'deploy' },
      },
      { source: 'a test' },
    );
    expect(text).to.equal(
      [
        '# smoker inventory converted from a test.',
        '# Review it before use: hosts, groups and connection settings are as read.',
        '',
        'defaults:',
        '  user: deploy',
        '  hostKeyPolicy: strict',
        'vars:',
        '  env: staging',
        'hosts:',
        '  web1: { address: 10.0.0.1, port: 2222, vars: { role: a } }',
        'groups:',
        '  web: { hosts: [ web1 ], user: www, vars: { tier: web } }',
        '',
      ].join('\n'),
    );
  });

  it('lists warnings in the header and quotes words YAML 1.1 would read as booleans', () => {
    const text = toYaml({ defaults: { hostKeyPolicy: 'off' }, hosts: { a: { vars: { flag: 'yes' } } } }, { source: 's', warnings: ['w1', 'w2'] });
    expect(text).to.include('# 2 warnings while converting:\n#   - w1\n#   - w2\n');
    expect(text).to.include('hostKeyPolicy: "off"');
    expect(parse(text)).to.deep.equal({ defaults: { hostKeyPolicy: 'off' }, hosts: { a: { vars: { flag: 'yes' } } } });
  });

  it('keeps long or nested entries in block style', () => {
    const long = '/home/someone/a/very/long/path/to/a/project/.vagrant/machines/web/virtualbox/private_key';
    const text = toYaml({ hosts: { web: { address: '127.0.0.1', identityFile: long, vars: { deep: { a: [1, 2] } } } } }, { source: 's' });
    expect(text).to.include(`  web:\n    address: 127.0.0.1\n    identityFile: ${long}\n`);
    expect(parse(text).hosts.web.vars).to.deep.equal({ deep: { a: [1, 2] } });
  });
});
