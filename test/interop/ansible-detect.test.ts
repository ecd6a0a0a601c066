import { expect } from 'chai';
import { looksLikeAnsibleInventory } from '../../src/interop/ansible-detect.js';
import { readFixture } from './fixture.js';

describe('interop/ansible-detect', () => {
  it('recognises the Ansible fixtures in both formats', () => {
    for (const name of ['basic.ini', 'children-vars.ini', 'ini-plugin-ungrouped.ini', 'aliases.ini']) {
      expect(looksLikeAnsibleInventory(readFixture('ansible', name), name), name).to.equal(true);
    }
    for (const name of ['basic.yaml', 'basic-all.yaml', 'aliases.yaml', 'children-vars.yaml', 'bastion.yaml', 'inventory-list.json']) {
      expect(looksLikeAnsibleInventory(readFixture('ansible', name), name), name).to.equal(true);
    }
  });

  it('takes INI files without an extension or named .ini, even broken ones (the converter reports those)', () => {
    expect(looksLikeAnsibleInventory(readFixture('ansible', 'with-vars', 'hosts'), 'inventories/hosts')).to.equal(true);
    expect(looksLikeAnsibleInventory('jumper ansible_port=5555 ansible_host=192.0.2.50\n', 'hosts')).to.equal(true);
    expect(looksLikeAnsibleInventory('[bad\n', 'lab.ini')).to.equal(true);
  });

  it('judges by content, never by file name (issue 16)', () => {
    expect(looksLikeAnsibleInventory('web1\n', 'hosts.sh')).to.equal(true);
    expect(looksLikeAnsibleInventory('[web]\nweb1\n', 'inventory.group_by')).to.equal(true);
    expect(looksLikeAnsibleInventory('all:\n  hosts:\n    web1:\n', 'hosts.tpl')).to.equal(true);
  });

  it('leaves smoker inventories and other files alone', () => {
    const smoker = 'defaults: { user: deploy }\nhosts:\n  web[01:03]: {}\ngroups:\n  web: { hosts: ["web*"] }\n';
    expect(looksLikeAnsibleInventory(smoker, 'inventories/lab.yaml')).to.equal(false);
    expect(looksLikeAnsibleInventory('hosts:\n  db1: { address: 10.0.0.21 }\n', 'inventory')).to.equal(false);
    expect(looksLikeAnsibleInventory('hosts: [\n', 'broken.yaml')).to.equal(false);
    expect(looksLikeAnsibleInventory('', 'hosts')).to.equal(false);
    expect(looksLikeAnsibleInventory('a b c\n', 'notes.txt')).to.equal(false);
    expect(looksLikeAnsibleInventory(readFixture('vagrant', 'virtualbox-2.txt'), 'ssh-config')).to.equal(false);
  });
});
