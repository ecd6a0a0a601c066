// Claims /24 slots of the lab network so labs of concurrent processes never share an address.

import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { LAB_SLOT_COUNT } from './constants.js';
import { LabError } from './lab-error.js';

/** The folder of claim files `<slot>` (content: the owning lab id) under a lab base dir. */
export function slotsDir(baseDir: string): string {
  return join(baseDir, 'slots');
}

/** Claims `count` consecutive free slots for `labId` (atomic O_EXCL files); returns them. */
export function claimSlots(baseDir: string, labId: string, count: number): number[] {
  const dir = slotsDir(baseDir);
  mkdirSync(dir, { recursive: true });
  // Start after the last claim: a just-released range may still be torn down by the kernel.
  const cursor = readCursor(dir);
  for (let tried = 0; tried < LAB_SLOT_COUNT; tried++) {
    const first = (cursor + tried) % LAB_SLOT_COUNT;
    if (first + count > LAB_SLOT_COUNT) continue;
    const claimed: number[] = [];
    for (let s = first; s < first + count && tryClaim(dir, s, labId); s++) claimed.push(s);
    if (claimed.length === count) {
      writeFileSync(join(dir, 'cursor'), String((first + count) % LAB_SLOT_COUNT));
      return claimed;
    }
    releaseSlots(baseDir, labId, claimed);
  }
  throw new LabError('E_LAB_START', `no ${count} free consecutive /24 slots in ${dir} (other labs hold them)`);
}

/** Releases the slots that `labId` holds. */
export function releaseSlots(baseDir: string, labId: string, slots: readonly number[]): void {
  for (const s of slots) {
    const file = join(slotsDir(baseDir), String(s));
    try {
      if (readFileSync(file, 'utf8') === labId) unlinkSync(file);
    } catch {
      // already released
    }
  }
}

function tryClaim(dir: string, slot: number, labId: string): boolean {
  try {
    const fd = openSync(join(dir, String(slot)), 'wx');
    writeSync(fd, labId);
    closeSync(fd);
    return true;
  } catch {
    return false;
  }
}

function readCursor(dir: string): number {
  try {
    const n = Number(readFileSync(join(dir, 'cursor'), 'utf8'));
    return Number.isInteger(n) && n >= 0 ? n % LAB_SLOT_COUNT : 0;
  } catch {
    return 0;
  }
}
