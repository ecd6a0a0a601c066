// Handlers of `smoker inventory from-vagrant|from-ansible|from-ducktape`: the inventory YAML to stdout, warnings to stderr.
import { readFile, stat } from 'node:fs/promises';
import { ConfigError, UsageError } from '../../errors.js';
import type { Conversion, SmokerInventoryDoc } from '../../interop/inventory-doc.js';

/** Options every converter command shares. */
export interface ConvertOptions {
  /** Written verbatim as the inventory's `checks:` list (paths relative to where the output is saved). */
  checks?: string[] | undefined;
}

/** `from-vagrant [DIR|-]`: runs `vagrant ssh-config` in DIR, or reads its output from stdin (`-`) or a saved file. */
export async function runFromVagrant(opts: ConvertOptions & { source: string | undefined }): Promise<void> {
  const { fromVagrantSshConfig } = await import('../../interop/vagrant-ssh-config.js');
  const source = opts.source ?? '.';
  if (source === '-') return print(fromVagrantSshConfig(await readStdin()), opts);
  const kind = await kindOf(source);
  if (kind === 'file') return print(fromVagrantSshConfig(await readInput(source), source), opts);
  if (kind === 'missing') throw new UsageError(`from-vagrant: no such folder: ${source} (expected a Vagrant project folder, - for stdin, or a file with vagrant ssh-config output)`);
  const { runVagrantSshConfig } = await import('../../interop/vagrant-command.js');
  await print(fromVagrantSshConfig(await runVagrantSshConfig(source)), opts);
}

/** `from-ansible FILE`: an INI or YAML inventory, with the host_vars/ and group_vars/ beside it. */
export async function runFromAnsible(opts: ConvertOptions & { file: string }): Promise<void> {
  const { loadAnsibleInventory } = await import('../../interop/ansible-inventory.js');
  await readInput(opts.file); // a missing file is reported as file:1:1, like every config file
  await print(await loadAnsibleInventory(opts.file), opts);
}

/** `from-ducktape FILE`: a ducktape cluster JSON file. */
export async function runFromDucktape(opts: ConvertOptions & { file: string }): Promise<void> {
  const { fromDucktapeCluster } = await import('../../interop/ducktape-cluster.js');
  await print(fromDucktapeCluster(await readInput(opts.file), opts.file), opts);
}

async function print(c: Conversion, opts: ConvertOptions): Promise<void> {
  const { toYaml } = await import('../../interop/to-yaml.js');
  const inventory: SmokerInventoryDoc & { checks?: string[] } = opts.checks?.length ? { ...c.inventory, checks: opts.checks } : c.inventory;
  for (const w of c.warnings) process.stderr.write(`warning: ${w}\n`);
  process.stdout.write(toYaml(inventory, c));
}

async function kindOf(path: string): Promise<'dir' | 'file' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'dir' : 'file';
  } catch {
    return 'missing';
  }
}

async function readInput(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'expected a file, got a folder' : `cannot read file: ${(err as Error).message}`;
    throw new ConfigError([{ pos: { file, line: 1, col: 1 }, path: '', message: reason }]);
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('reading vagrant ssh-config output from stdin (end with Ctrl-D)...\n');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
