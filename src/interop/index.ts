// Inventory converters: Vagrant, Ansible and ducktape inputs to smoker inventories (`smoker inventory from-*`).

export type { Conversion, ConnectionFields, GroupEntry, HostEntry, SmokerInventoryDoc } from './inventory-doc.js';
export { fromVagrantSshConfig, VAGRANT_STDIN } from './vagrant-ssh-config.js';
export { fromAnsibleInventory, loadAnsibleInventory, readAnsibleInventory, detectAnsibleFormat } from './ansible-inventory.js';
export { readAnsibleVarsFiles, type AnsibleVarsFiles, type VarsFile } from './ansible-vars-files.js';
export { looksLikeAnsibleInventory } from './ansible-detect.js';
export { fromDucktapeCluster } from './ducktape-cluster.js';
export { toYaml, type YamlHeader } from './to-yaml.js';
