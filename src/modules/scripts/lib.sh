# smoker module library: parameters, JSON output in Smoker's contract, and small helpers.
# POSIX sh (runs under dash and busybox ash). Prepended to every built-in module by
# buildModuleScript(); a module calls the res_*/comp_* functions, then `emit`.
#
# Output discipline: the real stdout is kept on fd 9 and fd 1 is pointed at stderr, so a
# stray line from any tool can never corrupt the one JSON object this script prints.
exec 9>&1 1>&2

_sm_status=OK      # top-level status, raised with res_status
_sm_info=          # top-level messages: comma-joined JSON strings
_sm_warn=
_sm_error=
_sm_comps=         # componentResults body: comma-joined "name":{...} members
_sm_metrics=       # metrics body: comma-joined members, each "name" mapped to a value object
_sm_emitted=
_sm_tmpdir=

# Prints $1 as a JSON string literal: quotes, backslashes and control characters escaped.
json_str() {
  SMOKER_JSON_S=$1 LC_ALL=C awk 'BEGIN {
    s = ENVIRON["SMOKER_JSON_S"]
    if (s !~ /["\\]/ && s !~ /[^ -~]/) { printf "\"%s\"", s; exit }
    for (i = 1; i < 32; i++) esc[sprintf("%c", i)] = sprintf("\\u%04x", i)
    esc["\n"] = "\\n"; esc["\t"] = "\\t"; esc["\r"] = "\\r"
    esc["\b"] = "\\b"; esc["\f"] = "\\f"; esc["\""] = "\\\""; esc["\\"] = "\\\\"
    esc[sprintf("%c", 127)] = "\\u007f"
    out = ""; n = length(s)
    for (i = 1; i <= n; i++) { c = substr(s, i, 1); out = out ((c in esc) ? esc[c] : c) }
    printf "\"%s\"", out
  }'
}

# Appends the JSON fragment $2 to the comma-joined list held in the variable named $1.
_sm_append() {
  eval "_sm_cur=\${$1}"
  if [ -n "$_sm_cur" ]; then _sm_cur="$_sm_cur,$2"; else _sm_cur=$2; fi
  eval "$1=\$_sm_cur"
}

# Raises the status held in the variable named $1 to $2 if $2 is worse (ERROR > UNKNOWN > WARN > OK).
_sm_raise() {
  eval "_sm_old=\${$1}"
  case "$_sm_old:$2" in
    ERROR:* | *:OK | UNKNOWN:WARN) ;;
    *) eval "$1=\$2" ;;
  esac
}

# Adds a top-level message: res_msg info|warn|error TEXT (the status is left alone).
res_msg() { _sm_append "_sm_$1" "$(json_str "$2")"; }
# Raises the top-level status.
res_status() { _sm_raise _sm_status "$1"; }
# Adds a top-level info message.
res_info() { res_msg info "$1"; }
# Adds a top-level warning and raises the status to WARN.
res_warn() { res_msg warn "$1"; res_status WARN; }
# Adds a top-level error and raises the status to ERROR.
res_error() { res_msg error "$1"; res_status ERROR; }
# Adds a top-level error message and raises the status to UNKNOWN (the check could not decide).
res_unknown() { res_msg error "$1"; res_status UNKNOWN; }

# Starts a component named $1; messages go to it until comp_end.
comp_begin() { _sm_cname=$1; _sm_cstatus=OK; _sm_cinfo=; _sm_cwarn=; _sm_cerror=; }
# Adds a message to the current component: comp_msg info|warn|error TEXT.
comp_msg() { _sm_append "_sm_c$1" "$(json_str "$2")"; }
# Raises the current component's status.
comp_status() { _sm_raise _sm_cstatus "$1"; }
# Adds an info message to the current component.
comp_info() { comp_msg info "$1"; }
# Adds a warning to the current component and raises it to WARN.
comp_warn() { comp_msg warn "$1"; comp_status WARN; }
# Adds an error to the current component and raises it to ERROR.
comp_error() { comp_msg error "$1"; comp_status ERROR; }
# Adds an error message to the current component and raises it to UNKNOWN.
comp_unknown() { comp_msg error "$1"; comp_status UNKNOWN; }
# Closes the current component; the top-level status becomes at least the component's.
comp_end() {
  _sm_append _sm_comps "$(json_str "$_sm_cname"):{\"status\":\"$_sm_cstatus\",\"messages\":{\"info\":[$_sm_cinfo],\"warn\":[$_sm_cwarn],\"error\":[$_sm_cerror]}}"
  res_status "$_sm_cstatus"
}

