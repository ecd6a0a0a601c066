# smoker built-in module systemd: one component per unit with its state from systemctl:
# active is OK, activating/reloading/deactivating WARN, anything else ERROR (or the reverse
# when state is inactive). UNKNOWN when systemctl is missing or systemd is not running.
# Parameters (src/modules/catalog.ts): units, state.

set -f # unit names are literal here
sd_units=$(param_list UNITS)
sd_state=$(param STATE active)
[ -n "$sd_units" ] || finish_unknown "parameter units is required (unit names separated by spaces or commas)"
case $sd_state in
  active | inactive) ;;
  *) finish_unknown "parameter state: expected active or inactive, got \"$sd_state\"" ;;
esac
have systemctl || finish_unknown "systemctl not found: systemd is not this host's init system"
# systemctl itself says why it cannot work ("System has not been booted with systemd ...").
sd_probe=$(systemctl show -p Version 2>&1 </dev/null) ||
  finish_unknown "systemd is not running: $(printf '%s\n' "$sd_probe" | awk 'NF { print; exit }')"

for sd_unit in $sd_units; do
  comp_begin "$sd_unit"
  sd_show=$(systemctl show -p LoadState -p ActiveState -p SubState -p ActiveEnterTimestamp -- "$sd_unit" 2>&1 </dev/null)
  sd_rc=$?
  sd_load=$(printf '%s\n' "$sd_show" | sed -n 's/^LoadState=//p')
  sd_active=$(printf '%s\n' "$sd_show" | sed -n 's/^ActiveState=//p')
  sd_sub=$(printf '%s\n' "$sd_show" | sed -n 's/^SubState=//p')
  sd_since=$(printf '%s\n' "$sd_show" | sed -n 's/^ActiveEnterTimestamp=//p')
  if [ $sd_rc -ne 0 ] || [ -z "$sd_active" ]; then
    comp_unknown "systemctl show failed: $(last_line "$sd_show")"
  elif [ "$sd_load" = not-found ]; then
    if [ "$sd_state" = inactive ]; then comp_info "unit not found"; else comp_error "unit not found"; fi
  else
    sd_desc="$sd_active ($sd_sub)"
    [ "$sd_active" = active ] && [ -n "$sd_since" ] && sd_desc="$sd_desc since $sd_since"
    case "$sd_state:$sd_active" in
      active:active | inactive:inactive | inactive:failed) comp_info "$sd_desc" ;;
      *:activating | *:deactivating | *:reloading) comp_warn "$sd_desc, expected $sd_state" ;;
      *) comp_error "$sd_desc, expected $sd_state" ;;
    esac
  fi
  comp_end
done
emit
