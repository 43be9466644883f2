#!/usr/bin/env bash
# End-to-end test of the Linux installer: build the .deb, unpack (or install) it, start the installed
# launcher in paper mode under Xvfb, wait for the workstation's first frame, take a screenshot.
#
#   installer/linux/test-deb.sh                       # build, unpack under /tmp, start, wait for ready
#   SKIP_BUILD=1 installer/linux/test-deb.sh          # reuse target/installer/dist/*.deb
#   INSTALL=1 installer/linux/test-deb.sh             # as root: dpkg -i, test /opt/coincalltrader, dpkg --purge
#   SMOKE_ARGS=status SMOKE_EXPECT='Exchange: PAPER' installer/linux/test-deb.sh
#                                                     # run a command instead, check exit 0 (and its output)
#
# Settings (environment): OUT (default /tmp/cct-deb-test) gets first-frame.png, screenshot.png (LIVE_DELAY s later,
# default 8), app.log and summary.txt;
# READY_TIMEOUT seconds (30); MAX_DEB_MB, the size goal the .deb must stay under (90); DISPLAY_NUM (99); MVN_FLAGS for the build (e.g. -o); KEEP_INSTALLED=1 keeps
# the package after INSTALL=1. Needs dpkg-deb, Xvfb (apt-get install xvfb) and import (imagemagick).
# Exits non-zero when anything fails.
set -euo pipefail

cd "$(dirname "$0")/../.."
OUT=${OUT:-/tmp/cct-deb-test}
READY_TIMEOUT=${READY_TIMEOUT:-30}
DISPLAY_NUM=${DISPLAY_NUM:-99}
MAX_DEB_MB=${MAX_DEB_MB:-90}
SMOKE_ARGS=${SMOKE_ARGS:-}
SMOKE_EXPECT=${SMOKE_EXPECT:-}

fail() { echo "FAIL: $*" >&2; exit 1; }
for tool in dpkg-deb Xvfb import; do
  command -v "$tool" >/dev/null || fail "$tool not found (apt-get install -y dpkg xvfb imagemagick)"
done

# --- build -------------------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # shellcheck disable=SC2086  # MVN_FLAGS is a list of flags
  ./mvnw -B -q ${MVN_FLAGS:-} -Pinstaller -DskipTests package
