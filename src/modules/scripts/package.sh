# smoker built-in module package: packages are installed, optionally at a version prefix; one
# component per package. Asks dpkg-query, rpm, apk or pacman, whichever manages this host.
# Parameters (src/modules/catalog.ts): name, version, manager.

set -f # package names are literal here
pk_names=$(param_list NAME)
pk_version=$(param VERSION)
pk_manager=$(param MANAGER auto)
[ -n "$pk_names" ] || finish_unknown "parameter name is required (a package name, or a list)"

# Succeeds when manager $1 is installed and has a database here.
pk_available() {
  case $1 in
    dpkg) have dpkg-query && [ -d /var/lib/dpkg ] ;;
    rpm) have rpm && { [ -d /var/lib/rpm ] || [ -d /usr/lib/sysimage/rpm ]; } ;;
    apk) have apk && [ -d /lib/apk/db ] ;;
    pacman) have pacman && [ -d /var/lib/pacman ] ;;
    *) return 1 ;;
  esac
}

# Sets pk_installed (its version, empty when absent) and pk_why for package $1.
pk_query() {
  pk_installed=
  pk_why=
  case $pk_manager in
    dpkg)
      _out=$(dpkg-query -W -f='${Status}\t${Version}\n' -- "$1" 2>&1 </dev/null)
      pk_installed=$(printf '%s\n' "$_out" | awk -F '\t' '$1 ~ / ok installed$/ { print $2; exit }')
      [ -n "$pk_installed" ] || pk_why=$(printf '%s\n' "$_out" | awk -F '\t' 'NF > 1 { print "state: " $1; exit }')
      ;;
    rpm)
      _out=$(rpm -q --qf '%{VERSION}-%{RELEASE}\n' -- "$1" 2>&1 </dev/null) && pk_installed=$(printf '%s\n' "$_out" | head -n 1)
      ;;
    apk)
      apk info -e -- "$1" >/dev/null 2>&1 </dev/null &&
        pk_installed=$(apk info -v 2>/dev/null </dev/null | awk -v p="$1-" 'index($0, p) == 1 && substr($0, length(p) + 1) ~ /^[0-9]/ { print substr($0, length(p) + 1); exit }')
      ;;
    pacman)
      _out=$(pacman -Q -- "$1" 2>/dev/null </dev/null) && pk_installed=${_out#* }
      ;;
  esac
}

case $pk_manager in
  auto)
    for pk_m in dpkg rpm apk pacman; do
      if pk_available "$pk_m"; then pk_manager=$pk_m; break; fi
    done
    [ "$pk_manager" != auto ] || finish_unknown "no package manager found: need dpkg-query, rpm, apk or pacman"
    ;;
  dpkg | rpm | apk | pacman) pk_available "$pk_manager" || finish_unknown "package manager $pk_manager not found" ;;
  *) finish_unknown "parameter manager: expected auto, dpkg, rpm, apk or pacman, got \"$pk_manager\"" ;;
esac

for pk_name in $pk_names; do
  comp_begin "$pk_name"
  pk_query "$pk_name"
  if [ -z "$pk_installed" ]; then
    comp_error "not installed${pk_why:+ ($pk_why)} ($pk_manager)"
  elif [ -n "$pk_version" ]; then
    case "$pk_installed" in
      "$pk_version"*) comp_info "version $pk_installed installed ($pk_manager)" ;;
      *) comp_error "version $pk_installed installed, expected $pk_version* ($pk_manager)" ;;
    esac
  else
    comp_info "version $pk_installed installed ($pk_manager)"
  fi
  comp_end
done
emit
