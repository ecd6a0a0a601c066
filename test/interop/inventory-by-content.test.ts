// Inventories recognised by content, not file name, and Ansible inventory folders (issue 16, items 1 and 2).

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { loadAnyInventory } from '../../src/config/load-any-inventory.js';
import { ConfigError } from '../../src/errors.js';
import { rejectionOf } from '../support/thrown.js';

const corpus = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'corpus', 'ansible');

describe('interop/inventory by content', () => {
  it('reads Ansible INI inventories whatever their extension (.group_by, .example, .handlers)', async () => {
    const byGroup = await loadAnyInventory(join(corpus, 'ansible-group_by', 'inventory.group_by'));
    expect(byGroup.kind).to.equal('ansible');
    expect(byGroup.inventory.hosts.map((h) => h.name)).to.deep.equal(['camel', 'alpaca', 'llama']);
    const example = await loadAnyInventory(join(corpus, 'openshift-ansible', 'hosts.example'));
    expect(example.kind).to.equal('ansible');
  });

  it('says which formats it tried and why each failed when nothing fits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'smoker-detect-'));
    const file = join(dir, 'hosts.prod');
    writeFileSync(file, 'web1 ansible_port\n: broken: [\n');
    const err = await rejectionOf(() => loadAnyInventory(file), ConfigError);
    const message = err.issues[0]?.message ?? '';
    expect(message).to.match(/tried:/);
    expect(message).to.match(/smoker inventory/);
    expect(message).to.match(/Ansible YAML inventory/);
    expect(message).to.match(/Ansible INI inventory.*line 1: expected key=value/);
    expect(err.issues[0]?.pos?.line).to.equal(1);
  });

  it('reads an inventory folder as Ansible does: every file merged, group_vars/ applied, .ini and hidden files skipped', async () => {
    const loaded = await loadAnyInventory(join(corpus, 'ceph-ansible-external_clients'));
    expect(loaded.kind).to.equal('ansible');
    expect(loaded.inventory.hosts.map((h) => h.name).sort()).to.deep.equal(['client0', 'client1', 'mon0', 'mon1', 'mon2']);
    expect(loaded.inventory.groups.get('clients')?.hosts).to.deep.equal(['client0', 'client1']);

    const dir = mkdtempSync(join(tmpdir(), 'smoker-invdir-'));
    writeFileSync(join(dir, 'a'), '[web]\nweb1\n');
    writeFileSync(join(dir, 'b.yml'), 'db:\n  hosts:\n    db1:\n');
    writeFileSync(join(dir, 'skipped.ini'), '[other]\nnot-read\n');
    writeFileSync(join(dir, '.hidden'), '[other]\nnot-read-either\n');
    const mixed = await loadAnyInventory(dir);
    expect(mixed.inventory.hosts.map((h) => h.name)).to.deep.equal(['web1', 'db1']);
  });
});
