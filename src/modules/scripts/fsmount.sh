# smoker built-in module fsmount: checks every mounted filesystem of the chosen types, as
# Smoker's fsmount plugin did. One component per mount point, with messages prefixed by the
# sub-check: "Access" (list the directory) and "Read/Write" (write, read back and delete a file).
# Parameters (src/modules/catalog.ts): ignore, types, mounts, expectRw, ioTimeout.

# Real, disk- or network-backed filesystems (Smoker's list plus a few newer ones).
FSMOUNT_TYPES='ext2 ext3 ext4 xfs btrfs reiserfs zfs f2fs jfs nfs nfs4 cifs smb3 ceph fuse.glusterfs'
# Never checked when types is "all": kernel and virtual filesystems.
FSMOUNT_PSEUDO='proc sysfs devtmpfs devpts tmpfs ramfs cgroup cgroup2 securityfs pstore bpf debugfs
tracefs mqueue hugetlbfs configfs fusectl autofs binfmt_misc rpc_pipefs nsfs overlay squashfs
efivarfs selinuxfs nfsd sunrpc iso9660 fuse.lxcfs fuse.gvfsd-fuse fuse.portal fuse.snapfuse'

# Prints $1 with the octal escapes of /proc/mounts (\040 for a space, ...) decoded.
fsmount_decode() {
  case "$1" in *\\*) ;; *) printf '%s\n' "$1"; return ;; esac
  printf '%s\n' "$1" | awk '{
    out = ""; rest = $0
    while (match(rest, /\\[0-7][0-7][0-7]/)) {
      c = substr(rest, RSTART + 1, 3)
      out = out substr(rest, 1, RSTART - 1) sprintf("%c", substr(c, 1, 1) * 64 + substr(c, 2, 1) * 8 + substr(c, 3, 1))
      rest = substr(rest, RSTART + 4)
    }
    print out rest
  }'
}

# Succeeds when filesystem type $1 is selected by the types parameter.
fsmount_type_selected() {
  if [ "$fs_all" = 1 ]; then
    for _t in $FSMOUNT_PSEUDO; do [ "$1" = "$_t" ] && return 1; done
    return 0
  fi
  for _t in $fs_types; do
    # shellcheck disable=SC2254 # a type may be a glob such as fuse.*
    case "$1" in $_t) return 0 ;; esac
  done
  return 1
}

# Succeeds when mount point $1 is in the mounts parameter (or that parameter is empty).
fsmount_listed() {
  [ -z "$fs_mounts" ] && return 0
  printf '%s\n' "$fs_mounts" | grep -F -x -q -e "$1"
}

# Adds "Access" messages to the current component; fails when the mount point did not answer.
fsmount_access() {
  _out=$(run_timeout "$fs_timeout" ls -A -- "$1" 2>&1 </dev/null)
  _rc=$?
  if [ $_rc -eq 124 ]; then
    comp_error "Access: listing timed out after ${fs_timeout}s"
    return 1
  elif [ $_rc -ne 0 ]; then
    comp_error "Access: $(last_line "$_out")"
    return 1
  fi
  _n=$(printf '%s' "$_out" | grep -c '')
  comp_info "Access: listed $_n items in directory"
}

