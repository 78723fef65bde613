#!/usr/bin/env bash
# Make sure a Docker engine answers `docker info`, so the container tests (test/containers/) run instead of
# skipping (issue 6: "in this project's CI they must run"). Idempotent: does nothing when an engine already answers.
#
#   scripts/ensure-docker.sh
#
# Steps, each only when needed: install Debian's docker.io (when dockerd is missing), start dockerd in the
# background (log: /tmp/dockerd.log), wait up to ENSURE_DOCKER_WAIT_SECONDS (default 60) for `docker info`.
# Prints one line saying what it did; exits non-zero with the reason when no engine can be had.
# Callers should also export TESTCONTAINERS_RYUK_DISABLED=true and TESTCONTAINERS_HOST_OVERRIDE=localhost
# (targets/container.ts explains why).
set -u

readonly DOCKERD_LOG=/tmp/dockerd.log
readonly WAIT_SECONDS="${ENSURE_DOCKER_WAIT_SECONDS:-60}"

fail() {
  echo "ensure-docker: $1" >&2
  exit 1
}

engine_answers() {
  command -v docker >/dev/null 2>&1 && timeout 20 docker info >/dev/null 2>&1
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n "$@"; fi
}

can_be_root() {
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; }
}

if engine_answers; then
  echo "ensure-docker: engine already running (${DOCKER_HOST:-unix:///var/run/docker.sock})"
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ]; then
  # A remote or custom engine was asked for; starting a local dockerd would not make DOCKER_HOST answer.
  fail "DOCKER_HOST=${DOCKER_HOST} does not answer 'docker info'; start that engine or unset DOCKER_HOST"
fi

installed=""
if ! command -v dockerd >/dev/null 2>&1 || ! command -v docker >/dev/null 2>&1; then
  command -v apt-get >/dev/null 2>&1 || fail "dockerd is missing and apt-get is not available to install docker.io"
  can_be_root || fail "dockerd is missing and installing docker.io needs root (or passwordless sudo)"
  if ! as_root apt-get update -qq >/tmp/ensure-docker-apt.log 2>&1 \
    || ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >>/tmp/ensure-docker-apt.log 2>&1; then
    fail "installing docker.io failed (needs root and a Debian mirror; see /tmp/ensure-docker-apt.log)"
  fi
  installed="installed docker.io, "
fi

if ! pgrep -x dockerd >/dev/null 2>&1; then
  can_be_root || fail "dockerd is not running and starting it needs root (or passwordless sudo)"
  # setsid + nohup: the daemon must outlive this script and the shell that ran it.
  as_root setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  dockerd_pid=$!
  started="started dockerd (log ${DOCKERD_LOG})"
else
  started="dockerd was already running"
fi

for ((waited = 0; waited < WAIT_SECONDS; waited++)); do
  if engine_answers; then
    echo "ensure-docker: ${installed}${started}; engine answered after ${waited}s"
    exit 0
  fi
  # A daemon that cannot run here (no privileges, no cgroups, no iptables) exits at once; say so without waiting.
  if [ -n "${dockerd_pid:-}" ] && ! kill -0 "$dockerd_pid" 2>/dev/null; then
    fail "dockerd exited right after starting; last lines of ${DOCKERD_LOG}: $(tail -n 3 "$DOCKERD_LOG" 2>/dev/null | tr '\n' ' ')"
  fi
  sleep 1
done

fail "${installed}${started} but 'docker info' did not answer within ${WAIT_SECONDS}s; last lines of ${DOCKERD_LOG}: $(tail -n 3 "$DOCKERD_LOG" 2>/dev/null | tr '\n' ' ')"
