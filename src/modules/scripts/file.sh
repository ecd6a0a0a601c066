# smoker built-in module file: a path exists (or not), has the expected type, is recent enough,
# has a size within bounds and contains a regular expression.
# Parameters (src/modules/catalog.ts): path, exists, kind, maxAge, minSize, maxSize, contains.

fl_path=$(param PATH)
fl_type=$(param KIND any)
fl_contains=$(param CONTAINS)
[ -n "$fl_path" ] || finish_unknown "parameter path is required"
case $fl_type in
  any | file | dir | link) ;;
  *) finish_unknown "parameter kind: expected any, file, dir or link, got \"$fl_type\"" ;;
esac
fl_maxage=
if [ -n "$(param MAXAGE)" ]; then
  fl_maxage=$(duration_secs "$(param MAXAGE)") || finish_unknown "parameter maxAge: expected a duration such as 1h, got \"$(param MAXAGE)\""
fi
fl_min=
fl_max=
if [ -n "$(param MINSIZE)" ]; then
  fl_min=$(size_bytes "$(param MINSIZE)") || finish_unknown "parameter minSize: expected a size such as 1 or 10k, got \"$(param MINSIZE)\""
fi
if [ -n "$(param MAXSIZE)" ]; then
  fl_max=$(size_bytes "$(param MAXSIZE)") || finish_unknown "parameter maxSize: expected a size such as 100M, got \"$(param MAXSIZE)\""
fi
if [ -n "$fl_contains" ]; then
  regex_valid "$fl_contains" || finish_unknown "parameter contains: invalid regular expression \"$fl_contains\""
fi

if ! param_bool EXISTS true; then
  if [ -e "$fl_path" ] || [ -L "$fl_path" ]; then
    res_error "$fl_path exists, expected it not to"
  else
    res_info "$fl_path does not exist, as expected"
  fi
  emit
  exit 0
fi

if [ ! -e "$fl_path" ] && [ ! -L "$fl_path" ]; then
  res_error "$fl_path does not exist"
  emit
  exit 0
fi

# What the path is, for messages.
if [ -L "$fl_path" ]; then fl_kind="symbolic link"
elif [ -d "$fl_path" ]; then fl_kind=directory
elif [ -f "$fl_path" ]; then fl_kind="regular file"
else fl_kind="special file"
fi
case $fl_type in
  file) [ -f "$fl_path" ] || res_error "$fl_path is a $fl_kind, expected a regular file" ;;
  dir) [ -d "$fl_path" ] || res_error "$fl_path is a $fl_kind, expected a directory" ;;
  link) [ -L "$fl_path" ] || res_error "$fl_path is a $fl_kind, expected a symbolic link" ;;
esac

# Modification time in epoch seconds: GNU/busybox stat, BSD stat, then date -r.
fl_mtime=$(stat -c %Y -- "$fl_path" 2>/dev/null) || fl_mtime=
is_uint "$fl_mtime" || fl_mtime=$(stat -f %m -- "$fl_path" 2>/dev/null)
is_uint "$fl_mtime" || fl_mtime=$(date -r "$fl_path" +%s 2>/dev/null)
is_uint "$fl_mtime" || fl_mtime=

fl_desc="$fl_path: $fl_kind"
fl_size=
if [ -f "$fl_path" ]; then
  fl_size=$(wc -c 2>/dev/null <"$fl_path" | tr -d ' ')
  is_uint "$fl_size" || fl_size=
  [ -n "$fl_size" ] && fl_desc="$fl_desc, $fl_size bytes" && res_metric size "$fl_size" B
fi
fl_age=
if [ -n "$fl_mtime" ]; then
  fl_age=$(($(now_secs) - fl_mtime))
  [ "$fl_age" -lt 0 ] && fl_age=0
  fl_desc="$fl_desc, modified $(human_secs "$fl_age") ago"
  res_metric age "$fl_age" s
fi
res_info "$fl_desc"

if [ -n "$fl_maxage" ]; then
  if [ -z "$fl_age" ]; then
    res_unknown "cannot read the modification time of $fl_path (no stat or date -r)"
  elif [ "$fl_age" -gt "$fl_maxage" ]; then
    res_error "$fl_path was modified $(human_secs "$fl_age") ago, more than maxAge $(human_secs "$fl_maxage")"
  fi
fi
if [ -n "$fl_min$fl_max" ]; then
  if [ -z "$fl_size" ]; then
    res_error "$fl_path is a $fl_kind, so minSize/maxSize cannot apply"
  elif [ -n "$fl_min" ] && [ "$fl_size" -lt "$fl_min" ]; then
    res_error "$fl_path has $fl_size bytes, less than minSize $fl_min"
  elif [ -n "$fl_max" ] && [ "$fl_size" -gt "$fl_max" ]; then
    res_error "$fl_path has $fl_size bytes, more than maxSize $fl_max"
  fi
fi
if [ -n "$fl_contains" ]; then
  if [ ! -f "$fl_path" ]; then
    res_error "$fl_path is a $fl_kind, so contains cannot apply"
  elif [ ! -r "$fl_path" ]; then
    res_error "$fl_path is not readable"
  elif grep -E -q -e "$fl_contains" -- "$fl_path" 2>/dev/null </dev/null; then
    res_info "$fl_path contains /$fl_contains/"
  else
    res_error "$fl_path does not contain /$fl_contains/"
  fi
fi
emit
