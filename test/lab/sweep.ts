// Cleans up after labs whose controller died without closing them (SIGKILL, crash, power cut).

import { existsSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_PREFIX } from './constants.js';
import { findLabProcesses, findNamespacePids } from './find-processes.js';
import { LAB_ID_PATTERN, labBaseDir, readLabState } from './lab-state.js';
import { renderNetworkTeardown, runIpBatch } from './network.js';
import { isProcessAlive, killQuietly } from './process-info.js';
import { isOwnLabId } from './registry.js';
import { slotsDir } from './slots.js';

/** A lab bridge is named exactly like its lab. */
const BRIDGE_PATTERN = new RegExp(`^${LAB_PREFIX}\\d+l\\d+$`);

/** Removes processes, namespaces, bridges, dirs and address claims of labs whose owner is gone; returns their ids. */
export async function cleanupStaleLabs(): Promise<string[]> {
  const base = labBaseDir();
  const starts = new Map<string, number | undefined>();
  const stale = new Set<string>();
  const isStale = (name: string): string | undefined => {
    const m = LAB_ID_PATTERN.exec(name);
    if (!m?.[1]) return undefined;
    const id = m[1];
    const pid = Number(m[2]);
    const dead = pid === process.pid ? !isOwnLabId(id) : !isProcessAlive(pid, starts.get(id));
    if (dead) stale.add(id);
    return dead ? id : undefined;
  };

  const labDirs = listDir(base).filter((d) => LAB_ID_PATTERN.test(d));
  for (const d of labDirs) starts.set(d, readLabState(join(base, d))?.ownerStart);
  const netns: string[] = [];
  const bridges: string[] = [];
  const ports: number[] = [];
  for (const d of labDirs) {
    if (!isStale(d)) continue;
    const state = readLabState(join(base, d));
    netns.push(...(state?.netns ?? []));
    if (state?.bridge) bridges.push(state.bridge);
    ports.push(...(state?.ports ?? []));
  }
  if (process.getuid?.() === 0) {
    netns.push(...listDir('/run/netns').filter((n) => isStale(n)));
    bridges.push(...listDir('/sys/class/net').filter((n) => BRIDGE_PATTERN.test(n) && isStale(n)));
  }
  if (stale.size) {
    const uniqueNetns = [...new Set(netns)];
    for (const pid of findNamespacePids(uniqueNetns)) killQuietly(pid);
    for (const id of stale) for (const pid of findLabProcesses(`${join(base, id)}/`, ports)) killQuietly(pid);
    const liveNetns = uniqueNetns.filter((n) => existsSync(`/run/netns/${n}`));
    const liveBridges = [...new Set(bridges)].filter((b) => existsSync(`/sys/class/net/${b}`));
    await runIpBatch(renderNetworkTeardown(liveNetns, liveBridges), true);
    for (const id of stale) rmSync(join(base, id), { recursive: true, force: true });
  }
  // Last: a slot is free for reuse only once its old bridge and routes are gone.
  releaseStaleSlots(base, isStale);
  return [...stale];
}

function releaseStaleSlots(base: string, isStale: (id: string) => string | undefined): void {
  const dir = slotsDir(base);
  for (const f of listDir(dir).filter((n) => /^\d+$/.test(n))) {
    const file = join(dir, f);
    try {
      const owner = readFileSync(file, 'utf8');
      // An empty claim is one being written right now, unless it is old.
      const orphan = owner === '' && Date.now() - statSync(file).mtimeMs > 60_000;
      if (orphan || (owner && isStale(owner))) unlinkSync(file);
    } catch {
      // released meanwhile
    }
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
