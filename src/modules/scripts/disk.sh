# smoker built-in module disk: space and inode usage of filesystems (df -P), one component
# per path, with percent thresholds.
# Parameters (src/modules/catalog.ts): paths (comma-separated), warn, error, inodeWarn, inodeError.

dk_warn=$(param WARN 80)
dk_error=$(param ERROR 90)
dk_iwarn=$(param INODEWARN "$dk_warn")
dk_ierror=$(param INODEERROR "$dk_error")
for dk_v in "$dk_warn" "$dk_error" "$dk_iwarn" "$dk_ierror"; do
  is_number "$dk_v" || finish_unknown "thresholds warn/error/inodeWarn/inodeError: expected a percentage such as 80, got \"$dk_v\""
done
have df || finish_unknown "df not found"

# Prints "size used avail percent mountpoint" from df -P output on stdin (sizes as df gives them).
# The percent column is found by its % sign, so a device name with spaces does not shift it.
disk_parse() {
  awk 'NR == 2 {
    for (i = 5; i <= NF; i++) if ($i ~ /^([0-9]+%|-)$/) break
    if (i > NF) exit 1
    mp = $(i + 1); for (j = i + 2; j <= NF; j++) mp = mp " " $j
    p = $i; sub(/%$/, "", p)
    print $(i - 3), $(i - 2), $(i - 1), p, mp; found = 1
  } END { exit !found }'
}

# Adds the status for a usage $1 (percent) of what $2 ("space"/"inodes") to the component.
disk_judge() {
  if num_ge "$1" "$4"; then
    comp_error "$2 used $1% is at or above $4%"
  elif num_ge "$1" "$3"; then
    comp_warn "$2 used $1% is at or above $3%"
  fi
}

dk_paths=$(param_paths PATHS /)
dk_n=0
while IFS= read -r dk_path <&3; do
  [ -n "$dk_path" ] || continue
  dk_n=$((dk_n + 1))
  comp_begin "$dk_path"
  dk_out=$(df -P -k -- "$dk_path" 2>&1 </dev/null)
  dk_rc=$?
  if ! dk_row=$(printf '%s\n' "$dk_out" | disk_parse); then
    comp_error "df failed: $(last_line "$dk_out" | sed 's/^df: //')"
    comp_end
    continue
  fi
  [ $dk_rc -ne 0 ] && comp_warn "df: $(last_line "$dk_out")"
  # "size used avail percent mount point" (the mount point may hold spaces)
  dk_size=${dk_row%% *}
  dk_row=${dk_row#* }
  dk_used=${dk_row%% *}
  dk_row=${dk_row#* }
  dk_avail=${dk_row%% *}
  dk_row=${dk_row#* }
  dk_pct=${dk_row%% *}
  dk_mp=${dk_row#* }
  dk_dev=$(printf '%s\n' "$dk_out" | awk 'NR == 2 { print $1 }')
  comp_info "space used $dk_pct% ($(human_bytes $((dk_used * 1024))) of $(human_bytes $((dk_size * 1024))), $(human_bytes $((dk_avail * 1024))) free) on $dk_dev mounted at $dk_mp"
  res_metric "$dk_path used" "$dk_pct" %
  res_metric "$dk_path free" "$((dk_avail * 1024))" B
  disk_judge "$dk_pct" space "$dk_warn" "$dk_error"

  if dk_irow=$(df -P -i -- "$dk_path" 2>/dev/null </dev/null | disk_parse); then
    set -f
    set -- $dk_irow
    set +f
    if [ "$4" = - ] || [ "$1" = 0 ]; then
      comp_info "inodes: not reported by this filesystem"
    else
      comp_info "inodes used $4% ($2 of $1, $3 free)"
      res_metric "$dk_path inodes used" "$4" %
      disk_judge "$4" inodes "$dk_iwarn" "$dk_ierror"
    fi
  else
    comp_info "inodes: df -i not supported here"
  fi
  comp_end
done 3<<EOF
$dk_paths
EOF
[ "$dk_n" -gt 0 ] || finish_unknown "parameter paths: no path given"
emit
