# smoker built-in module uname: reports `uname -a`, as Smoker's uname plugin did, and optionally
# asserts the kernel release, operating system and machine against regular expressions.
# Parameters (src/modules/catalog.ts): kernel, os, machine.

have uname || finish_unknown "uname not found"
res_info "$(uname -a 2>&1)"

# Checks uname field $2 (flag $3) against the regular expression in parameter $1.
uname_expect() {
  _re=$(param "$1")
  [ -n "$_re" ] || return 0
  _label=$(printf '%s' "$1" | tr 'A-Z' 'a-z')
  if ! regex_valid "$_re"; then
    res_unknown "parameter $_label: invalid regular expression \"$_re\""
    return 0
  fi
  _val=$(uname "$3" 2>&1)
  if matches "$_val" "$_re"; then
    res_info "$2 \"$_val\" matches /$_re/"
  else
    res_error "$2 \"$_val\" does not match /$_re/"
  fi
}

uname_expect KERNEL "kernel release" -r
uname_expect OS "operating system" -s
uname_expect MACHINE "machine" -m
emit
