import { expect } from 'chai';
import { mapAnsibleVars } from '../../src/interop/ansible-connection.js';
import type { AnsibleVars } from '../../src/interop/ansible-model.js';
import { proxyCommandToJump } from '../../src/interop/proxy-command.js';
import { VaultedValue } from '../../src/interop/yaml-source.js';

function vars(obj: Record<string, unknown>): AnsibleVars {
  return new Map(Object.entries(obj).map(([k, value], i) => [k, { value, pos: { file: 'inv', line: i + 1, col: 1 } }]));
}

function map(obj: Record<string, unknown>) {
  const warnings: string[] = [];
  const out = mapAnsibleVars(vars(obj), 'host web1', 'web1', warnings);
  return { ...out, warnings };
}

describe('interop/ansible-connection', () => {
  it('maps the behavioural variables, old ansible_ssh_* spellings included', () => {
    expect(
      map({
        ansible_ssh_host: '10.0.0.1',
        ansible_ssh_port: '2222',
        ansible_ssh_user: 'deploy',
        ansible_private_key_file: '~/.ssh/k',
        ansible_connection: 'paramiko',
        ansible_become: 'yes',
        ansible_become_user: 'root',
        ansible_become_method: 'sudo',
        ansible_timeout: 20,
        ansible_host_key_checking: 'False',
      }),
    ).to.deep.equal({
      fields: {
        address: '10.0.0.1',
        port: 2222,
        user: 'deploy',
        identityFile: '~/.ssh/k',
        transport: 'ssh',
        sudo: true,
        connectTimeout: '20s',
        hostKeyPolicy: 'off',
      },
      vars: {},
      warnings: [],
    });
  });

  it('suggests an env variable for each kind of secret and copies none', () => {
    const r = map({ ansible_password: 'p', ansible_become_password: 'q', ansible_ssh_private_key_passphrase: 'r', api_token: 's' });
    expect(r.fields).to.deep.equal({});
    expect(r.vars).to.deep.equal({});
    expect(r.warnings).to.deep.equal([
      'inv:1:1 host web1: ansible_password is a secret and was not copied; export it and set passwordEnv: WEB1_PASSWORD',
      'inv:2:1 host web1: ansible_become_password is a secret and was not copied; export it and set sudoPasswordEnv: WEB1_SUDO_PASSWORD',
      'inv:3:1 host web1: ansible_ssh_private_key_passphrase is a secret and was not copied; export it and set passphraseEnv: WEB1_KEY_PASSPHRASE',
      'inv:4:1 host web1: api_token looks like a secret and was not copied; pass it through an environment variable instead',
    ]);
  });

  it('drops vault-encrypted values, even nested ones', () => {
    const r = map({ db: { user: 'app', password: new VaultedValue('$ANSIBLE_VAULT;1.1;AES256\n6231') }, plain: 1 });
    expect(r.vars).to.deep.equal({ plain: 1 });
    expect(r.warnings[0]).to.match(/db is vault-encrypted and was not copied/);
  });

  it('keeps templated or unusable connection values in vars, with a warning', () => {
    const r = map({ ansible_host: '{{ inventory_hostname }}.lab', ansible_port: 'ssh', ansible_become: 'maybe', ansible_connection: 'docker' });
    expect(r.fields).to.deep.equal({});
    expect(r.vars).to.deep.equal({
      ansible_host: '{{ inventory_hostname }}.lab',
      ansible_port: 'ssh',
      ansible_become: 'maybe',
      ansible_connection: 'docker',
    });
    expect(r.warnings).to.have.length(4);
  });

  it('reads jumps and host-key options from ssh args; explicit variables win over them', () => {
    const r = map({
      ansible_ssh_common_args: "-o 'ProxyJump ops@bastion' -o UserKnownHostsFile=/dev/null -o StrictHostKeyChecking=no -p 2200",
      ansible_ssh_extra_args: '-oConnectTimeout=7 -i ~/.ssh/extra',
      ansible_port: 22,
    });
    expect(r.fields).to.deep.equal({
      port: 22,
      identityFile: '~/.ssh/extra',
      jump: 'ops@bastion',
      hostKeyPolicy: 'off',
      connectTimeout: '7s',
    });
    expect(r.warnings).to.deep.equal([]);
    expect(map({ ansible_ssh_common_args: '-o StrictHostKeyChecking=accept-new' }).fields).to.deep.equal({ hostKeyPolicy: 'accept-new' });
  });

  it('keeps any other ProxyCommand as written (smoker runs it) and names ssh arguments it cannot convert', () => {
    const r = map({ ansible_ssh_common_args: '-o ProxyCommand="nc -x proxy:1080 %h %p" -A' });
    expect(r.fields).to.deep.equal({ proxyCommand: 'nc -x proxy:1080 %h %p' });
    expect(r.warnings).to.deep.equal(['inv:1:1 host web1: ssh arguments not converted: -A']);
  });

  it("keeps the bastion's own key of a ProxyCommand ssh -W (-i, -o IdentityFile=), and -F as a real ProxyCommand", () => {
    const withKey = map({ ansible_ssh_common_args: `-o ProxyCommand="ssh -W %h:%p -i ~/.ssh/bastion.pem ops@bastion.example.com"` });
    expect(withKey.fields).to.deep.equal({ jump: 'ops@bastion.example.com', jumpIdentityFile: '~/.ssh/bastion.pem' });
    expect(withKey.warnings).to.deep.equal([]);
    const viaOption = map({ ansible_ssh_common_args: `-o ProxyCommand='ssh -o IdentityFile=/k/b -o User=ops -W %h:%p bastion' -i /k/target` });
    expect(viaOption.fields).to.deep.equal({ identityFile: '/k/target', jump: 'ops@bastion', jumpIdentityFile: '/k/b' });
    const withConfig = map({ ansible_ssh_common_args: `-o ProxyCommand="ssh -F ./ssh.cfg -W %h:%p bastion"` });
    expect(withConfig.fields).to.deep.equal({ proxyCommand: 'ssh -F ./ssh.cfg -W %h:%p bastion' });
  });

  describe('proxyCommandToJump', () => {
    it('recognises the ssh -W %h:%p idiom in its common spellings', () => {
      expect(proxyCommandToJump('ssh -W %h:%p -q user@gateway.example.com')).to.equal('user@gateway.example.com');
      expect(proxyCommandToJump('ssh -q -p 2222 -l ops bastion -W [%h]:%p')).to.equal('ops@bastion:2222');
      expect(proxyCommandToJump('/usr/bin/ssh -J outer -W %h:%p inner')).to.equal('outer,inner');
    });

    it('refuses anything else', () => {
      expect(proxyCommandToJump('nc -x proxy:1080 %h %p')).to.equal(undefined);
      expect(proxyCommandToJump('ssh bastion nc %h %p')).to.equal(undefined);
      expect(proxyCommandToJump('ssh -W "unclosed')).to.equal(undefined);
    });
  });
});
