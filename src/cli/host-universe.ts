// -H on a loaded inventory: host names, groups, and addresses as a connection would use them (~/.ssh/config's HostName included).
import { patternUniverse } from '../config/pattern-universe.js';
import type { PatternUniverse } from '../config/patterns.js';
import type { Inventory } from '../config/types.js';
import { loadSshConfig, type SshConfig } from '../transport/ssh-config.js';
import { resolveTarget } from '../transport/ssh-target.js';

/** The universe -H selects from; ~/.ssh/config is read only when a term is looked up as an address. */
export function hostUniverse(inventory: Pick<Inventory, 'hosts' | 'groups'>): PatternUniverse {
  let ssh: { config: SshConfig | undefined } | undefined;
  return patternUniverse(inventory, (h) => {
    if (h.transport !== 'ssh' || h.addressSet) return h.address;
    ssh ??= { config: readSshConfig() };
    return resolveTarget(h, ssh.config).host;
  });
}

// Its warnings are printed when a connection reads it; here a broken file only means no HostName to match.
function readSshConfig(): SshConfig | undefined {
  try {
    return loadSshConfig();
  } catch {
    return undefined;
  }
}
