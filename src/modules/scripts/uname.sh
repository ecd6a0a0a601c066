# smoker built-in module uname: reports `uname -a`, as Smoker's uname plugin did, and optionally
# asserts the kernel release, operating system and machine against regular expressions.
# Parameters (src/modules/catalog.ts): kernel, os, machine.

have uname || finish_unknown "uname not found"
res_info "$(uname -a 2>&1)"

# uname_expect REGEX PARAM WHAT FLAG: checks `uname FLAG` against REGEX (parameter PARAM).
uname_expect() {
  [ -n "$1" ] || return 0
  if ! regex_valid "$1"; then
    res_unknown "parameter $2: invalid regular expression \"$1\""
    return 0
  fi
  _val=$(uname "$4" 2>&1)
  if matches "$_val" "$1"; then
    res_info "$3 \"$_val\" matches /$1/"
  else
    res_error "$3 \"$_val\" does not match /$1/"
  fi
}

uname_expect "$(param KERNEL)" kernel "kernel release" -r
uname_expect "$(param OS)" os "operating system" -s
uname_expect "$(param MACHINE)" machine "machine" -m
emit