# Prints why a command failed: the text after the last ": " of its error output.
fsmount_reason() {
  _r=$(last_line "$1")
  _r=${_r##*: }
  printf '%s\n' "${_r:-$2}"
}

# Adds "Read/Write" messages to the current component: write a file, read it back, delete it.
fsmount_readwrite() {
  _token="$$$(awk 'BEGIN { srand(); printf "%d", rand() * 100000000 }')"
  _file="${1%/}/.smoker-$_token.tmp"
  _err=$(run_timeout "$fs_timeout" sh -c 'printf "%s\n" "$1" >"$2"' sh "$_token" "$_file" 2>&1 </dev/null)
  _rc=$?
  if [ $_rc -ne 0 ]; then
    [ $_rc -eq 124 ] && _err="timed out after ${fs_timeout}s"
    comp_error "Read/Write: file write failed: $(fsmount_reason "$_err" "exit code $_rc")"
    return
  fi
  comp_info "Read/Write: written string $_token"
  _got=$(run_timeout "$fs_timeout" cat -- "$_file" 2>&1 </dev/null)
  _rc=$?
  if [ $_rc -ne 0 ]; then
    [ $_rc -eq 124 ] && _got="timed out after ${fs_timeout}s"
    comp_error "Read/Write: file read failed: $(fsmount_reason "$_got" "exit code $_rc")"
  elif [ "$_got" != "$_token" ]; then
    comp_error "Read/Write: file read failed: read \"$_got\", expected \"$_token\""
  else
    comp_info "Read/Write: read string $_got"
  fi
  _err=$(run_timeout "$fs_timeout" rm -f -- "$_file" 2>&1 </dev/null)
  _rc=$?
  if [ $_rc -ne 0 ]; then
    [ $_rc -eq 124 ] && _err="timed out after ${fs_timeout}s"
    comp_error "Read/Write: file deletion failed: $(fsmount_reason "$_err" "exit code $_rc")"
  else
    comp_info "Read/Write: deleted file $_file"
  fi
}

set -f # types may hold globs (fuse.*) that must not expand against files
fs_ignore=$(param IGNORE)
fs_types=$(param_list TYPES "$FSMOUNT_TYPES")
fs_mounts=$(param_paths MOUNTS)
fs_timeout=$(duration_secs "$(param IOTIMEOUT 10s)") || finish_unknown "parameter ioTimeout: expected a duration such as 10s, got \"$(param IOTIMEOUT)\""
fs_all=0
case " $(printf '%s' "$fs_types" | tr '\n' ' ') " in *" all "* | *" * "*) fs_all=1 ;; esac

if [ -n "$fs_ignore" ]; then
  # Smoker matched Ignore from the beginning of the mount point (Python re.match).
  case "$fs_ignore" in ^*) ;; *) fs_ignore="^($fs_ignore)" ;; esac
  regex_valid "$fs_ignore" || finish_unknown "parameter ignore: invalid regular expression \"$(param IGNORE)\""
fi

[ -r /proc/mounts ] || finish_unknown "Getting list of mounts failed: /proc/mounts is not readable"
# One line per mount point, in first-seen order, with the options of its last (visible) mount.
fs_list=$(awk '
  !($2 in seen) { seen[$2] = 1; order[++n] = $2 }
  { data[$2] = $3 " " $4 }
  END { for (i = 1; i <= n; i++) print order[i], data[order[i]] }' /proc/mounts)

fs_count=0
while read -r fs_enc fs_type fs_opts <&3; do
  [ -n "$fs_enc" ] || continue
  fsmount_type_selected "$fs_type" || continue
  fs_mp=$(fsmount_decode "$fs_enc")
  case "$fs_mp" in *.snapshot*) continue ;; esac # NetApp snapshots are read-only by design
  fsmount_listed "$fs_mp" || continue
  [ -n "$fs_ignore" ] && matches "$fs_mp" "$fs_ignore" && continue
  fs_count=$((fs_count + 1))

  comp_begin "$fs_mp"
  if fsmount_access "$fs_mp"; then
    case ",$fs_opts," in
      *,ro,*)
        if param_bool EXPECTRW; then
          fsmount_readwrite "$fs_mp" # fails with the kernel's reason: Read-only file system
        else
          comp_info "Read/Write: mounted read-only, write test skipped"
        fi
        ;;
      *) fsmount_readwrite "$fs_mp" ;;
    esac
  fi
  comp_end
done 3<<EOF
$fs_list
EOF

if [ "$fs_count" -eq 0 ]; then
  res_warn "No mounts found"
else
  [ "$fs_count" -eq 1 ] && res_info "checked 1 mount point" || res_info "checked $fs_count mount points"
fi
emit
