// A 3-level tree of files with distinct modes and contents, and a byte-for-byte comparison of two trees (modes too).
import { chmodSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Builds the tree under `root` (created): dirs 755/750/700, files 644/600/755/444, a binary file, an empty one. */
export function makeTree(root: string): void {
  mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
  mkdirSync(join(root, 'priv'), { recursive: true });
  const files: [string, string | Buffer, number][] = [
    ['top.txt', 'top level\n', 0o644],
    ['a/run.sh', '#!/bin/sh\necho hi\n', 0o755],
    ['a/b/secret', 'shh\n', 0o600],
    ['a/b/c/deep.bin', Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 7919) % 256)), 0o644],
    ['a/b/c/readonly', 'ro\n', 0o444],
    ['priv/empty', '', 0o640],
    ['name with spaces \'q\'', 'odd name\n', 0o644],
  ];
  for (const [p, content, mode] of files) {
    writeFileSync(join(root, p), content);
    chmodSync(join(root, p), mode);
  }
  chmodSync(join(root, 'a', 'b'), 0o750);
  chmodSync(join(root, 'priv'), 0o700);
}

/** Every path under root with its kind, mode and (for files) contents, sorted. */
export function describeTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const st = statSync(p);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isDirectory()) {
        out.push(`d ${mode} ${relative(root, p)}`);
        walk(p);
      } else {
        out.push(`f ${mode} ${relative(root, p)} ${readFileSync(p).toString('base64')}`);
      }
    }
  };
  walk(root);
  return out;
}
