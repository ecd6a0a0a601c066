// ProxyCommand for real: run the command locally, as OpenSSH does, and speak SSH over its stdin/stdout.
import { spawn } from 'node:child_process';
import { Duplex } from 'node:stream';
import { TransportError } from '../errors.js';

/** What ProxyCommand's tokens stand for (ssh_config(5): %% %h %n %p %r). */
export interface ProxyTokens {
  /** %h: the host name connected to (HostName, else the name). */
  host: string;
  /** %n: the name as given (the inventory host). */
  name: string;
  port: number;
  user: string;
}

/** Expands %h %n %p %r and %% as OpenSSH does; throws on a token ProxyCommand does not know. */
export function expandProxyCommand(command: string, t: ProxyTokens): string {
  return command.replace(/%(.?)/g, (whole, c: string) => {
    switch (c) {
      case '%':
        return '%';
      case 'h':
        return t.host;
      case 'n':
        return t.name;
      case 'p':
        return String(t.port);
      case 'r':
        return t.user;
      default:
        throw new TransportError(`ProxyCommand "${command}": unknown token ${whole || '%'} (ProxyCommand accepts %h %n %p %r %%)`, { code: 'E_PROXY' });
    }
  });
}

/** A running ProxyCommand: the stream ssh2 talks over, what it said on stderr, and how it ended. */
export interface ProxyProcess {
  sock: Duplex;
  stderr(): string;
  /** Undefined while running; otherwise its exit code or signal. */
  exit(): string | undefined;
  /** Settles with exit() once the process has ended. */
  exited: Promise<string>;
  kill(): void;
}

/** Starts `sh -c COMMAND` (as OpenSSH runs it, via the user's shell semantics) with pipes on stdin and stdout. */
export function startProxyCommand(command: string): ProxyProcess {
  // exec replaces the shell, so a kill reaches the proxy itself (OpenSSH does the same).
  const child = spawn('/bin/sh', ['-c', `exec ${command}`], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  let ended: string | undefined;
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (d: string) => {
    if (stderr.length < 8192) stderr += d;
  });
  const sock = Duplex.from({ readable: child.stdout, writable: child.stdin });
  child.on('error', (err) => {
    ended = `failed to start: ${err.message}`;
    sock.destroy(err);
  });
  const exited = new Promise<string>((resolve) => {
    child.on('exit', (code, signal) => {
      ended = signal ? `killed by ${signal}` : `exited with code ${code}`;
      resolve(ended);
    });
    child.on('error', (err) => resolve(`failed to start: ${err.message}`));
  });
  // ssh2 writes after the far end went away at times; EPIPE then is the proxy's exit, reported through exit().
  child.stdin.on('error', () => undefined);
  return {
    sock,
    stderr: () => stderr.trim(),
    exit: () => ended,
    exited,
    kill: () => {
      if (ended === undefined) child.kill('SIGTERM');
    },
  };
}
