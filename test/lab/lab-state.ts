// Where labs live on disk and the state file that lets a later process clean up after a dead one.

import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LAB_PREFIX } from './constants.js';
import type { Isolation } from './isolation.js';

/** Recorded in `<lab dir>/lab.json` before any resource is made. */
export interface LabState {
  id: string;
  ownerPid: number;
  /** Owner's start time in clock ticks: a reused pid is not mistaken for the owner. */
  ownerStart: number | undefined;
  isolation: Isolation;
  netns: string[];
  bridge: string | undefined;
  slots: number[];
  ports: number[];
}

/** Matches a lab id at the start of a lab dir, namespace or bridge name: groups id, owner pid. */
export const LAB_ID_PATTERN = new RegExp(`^(${LAB_PREFIX}(\\d+)l\\d+)`);

/** Parent of every lab dir: /run/smoker-lab for root (never under /tmp, which hosts mount privately). */
export function labBaseDir(): string {
  const uid = process.getuid?.() ?? 0;
  return uid === 0 ? '/run/smoker-lab' : join(tmpdir(), `smoker-lab-${uid}`);
}

/** Writes the state file of a lab. */
export function writeLabState(dir: string, state: LabState): void {
  writeFileSync(join(dir, 'lab.json'), `${JSON.stringify(state, null, 2)}\n`);
}

/** Reads the state file of a lab dir, or undefined. */
export function readLabState(dir: string): LabState | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, 'lab.json'), 'utf8')) as LabState;
  } catch {
    return undefined;
  }
}
