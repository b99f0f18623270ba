#!/usr/bin/env bash
# Installs what convviewer needs on Debian/Ubuntu, and only what is missing.
# Build: libx11-dev, libxext-dev (MIT-SHM), libcairo2-dev (pkg-config finds them), a font for the labels.
# Tests: Xvfb, xdotool, xwd (x11-apps), xdpyinfo/xprop (x11-utils), openbox + wmctrl for the
# window-manager close test, netpbm to turn captures into images, numpy for the independent check;
# ffmpeg (with ffprobe) for `record`'s .mp4/.webm/.gif output and its e2e check (~27 s to install);
# xset/xrandr (x11-xserver-utils) and libXss (libxss1) for the kiosk's screen-saver and screen-size checks.
# The network: zlib1g-dev (the gzipped IDX files), dataset-fashion-mnist (the training data, ~30 MB).
set -euo pipefail

packages=(pkg-config libx11-dev libxext-dev libcairo2-dev fonts-dejavu-core
          xvfb xdotool x11-apps x11-utils x11-xserver-utils libxss1 openbox wmctrl netpbm python3 ffmpeg
          zlib1g-dev dataset-fashion-mnist)
missing=()
for p in "${packages[@]}"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
    echo "installing: ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! python3 -c 'import numpy' 2>/dev/null; then
    echo "installing: numpy (pip)"
    python3 -m pip install --quiet numpy 2>/dev/null || $sudo apt-get install -y -qq python3-numpy >/dev/null
fi
