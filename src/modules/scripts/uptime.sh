# smoker built-in module uptime: reports uptime and load averages (from /proc, else the uptime
# command), with optional load thresholds, per CPU if asked, and a minimum uptime.
# Parameters (src/modules/catalog.ts): warn, error, perCpu, period, minUptime.

up_warn=$(param WARN)
up_error=$(param ERROR)
up_period=$(param PERIOD 1)
up_min=$(param MINUPTIME)
for up_v in "$up_warn" "$up_error"; do
  [ -z "$up_v" ] || is_number "$up_v" || finish_unknown "parameters warn/error: expected a load such as 4 or 1.5, got \"$up_v\""
done
case "$up_period" in 1 | 5 | 15) ;; *) finish_unknown "parameter period: expected 1, 5 or 15 (minutes), got \"$up_period\"" ;; esac
if [ -n "$up_min" ]; then
  up_min=$(duration_secs "$up_min") || finish_unknown "parameter minUptime: expected a duration such as 10m, got \"$(param MINUPTIME)\""
fi

# Uptime in whole seconds.
up_secs=
if [ -r /proc/uptime ]; then
  up_secs=$(awk '{ printf "%d", $1 }' /proc/uptime)
fi

# Load averages: "1 5 15".
up_load=
if [ -r /proc/loadavg ]; then
  up_load=$(awk '{ print $1, $2, $3 }' /proc/loadavg)
elif have uptime; then
  # "... load average: 0.08, 0.03, 0.01" (Linux) or "load averages: 1.2 1.1 1.0" (BSD)
  up_load=$(uptime 2>/dev/null | sed -n 's/.*load averages*: *//p' | tr -d ',' | awk '{ print $1, $2, $3 }')
fi
[ -n "$up_load" ] || finish_unknown "load averages unavailable: no /proc/loadavg and no uptime command"

# Number of online CPUs.
up_cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null)
is_uint "$up_cpus" || up_cpus=$(nproc 2>/dev/null)
is_uint "$up_cpus" || up_cpus=$(grep -c '^processor' /proc/cpuinfo 2>/dev/null)
is_uint "$up_cpus" && [ "$up_cpus" -gt 0 ] || up_cpus=

set -- $up_load
up_l1=$1 up_l5=$2 up_l15=$3

if [ -n "$up_secs" ]; then
  res_info "up $(human_secs "$up_secs") ($up_secs s)"
  res_metric uptime "$up_secs" s
fi
res_info "load average: $up_l1, $up_l5, $up_l15${up_cpus:+ ($up_cpus CPUs)}"
res_metric load1 "$up_l1"
res_metric load5 "$up_l5"
res_metric load15 "$up_l15"
[ -n "$up_cpus" ] && res_metric cpus "$up_cpus"

if [ -n "$up_warn$up_error" ]; then
  case $up_period in 1) up_value=$up_l1 ;; 5) up_value=$up_l5 ;; *) up_value=$up_l15 ;; esac
  up_what="$up_period-minute load $up_value"
  if param_bool PERCPU; then
    [ -n "$up_cpus" ] || finish_unknown "perCpu: the number of CPUs is unknown"
    up_value=$(awk -v l="$up_value" -v n="$up_cpus" 'BEGIN { printf "%.2f", l / n }')
    up_what="$up_what ($up_value per CPU)"
  fi
  if [ -n "$up_error" ] && num_ge "$up_value" "$up_error"; then
    res_error "$up_what is at or above $up_error"
  elif [ -n "$up_warn" ] && num_ge "$up_value" "$up_warn"; then
    res_warn "$up_what is at or above $up_warn"
  fi
fi

if [ -n "$up_min" ] && [ -n "$up_secs" ] && [ "$up_secs" -lt "$up_min" ]; then
  res_warn "rebooted $(human_secs "$up_secs") ago, less than minUptime $(human_secs "$up_min")"
fi
emit
