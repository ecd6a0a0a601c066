# smoker built-in module tcp: opens a TCP connection to host:port for each port, as Smoker's
# testconnection plugin did, with whatever the host has: nc, busybox nc, python3/python, perl
# or bash's /dev/tcp (tried in that order); UNKNOWN when none is there.
# Parameters (src/modules/catalog.ts): host, port, connectTimeout, tool.

tcp_host=$(param HOST 127.0.0.1)
tcp_ports=$(param_list PORT)
tcp_tool=$(param TOOL auto)
[ -n "$tcp_ports" ] || finish_unknown "parameter port is required (a TCP port such as 22, or a list)"
tcp_secs=$(duration_secs "$(param CONNECTTIMEOUT 5s)") || finish_unknown "parameter connectTimeout: expected a duration such as 5s, got \"$(param CONNECTTIMEOUT)\""
[ "$tcp_secs" -gt 0 ] || tcp_secs=1
for tcp_p in $tcp_ports; do
  is_uint "$tcp_p" && [ "$tcp_p" -ge 1 ] && [ "$tcp_p" -le 65535 ] ||
    finish_unknown "parameter port: expected a port number 1-65535, got \"$tcp_p\""
done

# Each tcp_with_* connects to $tcp_host:$tcp_port within the timeout; on failure the reason is in tcp_why.

# tcp_with_nc SECONDS COMMAND...: COMMAND is nc or busybox nc.
tcp_with_nc() {
  _s=$1
  shift
  tcp_why=$(run_timeout $((_s + 1)) "$@" -v -z -w "$_s" "$tcp_host" "$tcp_port" 2>&1 </dev/null)
  _rc=$?
  case "$tcp_why" in
    *"invalid option"* | *"unrecognized option"* | *"illegal option"* | *[Uu]sage:*)
      # an nc without -z (busybox): connect, send nothing, and let stdin's EOF end it
      tcp_why=$(run_timeout $((_s + 1)) "$@" -w "$_s" "$tcp_host" "$tcp_port" 2>&1 </dev/null)
      _rc=$?
      ;;
  esac
  [ $_rc -eq 124 ] && tcp_why="timed out after ${_s}s"
  [ $_rc -eq 0 ]
}

tcp_with_python() {
  tcp_why=$("$1" -c '
import socket, sys
try:
    socket.create_connection((sys.argv[1], int(sys.argv[2])), float(sys.argv[3])).close()
except Exception as e:
    sys.stderr.write("%s\n" % (getattr(e, "strerror", None) or e))
    sys.exit(1)
' "$tcp_host" "$tcp_port" "$2" 2>&1 </dev/null)
}

tcp_with_perl() {
  tcp_why=$(perl -MIO::Socket::INET -e '
my $s = IO::Socket::INET->new(PeerAddr => $ARGV[0], PeerPort => $ARGV[1], Proto => "tcp", Timeout => $ARGV[2]);
if ($s) { close $s; exit 0 }
my $e = $@ || "$!"; $e =~ s/^IO::Socket::INET: //; $e =~ s/^connect: //;
print STDERR "$e\n"; exit 1;
' "$tcp_host" "$tcp_port" "$1" 2>&1 </dev/null)
}

tcp_with_bash() {
  tcp_why=$(run_timeout "$1" bash -c 'exec 3<>"/dev/tcp/$1/$2"' bash "$tcp_host" "$tcp_port" 2>&1 </dev/null)
  _rc=$?
  [ $_rc -eq 124 ] && tcp_why="timed out after ${1}s"
  [ $_rc -eq 0 ]
}

# Succeeds when tool $1 can be used here.
tcp_available() {
  case $1 in
    nc | python3 | python | perl | bash) have "$1" ;;
    busybox) have busybox && busybox nc --help >/dev/null 2>&1 ;;
    *) return 1 ;;
  esac
}

# Connects with tool $1 to $tcp_host:$tcp_port.
tcp_connect() {
  case $1 in
    nc) tcp_with_nc "$tcp_secs" nc ;;
    busybox) tcp_with_nc "$tcp_secs" busybox nc ;;
    python3 | python) tcp_with_python "$1" "$tcp_secs" ;;
    perl) tcp_with_perl "$tcp_secs" ;;
    bash) tcp_with_bash "$tcp_secs" ;;
  esac
}


case $tcp_tool in
  auto) tcp_candidates='nc busybox python3 python perl bash' ;;
  nc | busybox | python3 | python | perl | bash) tcp_candidates=$tcp_tool ;;
  *) finish_unknown "parameter tool: expected auto, nc, busybox, python3, python, perl or bash, got \"$tcp_tool\"" ;;
esac
tcp_use=
for tcp_c in $tcp_candidates; do
  if tcp_available "$tcp_c"; then tcp_use=$tcp_c; break; fi
done
if [ -z "$tcp_use" ]; then
  [ "$tcp_tool" = auto ] && finish_unknown "no tool to test tcp: need nc, busybox, python3, python, perl or bash"
  finish_unknown "tool $tcp_tool not found"
fi

case "$tcp_host" in *:*) tcp_label="[$tcp_host]" ;; *) tcp_label=$tcp_host ;; esac
for tcp_port in $tcp_ports; do
  comp_begin "$tcp_label:$tcp_port"
  if tcp_connect "$tcp_use"; then
    comp_info "connected to $tcp_label:$tcp_port ($tcp_use)"
  else
    tcp_reason=$(last_line "$tcp_why")
    case "$tcp_reason" in *": "*) tcp_reason=${tcp_reason##*: } ;; esac
    comp_error "connection to $tcp_label:$tcp_port failed: ${tcp_reason:-no connection} ($tcp_use)"
  fi
  comp_end
done
emit
