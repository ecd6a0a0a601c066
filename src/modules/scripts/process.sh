# smoker built-in module process: counts processes by exact name (pgrep -x) or by a regular
# expression on the full command line (pgrep -f), optionally of one user, against min/max.
# Without pgrep it scans /proc itself. Parameters (src/modules/catalog.ts): name, pattern,
# user, min, max.

ps_name=$(param NAME)
ps_pattern=$(param PATTERN)
ps_user=$(param USER)
ps_min=$(param MIN 1)
ps_max=$(param MAX)
[ -n "$ps_name$ps_pattern" ] || finish_unknown "parameter name or pattern is required"
[ -n "$ps_name" ] && [ -n "$ps_pattern" ] && finish_unknown "parameters name and pattern: give one, not both"
is_uint "$ps_min" || finish_unknown "parameter min: expected a count such as 1, got \"$ps_min\""
[ -z "$ps_max" ] || is_uint "$ps_max" || finish_unknown "parameter max: expected a count such as 4, got \"$ps_max\""
if [ -n "$ps_pattern" ]; then
  regex_valid "$ps_pattern" || finish_unknown "parameter pattern: invalid regular expression \"$ps_pattern\""
  ps_what="matching /$ps_pattern/"
else
  ps_what="named $ps_name"
fi
if [ -n "$ps_user" ]; then
  ps_uid=$(id -u "$ps_user" 2>/dev/null) || finish_unknown "parameter user: no such user \"$ps_user\""
  ps_what="$ps_what of user $ps_user"
fi

# Prints this script's ancestors' PIDs (and its own): a wrapper whose command line holds the
# pattern (sh -c "... pattern ...") must not count as a match.
ps_ancestors() {
  _p=$$
  while [ -n "$_p" ] && [ "$_p" != 0 ] && [ "$_p" != 1 ]; do
    printf '%s\n' "$_p"
    [ -r "/proc/$_p/stat" ] || { [ "$_p" = $$ ] && printf '%s\n' "$PPID"; break; }
    # the field after the parenthesised command name is the state, then the parent PID
    _p=$(sed 's/.*) [A-Za-z] \([0-9]*\).*/\1/' "/proc/$_p/stat" 2>/dev/null)
  done
}

# Prints matching PIDs by scanning /proc (no pgrep).
ps_scan_proc() {
  for _d in /proc/[0-9]*; do
    _pid=${_d#/proc/}
    if [ -n "$ps_uid" ]; then
      _uid=
      while read -r _k _v _rest; do
        [ "$_k" = Uid: ] && { _uid=$_v; break; }
      done 2>/dev/null <"$_d/status"
      [ "$_uid" = "$ps_uid" ] || continue
    fi
    if [ -n "$ps_pattern" ]; then
      _cmd=$(tr '\000' ' ' 2>/dev/null <"$_d/cmdline")
      [ -n "$_cmd" ] && matches "$_cmd" "$ps_pattern" && printf '%s\n' "$_pid"
    else
      _comm=
      read -r _comm 2>/dev/null <"$_d/comm"
      [ "$_comm" = "$ps_name" ] && printf '%s\n' "$_pid"
    fi
  done
}

if have pgrep; then
  set -- pgrep
  [ -n "$ps_user" ] && set -- "$@" -u "$ps_user"
  if [ -n "$ps_pattern" ]; then set -- "$@" -f -- "$ps_pattern"; else set -- "$@" -x -- "$ps_name"; fi
  ps_pids=$("$@" 2>/dev/null </dev/null)
  [ $? -le 1 ] || finish_unknown "pgrep failed: $(last_line "$("$@" 2>&1 </dev/null)")"
elif [ -d /proc/1 ]; then
  set +f
  ps_pids=$(ps_scan_proc)
else
  finish_unknown "no pgrep and no /proc: cannot list processes"
fi

ps_self=$(ps_ancestors)
ps_pids=$(printf '%s\n' "$ps_pids" | awk -v self="$(printf '%s' "$ps_self" | tr '\n' ' ')" '
  BEGIN { n = split(self, s, " "); for (i = 1; i <= n; i++) skip[s[i]] = 1 }
  NF && !($1 in skip) { print $1 }')
ps_count=$(printf '%s' "$ps_pids" | grep -c '')
ps_list=$(printf '%s\n' "$ps_pids" | awk 'NR <= 10 { printf "%s%s", sep, $1; sep = " " } NR == 11 { printf " ..." }')
res_metric count "$ps_count"
[ "$ps_count" -eq 1 ] && ps_noun=process || ps_noun=processes
ps_found="found $ps_count $ps_noun $ps_what${ps_list:+ (pids $ps_list)}"
if [ "$ps_count" -lt "$ps_min" ]; then
  res_error "$ps_found, expected at least $ps_min"
elif [ -n "$ps_max" ] && [ "$ps_count" -gt "$ps_max" ]; then
  res_error "$ps_found, expected at most $ps_max"
else
  res_info "$ps_found"
fi
emit