# Records a metric: res_metric NAME VALUE [UOM]; a VALUE that is not a number is ignored.
res_metric() {
  is_number "$2" || return 0
  _sm_m="$(json_str "$1"):{\"value\":$(awk -v v="$2" 'BEGIN { printf "%.15g", v + 0 }')"
  [ -n "${3-}" ] && _sm_m="$_sm_m,\"uom\":$(json_str "$3")"
  _sm_append _sm_metrics "$_sm_m}"
}

# Prints the result as one JSON object on the real stdout (once).
emit() {
  [ -n "$_sm_emitted" ] && return 0
  _sm_emitted=1
  _sm_mjson=
  [ -n "$_sm_metrics" ] && _sm_mjson=",\"metrics\":{$_sm_metrics}"
  printf '{"status":"%s","messages":{"info":[%s],"warn":[%s],"error":[%s]},"componentResults":{%s}%s}\n' \
    "$_sm_status" "$_sm_info" "$_sm_warn" "$_sm_error" "$_sm_comps" "$_sm_mjson" >&9
}

# Reports UNKNOWN with message $1, prints the result and ends the module.
finish_unknown() { res_unknown "$1"; emit; exit 0; }

# Runs at exit: removes temporary files; if the module died before emit, still prints valid JSON.
_sm_on_exit() {
  [ -n "$_sm_tmpdir" ] && rm -rf "$_sm_tmpdir"
  if [ -z "$_sm_emitted" ]; then res_unknown "module ended without a result"; emit; fi
}
trap '_sm_on_exit' EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# --- parameters -------------------------------------------------------------------------
# A parameter NAME arrives as SMOKER_PARAM_<NAME> (upper-cased); modules pass NAME upper-cased.

# Prints parameter $1, or the default $2 when it is unset or empty.
param() {
  eval "_sm_pv=\${SMOKER_PARAM_$1-}"
  if [ -n "$_sm_pv" ]; then printf '%s' "$_sm_pv"; else printf '%s' "${2-}"; fi
}

# Succeeds when parameter $1 (default $2) is true: true, yes, on or 1, any case.
param_bool() {
  case "$(param "$1" "${2-false}")" in
    [Tt][Rr][Uu][Ee] | [Yy][Ee][Ss] | [Oo][Nn] | 1) return 0 ;;
    *) return 1 ;;
  esac
}

# Prints parameter $1 (default $2) as one item per line: items are separated by commas or
# whitespace; a JSON array of strings is accepted too; duplicates are dropped.
param_list() {
  param "$1" "${2-}" | awk '{ gsub(/[][",]/, " "); for (i = 1; i <= NF; i++) if (!seen[$i]++) print $i }'
}

# Prints parameter $1 (default $2) as one path per line: paths are separated by commas,
# newlines, or blanks before a "/" (a list joined by spaces), so "/my disk" stays one path;
# items are trimmed; a JSON array of strings is accepted too.
param_paths() {
  param "$1" "${2-}" | awk '
    /^[ \t]*\[.*\][ \t]*$/ { sub(/^[ \t]*\[/, ""); sub(/\][ \t]*$/, ""); gsub(/"[ \t]*,[ \t]*"/, ","); gsub(/"/, "") }
    { gsub(/[ \t]+\//, ",/"); n = split($0, f, ",")
      for (i = 1; i <= n; i++) { p = f[i]; sub(/^[ \t]+/, "", p); sub(/[ \t]+$/, "", p); if (p != "" && !seen[p]++) print p } }'
}

# --- values -----------------------------------------------------------------------------

# Succeeds when $1 is a non-negative integer.
is_uint() {
  case "$1" in '' | *[!0-9]*) return 1 ;; *) return 0 ;; esac
}

# Succeeds when $1 is a decimal number (optional sign and fraction).
is_number() {
  case "$1" in '' | '.' | '-' | '-.' | *[!0-9.-]* | ?*-* | *.*.*) return 1 ;; *) return 0 ;; esac
}

# Succeeds when number $1 >= number $2.
num_ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }

# Prints a duration ($1: 500ms, 30s, 5m, 2h, 1d or bare seconds) in whole seconds, at least 1
# when it is not zero; prints nothing and fails when $1 is not a duration.
duration_secs() {
  printf '%s\n' "$1" | awk '
    { $0 = tolower($0) }
    /^[0-9]+(\.[0-9]+)?(ms|s|m|h|d)?$/ {
      n = $0; u = $0; sub(/[a-z]+$/, "", n); sub(/^[0-9.]+/, "", u)
      f = (u == "ms") ? 0.001 : (u == "m") ? 60 : (u == "h") ? 3600 : (u == "d") ? 86400 : 1
      s = n * f; r = int(s); if (r < s) r++
      printf "%.0f\n", r; ok = 1
    }
    END { exit !ok }'
}

