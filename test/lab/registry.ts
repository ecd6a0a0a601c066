// Every lab this process has open, so that process exit or a signal never leaves one behind.
import { constants } from 'node:os';

/** What the registry needs of a lab. */
export interface ClosableLab {
  close(): Promise<void>;
  /** Best-effort synchronous cleanup for process exit: kill, delete namespaces, remove the dir. */
  closeSync(): void;
}

const open = new Set<ClosableLab>();
let hooked = false;

/** Tracks `lab` until unregisterLab; installs the exit and signal hooks on first use. */
export function registerLab(lab: ClosableLab): void {
  open.add(lab);
  if (hooked) return;
  hooked = true;
  process.on('exit', closeAllSync);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      closeAllSync();
      // Then die of the signal as the default handler would have. Not only when this is the last listener:
      // signal-exit (ora) and interrupt traps also re-raise only when alone, and two such polite handlers
      // swallowed SIGTERM for good. Re-raised, the others see it once more (signal-exit then kills); a
      // listener that still keeps the process alive gets two seconds before it exits anyway.
      process.off(signal, onSignal);
      setTimeout(() => process.exit(128 + constants.signals[signal]), 2000);
      process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

/** Stops tracking `lab` (it closed itself). */
export function unregisterLab(lab: ClosableLab): void {
  open.delete(lab);
}

/** Closes every open lab of this process (for a mocha root `afterAll`). */
export async function closeAllLabs(): Promise<void> {
  await Promise.all([...open].map((lab) => lab.close()));
}

/** How many labs are open (tests assert it drops to 0). */
export function countOpenLabs(): number {
  return open.size;
}

function closeAllSync(): void {
  for (const lab of open) {
    try {
      lab.closeSync();
    } catch {
      // keep cleaning the others
    }
  }
  open.clear();
}

const ownIds = new Set<string>();
let labCount = 0;

/** A fresh lab id `smk<pid>l<n>`, reserved (sweepers of this process leave it alone) until releaseLabId. */
export function reserveLabId(prefix: string): string {
  const id = `${prefix}${process.pid}l${++labCount}`;
  ownIds.add(id);
  return id;
}

/** Ends the reservation of a closed lab's id. */
export function releaseLabId(id: string): void {
  ownIds.delete(id);
}

/** Whether `id` belongs to a lab this process is starting or running. */
export function isOwnLabId(id: string): boolean {
  return ownIds.has(id);
}
