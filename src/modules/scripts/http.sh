# smoker built-in module http: requests a URL with curl or wget and checks the status code and,
# optionally, that the body contains a string. UNKNOWN when neither tool is there.
# Parameters (src/modules/catalog.ts): url, status, contains, method, requestTimeout, insecure, follow, tool.

http_url=$(param URL)
http_expect=$(param STATUS 2xx,3xx)
http_contains=$(param CONTAINS)
http_method=$(param METHOD GET | tr 'a-z' 'A-Z')
http_tool=$(param TOOL auto)
[ -n "$http_url" ] || finish_unknown "parameter url is required (such as http://127.0.0.1:8080/health)"
http_secs=$(duration_secs "$(param REQUESTTIMEOUT 10s)") || finish_unknown "parameter requestTimeout: expected a duration such as 10s, got \"$(param REQUESTTIMEOUT)\""
[ "$http_secs" -gt 0 ] || http_secs=1
printf '%s\n' "$http_expect" | grep -E -q '^ *([1-5]([0-9][0-9]|xx|XX)(-[1-5][0-9][0-9])?)([ ,/]+[1-5]([0-9][0-9]|xx|XX)(-[1-5][0-9][0-9])?)* *$' ||
  finish_unknown "parameter status: expected codes, classes or ranges such as 200, 2xx or 200-299 separated by commas, got \"$http_expect\""

# Succeeds when code $1 is allowed by the status parameter.
http_status_ok() {
  printf '%s\n' "$http_expect" | awk -v code="$1" '{
    gsub(/[,\/]/, " ")
    for (i = 1; i <= NF; i++) {
      t = tolower($i)
      if (t ~ /xx$/) { if (substr(t, 1, 1) == substr(code, 1, 1)) ok = 1 }
      else if (t ~ /-/) { split(t, r, "-"); if (code + 0 >= r[1] + 0 && code + 0 <= r[2] + 0) ok = 1 }
      else if (t + 0 == code + 0) ok = 1
    }
  } END { exit !ok }'
}

case $http_tool in
  auto) if have curl; then http_tool=curl; elif have wget; then http_tool=wget; else finish_unknown "no tool for http: need curl or wget"; fi ;;
  curl | wget) have "$http_tool" || finish_unknown "tool $http_tool not found" ;;
  *) finish_unknown "parameter tool: expected auto, curl or wget, got \"$http_tool\"" ;;
esac
tmp_file http_body || finish_unknown "cannot create a temporary file"
http_time=

# Each http_with_* sets http_code (empty when no response came) and http_why (the failure).
http_with_curl() {
  set -- -sS -o "$http_body" -w '%{http_code} %{time_total}' --max-time "$http_secs"
  param_bool INSECURE && set -- "$@" -k
  param_bool FOLLOW && set -- "$@" -L
  case $http_method in
    HEAD) set -- "$@" -I ;;
    GET) ;;
    *) set -- "$@" -X "$http_method" ;;
  esac
  http_out=$(curl "$@" -- "$http_url" 2>"$http_body.err" </dev/null)
  http_code=${http_out%% *}
  http_time=${http_out#* }
  [ "$http_code" = 000 ] && http_code=
  http_why=$(last_line "$(cat "$http_body.err")" | sed 's/^curl: ([0-9]*) //')
}

http_with_wget() {
  set -- -S -O "$http_body" -T "$http_secs"
  if wget --version 2>/dev/null | grep -q GNU; then
    set -- "$@" -nv --tries=1 --content-on-error
    param_bool FOLLOW || set -- "$@" --max-redirect=0
    param_bool INSECURE && set -- "$@" --no-check-certificate
    [ "$http_method" = GET ] || set -- "$@" --method="$http_method"
  else
    set -- "$@" -q # busybox: always follows redirects, GET only
    param_bool INSECURE && set -- "$@" --no-check-certificate
  fi
  http_err=$(run_timeout $((http_secs + 5)) wget "$@" "$http_url" 2>&1 </dev/null)
  http_code=$(printf '%s\n' "$http_err" | sed -n 's/.*HTTP\/[0-9.]* \([1-5][0-9][0-9]\).*/\1/p' | tail -n 1)
  http_why=$(printf '%s\n' "$http_err" | grep -v '^ ' | grep -v 'ERROR [0-9]' | awk 'NF { l = $0 } END { print l }' | sed 's/^wget: //; s/^failed: //; s/\.$//')
}

: >"$http_body.err"
"http_with_$http_tool"
if [ -z "$http_code" ]; then
  res_error "$http_method $http_url failed: ${http_why:-no response} ($http_tool)"
  emit
  exit 0
fi

http_about="$(wc -c <"$http_body" | tr -d ' ') bytes, "
[ "$http_method" = HEAD ] && http_about= # curl -I writes the headers there
if [ -n "$http_time" ] && is_number "$http_time"; then
  http_time=$(awk -v t="$http_time" 'BEGIN { printf "%.3f", t }')
  http_about="$http_about$http_time s, "
  res_metric time "$http_time" s
fi
http_about="$http_about$http_tool"
if http_status_ok "$http_code"; then
  res_info "$http_method $http_url returned $http_code ($http_about)"
else
  res_error "$http_method $http_url returned $http_code, expected $http_expect ($http_about)"
fi
if [ -n "$http_contains" ]; then
  if grep -F -q -e "$http_contains" "$http_body"; then
    res_info "response body contains \"$http_contains\""
  else
    res_error "response body does not contain \"$http_contains\""
  fi
fi
emit