# Prints a size ($1: bytes, or with a k/M/G/T suffix, binary multiples) in bytes; fails if invalid.
size_bytes() {
  printf '%s\n' "$1" | awk '
    /^[0-9]+(\.[0-9]+)?([kKmMgGtT]i?[bB]?|[bB])?$/ {
      n = $0; u = $0; sub(/[a-zA-Z]+$/, "", n); sub(/^[0-9.]+/, "", u); u = toupper(substr(u, 1, 1))
      f = (u == "K") ? 1024 : (u == "M") ? 1048576 : (u == "G") ? 1073741824 : (u == "T") ? 1099511627776 : 1
      printf "%.0f\n", n * f; ok = 1
    }
    END { exit !ok }'
}

# Prints a byte count $1 for people: 512 B, 1.5 KiB, 12.3 GiB.
human_bytes() {
  awk -v n="$1" 'BEGIN {
    split("B KiB MiB GiB TiB PiB", u, " "); i = 1
    while (n >= 1024 && i < 6) { n /= 1024; i++ }
    if (i == 1) printf "%d %s\n", n, u[i]; else printf "%.1f %s\n", n, u[i]
  }'
}

# Prints a number of seconds $1 for people: 3d 4h 5m, 2h 0m, 42s.
human_secs() {
  awk -v s="$1" 'BEGIN {
    s = int(s); d = int(s / 86400); h = int((s % 86400) / 3600); m = int((s % 3600) / 60)
    if (d > 0) printf "%dd %dh %dm\n", d, h, m
    else if (h > 0) printf "%dh %dm\n", h, m
    else if (m > 0) printf "%dm %ds\n", m, s % 60
    else printf "%ds\n", s
  }'
}

# Prints the current time in seconds since the epoch.
now_secs() {
  _sm_now=$(date +%s 2>/dev/null)
  case "$_sm_now" in
    '' | *[!0-9]*) awk 'BEGIN { srand(); printf "%.0f\n", srand() }' ;; # POSIX: srand() seeds from the clock
    *) printf '%s\n' "$_sm_now" ;;
  esac
}

# --- regular expressions ----------------------------------------------------------------

# Succeeds when $1 is a valid extended regular expression.
regex_valid() {
  printf '' | grep -E -e "$1" >/dev/null 2>&1
  [ $? -ne 2 ]
}

# Succeeds when text $1 matches extended regular expression $2 (anywhere, as grep -E).
matches() { printf '%s\n' "$1" | grep -E -q -e "$2" 2>/dev/null; }

# --- tools ------------------------------------------------------------------------------

# Succeeds when command $1 exists.
have() { command -v "$1" >/dev/null 2>&1; }

# Runs "$@" after a timeout of $1 seconds when a timeout tool exists (GNU or busybox);
# exit 124 means it timed out. Without a tool the command runs unbounded.
run_timeout() {
  _sm_t=$1
  shift
  if [ -z "${_sm_tmo_kind-}" ]; then
    if timeout 1 true >/dev/null 2>&1; then
      _sm_tmo_kind=plain
    elif timeout -t 1 true >/dev/null 2>&1; then
      _sm_tmo_kind=dash-t # busybox before 1.30
    else
      _sm_tmo_kind=none
    fi
  fi
  case $_sm_tmo_kind in
    plain) timeout "$_sm_t" "$@" ;;
    dash-t) timeout -t "$_sm_t" "$@"; _sm_rc=$?; [ $_sm_rc -eq 143 ] && _sm_rc=124; return $_sm_rc ;;
    *) "$@" ;;
  esac
}

# Creates a new private temporary file and stores its path in the variable named $1
# (removed when the module exits). Not for use inside $(...): the directory must be known here.
tmp_file() {
  if [ -z "$_sm_tmpdir" ]; then
    _sm_tmpdir=$(mktemp -d 2>/dev/null)
    if [ -z "$_sm_tmpdir" ]; then
      _sm_tmpdir="${TMPDIR:-/tmp}/smoker.$$"
      (umask 077 && mkdir "$_sm_tmpdir") 2>/dev/null || { _sm_tmpdir=; return 1; }
    fi
  fi
  _sm_tmpn=$(( ${_sm_tmpn:-0} + 1 ))
  : >"$_sm_tmpdir/$_sm_tmpn" || return 1
  eval "$1=\$_sm_tmpdir/\$_sm_tmpn"
}

# Prints the last non-empty line of $1 (a tool's error output, for a message).
last_line() { printf '%s\n' "$1" | awk 'NF { l = $0 } END { print l }'; }
