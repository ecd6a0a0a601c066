// Runs `vagrant ssh-config` for `smoker inventory from-vagrant DIR`; its output goes to fromVagrantSshConfig.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { ExternalCommandError } from '../errors.js';

/** What to suggest when vagrant cannot be run here. */
export const VAGRANT_PIPE_HINT = 'vagrant ssh-config | smoker inventory from-vagrant -';

/**
 * Runs `vagrant ssh-config` in the Vagrant project `dir` (a folder with a Vagrantfile) and returns its stdout.
 * A missing vagrant binary or a failing command is an ExternalCommandError (exit 2) that says what to do.
 */
export function runVagrantSshConfig(dir: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const cwd = resolve(dir);
  // VAGRANT_CWD overrides the working directory in vagrant; point it at the folder asked for.
  const childEnv = { ...env, VAGRANT_CWD: cwd, VAGRANT_NO_COLOR: '1' };
  return new Promise((done, fail) => {
    execFile('vagrant', ['ssh-config'], { cwd, env: childEnv, maxBuffer: 16 * 1024 * 1024, encoding: 'utf8' }, (err, stdout, stderr) => {
      if (!err) return done(stdout);
      const e = err as NodeJS.ErrnoException & { code?: string | number };
      if (e.code === 'ENOENT') {
        fail(new ExternalCommandError(`vagrant not found on PATH. Install Vagrant, or run this where vagrant works: cd ${dir} && ${VAGRANT_PIPE_HINT}`));
        return;
      }
      const detail = lastLines(stderr || stdout, 15);
      const status = typeof e.code === 'number' ? `exit ${e.code}` : (e.message ?? 'failed');
      fail(
        new ExternalCommandError(
          `vagrant ssh-config failed in ${dir} (${status})${detail ? `:\n${detail}` : ''}\nAre the machines up? Start them with vagrant up (vagrant status shows their state).`,
        ),
      );
    });
  });
}

function lastLines(text: string, n: number): string {
  return text
    .trimEnd()
    .split(/\r?\n/)
    .slice(-n)
    .map((l) => `  ${l}`)
    .join('\n');
}
