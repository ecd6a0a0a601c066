// POSIX sh functions that read a log from a byte offset and notice rotation (shared by the watcher and `wait log`).

/**
 * Defines, for a file followed from `smk_off` whose inode was `smk_ino`:
 * - `smk_stat FILE`: sets smk_sz (size) and smk_i (inode); fails when the file is missing;
 * - `smk_rotate`: a replaced file (new inode) or a truncated one (smaller than the offset) is read from 0;
 * - `smk_range FILE`: prints the bytes from smk_off to smk_sz.
 * Only `ls -di`, `wc -c`, `tail -c +N` and `head -c` are used, so it runs on busybox too.
 */
export const FOLLOW_FUNCTIONS = [
  `smk_stat() { [ -f "$1" ] || return 1; smk_i=$(ls -di "$1" 2>/dev/null | awk '{print $1}'); smk_sz=$(wc -c < "$1" 2>/dev/null | tr -d ' '); [ -n "$smk_sz" ]; }`,
  `smk_rotate() { if [ "$smk_i" != "$smk_ino" ] || [ "$smk_sz" -lt "$smk_off" ]; then smk_off=0; smk_ino=$smk_i; fi; }`,
  `smk_range() { tail -c +$((smk_off + 1)) "$1" 2>/dev/null | head -c $((smk_sz - smk_off)); }`,
].join('\n');

/** Shell that sets smk_off/smk_ino to the file's current end (0 and "-" when it does not exist yet). */
export function markEndShell(fileVar: string): string {
  return `if smk_stat "$${fileVar}"; then smk_off=$smk_sz; smk_ino=$smk_i; else smk_off=0; smk_ino=-; fi`;
}

/** A fractional sleep where supported, else one second. */
export function sleepShell(seconds: string): string {
  return `sleep ${seconds} 2>/dev/null || sleep 1`;
}