fi
shopt -s nullglob
debs=(target/installer/dist/*.deb)
shopt -u nullglob
[ ${#debs[@]} -eq 1 ] || fail "expected one .deb in target/installer/dist, found ${#debs[@]}"
deb=$(realpath "${debs[0]}")

# --- scratch folders and cleanup ---------------------------------------------------------------------
mkdir -p "$OUT"
rm -f "$OUT"/{screenshot.png,app.log,summary.txt,xvfb.log,dpkg.log}
scratch=$(mktemp -d /tmp/cct-deb-test.XXXXXX)
home="$scratch/home"
mkdir -p "$home"
app_pid=""
xvfb_pid=""
installed=0
cleanup() {
  local status=$?
  if [ -n "$app_pid" ] && kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$app_pid" 2>/dev/null || true
  fi
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; wait "$xvfb_pid" 2>/dev/null || true; fi
  if [ "$installed" = 1 ] && [ "${KEEP_INSTALLED:-0}" != 1 ]; then dpkg --purge coincalltrader >/dev/null 2>&1 || true; fi
  rm -rf "$scratch"
  [ $status -eq 0 ] && echo "PASS" || echo "FAILED (exit $status); see $OUT" >&2
}
trap cleanup EXIT

# --- unpack or install -------------------------------------------------------------------------------
if [ "${INSTALL:-0}" = 1 ]; then
  [ "$(id -u)" = 0 ] || fail "INSTALL=1 needs root"
  dpkg -i "$deb" >"$OUT/dpkg.log" 2>&1 || apt-get install -f -y >>"$OUT/dpkg.log" 2>&1 \
    || fail "dpkg -i failed; see $OUT/dpkg.log"
  installed=1
  root=""
else
  root="$scratch/root"
  dpkg-deb -x "$deb" "$root"
fi
install_dir="$root/opt/coincalltrader"
launcher="$install_dir/bin/CoincallTrader"
[ -x "$launcher" ] || fail "no launcher at $launcher"
[ -x "$install_dir/bin/CoincallTrader-SoftwareRendering" ] || fail "no software-rendering launcher"

# The added launcher replaces the main one's JVM options: it must repeat every one and add prism.order=sw.
main_cfg="$install_dir/lib/app/CoincallTrader.cfg"
sw_cfg="$install_dir/lib/app/CoincallTrader-SoftwareRendering.cfg"
missing=$(comm -23 <(grep '^java-options=' "$main_cfg" | sort) <(grep '^java-options=' "$sw_cfg" | sort))
[ -z "$missing" ] || fail "software-rendering launcher lacks: $missing (installer/linux/software-rendering.properties)"
grep -qx 'java-options=-Dprism.order=sw' "$sw_cfg" || fail "software-rendering launcher has no -Dprism.order=sw"

# --- X server ----------------------------------------------------------------------------------------
[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && fail "display :$DISPLAY_NUM is taken (set DISPLAY_NUM)"
Xvfb ":$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >"$OUT/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] && break; sleep 0.1; done
[ -e "/tmp/.X11-unix/X$DISPLAY_NUM" ] || fail "Xvfb did not start; see $OUT/xvfb.log"

# --- start the installed app -------------------------------------------------------------------------
# Paper mode: no API keys. Java takes user.home from the password database, not from $HOME, hence
# -Duser.home as well: the data directory is then $home/.local/share/CoincallTrader.
data="$home/.local/share/CoincallTrader"
marker="$scratch/started"
touch "$marker"
run_env=(env -u COINCALL_API_KEY -u COINCALL_API_SECRET -u XDG_DATA_HOME
         HOME="$home" DISPLAY=":$DISPLAY_NUM" JAVA_TOOL_OPTIONS="-Duser.home=$home")

start_ns=$(date +%s%N)
if [ -n "$SMOKE_ARGS" ]; then
  # shellcheck disable=SC2086  # SMOKE_ARGS is a list of arguments
  if "${run_env[@]}" "$launcher" $SMOKE_ARGS >"$OUT/app.log" 2>&1; then code=0; else code=$?; fi
  elapsed_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
  cat "$OUT/app.log"
  [ "$code" -eq 0 ] || fail "launcher $SMOKE_ARGS exited $code"
  if [ -n "$SMOKE_EXPECT" ]; then grep -qF -- "$SMOKE_EXPECT" "$OUT/app.log" || fail "output lacks '$SMOKE_EXPECT'"; fi
  timing="launch to exit of '$SMOKE_ARGS': $elapsed_ms ms"
else
  "${run_env[@]}" "$launcher" >"$OUT/app.log" 2>&1 &
  app_pid=$!
  elapsed_ms=""
  deadline=$(( start_ns + READY_TIMEOUT * 1000000000 ))
  while [ "$(date +%s%N)" -lt "$deadline" ]; do
    if [ -e "$data/ready" ]; then elapsed_ms=$(( ($(date +%s%N) - start_ns) / 1000000 )); break; fi
    kill -0 "$app_pid" 2>/dev/null || { cat "$OUT/app.log" >&2; fail "the app exited before it was ready"; }
    sleep 0.05
  done
  [ -n "$elapsed_ms" ] || { tail -20 "$OUT/app.log" >&2; fail "no $data/ready within $READY_TIMEOUT s"; }
  sleep 1  # let the first frame settle before the screenshot
  DISPLAY=":$DISPLAY_NUM" import -window root "$OUT/first-frame.png" || fail "screenshot failed"
  # A few seconds later the session is up: the second screenshot shows the live demo book.
  sleep "${LIVE_DELAY:-8}"
  kill -0 "$app_pid" 2>/dev/null || { tail -20 "$OUT/app.log" >&2; fail "the app exited after its first frame"; }
  DISPLAY=":$DISPLAY_NUM" import -window root "$OUT/screenshot.png" || fail "screenshot failed"
  own=$(grep -ho 'workstation ready in [0-9]* ms' "$OUT/app.log" "$data"/logs/*.log 2>/dev/null | tail -1 || true)
  timing="launch to ready file: $elapsed_ms ms${own:+ (the app: $own)}"
  kill "$app_pid"
  for _ in $(seq 100); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$app_pid" 2>/dev/null && fail "the app did not stop within 10 s of SIGTERM"
  app_pid=""
fi

# --- checks and figures ------------------------------------------------------------------------------
[ -d "$data" ] || fail "no data directory at $data"
written=$(find "$install_dir" -newer "$marker" -print 2>/dev/null | head -5)
[ -z "$written" ] || fail "the app wrote into its install folder: $written"

bytes=$(stat -c %s "$deb")
installed_kib=$(dpkg-deb -f "$deb" Installed-Size)
{
  echo "package: $(basename "$deb")"
  echo "deb size: $(awk -v b="$bytes" 'BEGIN { printf "%.1f MB (%.1f MiB, %d bytes)", b / 1e6, b / 1048576, b }')"
  echo "installed size: $(awk -v k="$installed_kib" 'BEGIN { printf "%.1f MB (%d KiB, dpkg Installed-Size)", k * 1024 / 1e6, k }')"
  echo "$timing"
} | tee "$OUT/summary.txt"
[ "$bytes" -lt $(( MAX_DEB_MB * 1000000 )) ] || fail "the .deb is over its goal of $MAX_DEB_MB MB"
