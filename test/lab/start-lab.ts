// startLab: N real OpenSSH hosts for a test, up in parallel, torn down by close() or at process exit.

import { chmodSync, mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { countSlots } from './addresses.js';
import { LAB_PREFIX } from './constants.js';
import { findFreePorts } from './free-ports.js';
import { chooseIsolation } from './isolation.js';
import { LabError } from './lab-error.js';
import { writeLabFiles } from './lab-files.js';
import { planLab } from './lab-plan.js';
import { labBaseDir, writeLabState } from './lab-state.js';
import { renderNetworkSetup, runIpBatch } from './network.js';
import { readStartTime } from './process-info.js';
import { registerLab, releaseLabId, reserveLabId } from './registry.js';
import { RunningLab } from './running-lab.js';
import { findSshd } from './sshd-binary.js';
import { claimSlots } from './slots.js';
import { cleanupStaleLabs } from './sweep.js';
import type { Lab, LabOptions } from './types.js';
import { ensureLabUsers, type LabUser } from './users.js';

/** Starts `opts.hosts` sshd hosts and resolves once every one answers with its SSH banner. */
export async function startLab(opts: LabOptions): Promise<Lab> {
  const prefix = validateOptions(opts);
  const isolation = await chooseIsolation(opts.mode ?? 'auto');
  const root = process.getuid?.() === 0;
  if (!root && opts.sudoUser) throw new LabError('E_LAB_UNSUPPORTED', 'sudoUser needs root (it creates a user and a sudoers rule)');
  const id = reserveLabId(LAB_PREFIX);
  try {
    await cleanupStaleLabs();
    const [sshd, users] = await Promise.all([findSshd(), root ? ensureLabUsers(opts.sudoUser ?? false) : [currentUser()]]);
    const baseDir = labBaseDir();
    const dir = join(baseDir, id);
    mkdirSync(baseDir, { recursive: true, mode: root ? 0o755 : 0o700 });
    // sshd reads authorized_keys as the login user, so the lab dir must be traversable by it.
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);
    // As root, sshd insists on its privilege separation dir even though the package's service never ran.
    if (root) mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
    const slots = isolation === 'netns' ? claimSlots(baseDir, id, countSlots(opts.hosts)) : [];
    const ports = isolation === 'netns' ? [] : await findFreePorts(opts.hosts);
    const plan = planLab({ id, dir, isolation, count: opts.hosts, namePrefix: prefix, shared: opts.sharedSshd ?? false, slots, ports });
    const netns = plan.servers.map((s) => s.netns).filter((n): n is string => !!n);
    writeLabState(dir, { id, ownerPid: process.pid, ownerStart: readStartTime(process.pid), isolation, netns, bridge: plan.network?.bridge, slots, ports });
    const files = await writeLabFiles({ id, dir, isolation, plan, users, sshd, passwordAuth: opts.passwordAuth ?? false, maxStartups: opts.maxStartups });
    const lab = new RunningLab({
      id, dir, baseDir, isolation, plan, slots,
      user: users[0]?.name ?? '',
      ...files,
      sshdPath: sshd.path,
      readyTimeoutMs: opts.readyTimeoutMs ?? 20_000,
    });
    registerLab(lab);
    try {
      if (plan.network) await runIpBatch(renderNetworkSetup(plan.network), false);
      await lab.startAll();
    } catch (e) {
      await lab.close();
      throw e;
    }
    return lab;
  } catch (e) {
    // Whatever was made before the lab could close itself is swept by the next cleanupStaleLabs:
    // once released, the id no longer counts as this process's.
    releaseLabId(id);
    throw e;
  }
}

function validateOptions(opts: LabOptions): string {
  if (!Number.isInteger(opts.hosts) || opts.hosts < 1 || opts.hosts > 60_000) {
    throw new LabError('E_LAB_OPTIONS', `startLab: hosts must be an integer 1-60000, got ${JSON.stringify(opts.hosts)}`);
  }
  const prefix = opts.namePrefix ?? 'host';
  if (!/^[a-z][a-z0-9-]{0,40}$/i.test(prefix)) {
    throw new LabError('E_LAB_OPTIONS', `startLab: namePrefix must be a hostname start (letters, digits, -), got ${JSON.stringify(prefix)}`);
  }
  return prefix;
}

function currentUser(): LabUser {
  const u = userInfo();
  return { name: u.username, uid: u.uid, gid: u.gid, home: u.homedir };
}
