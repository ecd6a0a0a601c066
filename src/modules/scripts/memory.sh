# smoker built-in module memory: memory in use (from MemAvailable in /proc/meminfo) and swap in
# use, with percent thresholds.
# Parameters (src/modules/catalog.ts): warn, error, swapWarn, swapError.

mem_warn=$(param WARN 90)
mem_error=$(param ERROR 95)
mem_swarn=$(param SWAPWARN)
mem_serror=$(param SWAPERROR)
for mem_v in "$mem_warn" "$mem_error" "$mem_swarn" "$mem_serror"; do
  [ -z "$mem_v" ] || is_number "$mem_v" || finish_unknown "thresholds warn/error/swapWarn/swapError: expected a percentage such as 90, got \"$mem_v\""
done
[ -r /proc/meminfo ] || finish_unknown "/proc/meminfo is not readable"

# "total available swaptotal swapfree" in KiB. Kernels before 3.14 have no MemAvailable:
# then free + buffers + cache is the usual estimate.
mem_row=$(awk '
  { v[$1] = $2 }
  END {
    avail = ("MemAvailable:" in v) ? v["MemAvailable:"] : v["MemFree:"] + v["Buffers:"] + v["Cached:"]
    printf "%d %d %d %d %d\n", v["MemTotal:"], avail, v["SwapTotal:"], v["SwapFree:"], ("MemAvailable:" in v)
  }' /proc/meminfo)
set -- $mem_row
mem_total=$1 mem_avail=$2 mem_stotal=$3 mem_sfree=$4 mem_exact=$5
[ "${mem_total:-0}" -gt 0 ] || finish_unknown "/proc/meminfo has no MemTotal"

# Prints the percentage $1 of $2, one decimal.
mem_pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", (b > 0) ? a * 100 / b : 0 }'; }

mem_used=$((mem_total - mem_avail))
mem_upct=$(mem_pct "$mem_used" "$mem_total")
mem_note=
[ "$mem_exact" = 1 ] || mem_note=" (estimated: no MemAvailable)"
res_info "memory used $mem_upct% ($(human_bytes $((mem_used * 1024))) of $(human_bytes $((mem_total * 1024))), $(human_bytes $((mem_avail * 1024))) available)$mem_note"
res_metric "memory used" "$mem_upct" %
res_metric "memory available" "$((mem_avail * 1024))" B
if num_ge "$mem_upct" "$mem_error"; then
  res_error "memory used $mem_upct% is at or above $mem_error%"
elif num_ge "$mem_upct" "$mem_warn"; then
  res_warn "memory used $mem_upct% is at or above $mem_warn%"
fi

if [ "${mem_stotal:-0}" -gt 0 ]; then
  mem_sused=$((mem_stotal - mem_sfree))
  mem_spct=$(mem_pct "$mem_sused" "$mem_stotal")
  res_info "swap used $mem_spct% ($(human_bytes $((mem_sused * 1024))) of $(human_bytes $((mem_stotal * 1024))))"
  res_metric "swap used" "$mem_spct" %
  if [ -n "$mem_serror" ] && num_ge "$mem_spct" "$mem_serror"; then
    res_error "swap used $mem_spct% is at or above $mem_serror%"
  elif [ -n "$mem_swarn" ] && num_ge "$mem_spct" "$mem_swarn"; then
    res_warn "swap used $mem_spct% is at or above $mem_swarn%"
  fi
else
  res_info "no swap"
fi
emit
