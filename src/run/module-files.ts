// Module scripts on a host: one private temp dir per host per run, uploaded once, removed at the end.
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { CheckDef } from '../config/check-types.js';
import { buildModuleScript } from '../modules/builtin.js';
import { isBuiltinModule } from '../modules/catalog.js';
import { shellQuote } from '../transport/shell-quote.js';
import type { Connection } from '../transport/types.js';

/** How to run a module once uploaded: the command line. */
export interface UploadedModule {
  command: string;
}

/** The temp dir of one host, created on first use; `cleanup` removes it (also after timeouts). */
export class HostModules {
  private dir: Promise<string> | undefined;
  private readonly uploads = new Map<string, Promise<UploadedModule>>();
  constructor(private readonly conn: Connection) {}

  private tempDir(): Promise<string> {
    this.dir ??= this.conn.exec('umask 077; mktemp -d "${TMPDIR:-/tmp}/smoker.XXXXXXXX"', { timeoutMs: 30_000 }).then((out) => {
      const d = out.stdout.trim();
      if (out.exitCode !== 0 || !d.startsWith('/')) throw new Error(`cannot create a temp dir on the host: ${out.stderr.trim() || `exit ${out.exitCode}`}`);
      return d;
    });
    return this.dir;
  }

  /** Uploads the module of a check (once per host) and returns how to run it. */
  prepare(check: CheckDef): Promise<UploadedModule> {
    const module = check.module ?? '';
    return isBuiltinModule(module) ? this.upload(`builtin:${module}`) : this.prepareFile(resolve(check.baseDir, module));
  }

  /** Uploads a script of the controller (a check's or an action's, once per host) and returns how to run it. */
  prepareFile(path: string): Promise<UploadedModule> {
    return this.upload(path);
  }

  private upload(key: string): Promise<UploadedModule> {
    let p = this.uploads.get(key);
    if (!p) {
      const n = this.uploads.size;
      p = (async () => {
        const dir = await this.tempDir();
        if (key.startsWith('builtin:')) {
          const module = key.slice('builtin:'.length);
          const remote = `${dir}/${module}.sh`;
          await this.conn.writeFile(remote, buildModuleScript(module), 0o600);
          return { command: `/bin/sh ${shellQuote(remote)}` };
        }
        const remote = `${dir}/${n}-${basename(key)}`;
        await this.conn.writeFile(remote, await readFile(key), 0o700);
        return { command: shellQuote(remote) };
      })();
      this.uploads.set(key, p);
    }
    return p;
  }

  /** Removes the temp dir, if one was made. */
  async cleanup(): Promise<void> {
    if (!this.dir) return;
    const dir = await this.dir.catch(() => undefined);
    if (dir) await this.conn.exec(`rm -rf -- ${shellQuote(dir)}`, { timeoutMs: 30_000 }).catch(() => undefined);
  }
}
