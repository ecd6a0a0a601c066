// Session ids `YYYY-MM-DD--NNN`, counting up within the day, claimed atomically with mkdir.
import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const ID = /^(\d{4}-\d{2}-\d{2})--(\d{3,})$/;

/** Today's date part of an id, in local time as ducktape does. */
export function datePart(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether a directory name is a session id. */
export function isSessionId(name: string): boolean {
  return ID.test(name);
}

/** Creates the next session directory under root; two concurrent runs never get the same id. */
export async function claimSessionDir(root: string, now = new Date()): Promise<{ id: string; dir: string }> {
  await mkdir(root, { recursive: true });
  const day = datePart(now);
  const taken = (await readdir(root)).map((n) => ID.exec(n)).filter((m) => m?.[1] === day).map((m) => Number(m?.[2]));
  let n = taken.length ? Math.max(...taken) + 1 : 1;
  for (;;) {
    const id = `${day}--${String(n).padStart(3, '0')}`;
    const dir = join(root, id);
    try {
      await mkdir(dir); // not recursive: fails with EEXIST if another run took this id first
      return { id, dir };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      n++;
    }
  }
}
