// POSIX sh functions that read a log from a byte offset and notice rotation (shared by the watcher and `wait log`).

/** Bytes at the head of a log whose checksum tells a rewritten file from an appended one. */
const HEAD_BYTES = 128;

/**
 * Defines, for a file followed from `smk_off` whose inode was `smk_ino` and whose first `smk_hn`
 * bytes had the checksum `smk_hk`:
 * - `smk_stat FILE`: sets smk_sz (size) and smk_i (inode); fails when the file is missing;
 * - `smk_rotate FILE`: a replaced file (new inode), a truncated one (smaller than the offset) or a
 *   rewritten one (its head changed, e.g. truncated and grown past the offset) is read from 0;
 * - `smk_rehead FILE`: remembers the head checksum once the offset has moved past it;
 * - `smk_range FILE`: prints the bytes from smk_off to smk_sz.
 * Only `ls -di`, `wc -c`, `head -c`, `tail -c +N` and `cksum` are used, so it runs on busybox too.
 */
export const FOLLOW_FUNCTIONS = [
  // The inode is read before and after the size, so a rename between the two cannot pair one file's inode with another's size.
  `smk_ino_of() { ls -di "$1" 2>/dev/null | awk '{print $1}'; }`,
  `smk_stat() { smk_n=0; while [ "$smk_n" -lt 5 ]; do [ -f "$1" ] || return 1; smk_i=$(smk_ino_of "$1"); smk_sz=$(wc -c < "$1" 2>/dev/null | tr -d ' '); [ "$(smk_ino_of "$1")" = "$smk_i" ] && { [ -n "$smk_sz" ]; return; }; smk_n=$((smk_n + 1)); done; return 1; }`,
  `smk_sum() { head -c "$2" "$1" 2>/dev/null | cksum | awk '{print $1}'; }`,
  `smk_rotate() { if [ "$smk_i" != "$smk_ino" ] || [ "$smk_sz" -lt "$smk_off" ] || { [ "$smk_hn" -gt 0 ] && [ "$(smk_sum "$1" "$smk_hn")" != "$smk_hk" ]; }; then smk_off=0; smk_ino=$smk_i; smk_hn=0; smk_hk=; fi; }`,
  `smk_rehead() { if [ "$smk_hn" -lt ${HEAD_BYTES} ] && [ "$smk_off" -gt "$smk_hn" ]; then smk_hn=$smk_off; [ "$smk_hn" -gt ${HEAD_BYTES} ] && smk_hn=${HEAD_BYTES}; smk_hk=$(smk_sum "$1" "$smk_hn"); fi; }`,
  `smk_range() { tail -c +$((smk_off + 1)) "$1" 2>/dev/null | head -c $((smk_sz - smk_off)); }`,
].join('\n');

/** Shell that marks the file's current end: smk_off, smk_ino, smk_hn, smk_hk (0, "-", 0, "" when it does not exist yet). */
export function buildMarkEndShell(fileVar: string): string {
  return `smk_hn=0; smk_hk=; if smk_stat "$${fileVar}"; then smk_off=$smk_sz; smk_ino=$smk_i; smk_rehead "$${fileVar}"; else smk_off=0; smk_ino=-; fi`;
}

/** A fractional sleep where supported, else one second. */
export function buildSleepShell(seconds: string): string {
  return `sleep ${seconds} 2>/dev/null || sleep 1`;
}
