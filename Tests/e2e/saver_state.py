#!/usr/bin/env python3
"""Prints the X screen saver's state and the server's idle time: `on 2350` or `off 120` (ms).

Reads the MIT-SCREEN-SAVER extension through libXss with ctypes (no Python X bindings needed).
Exits 2 when libXss or the display is missing, so a test can skip rather than fail.
"""
import ctypes
import ctypes.util
import sys


class XScreenSaverInfo(ctypes.Structure):
    _fields_ = [("window", ctypes.c_ulong), ("state", ctypes.c_int), ("kind", ctypes.c_int),
                ("til_or_since", ctypes.c_ulong), ("idle", ctypes.c_ulong), ("eventMask", ctypes.c_ulong)]


def main():
    x11_name, xss_name = ctypes.util.find_library("X11"), ctypes.util.find_library("Xss")
    if not x11_name or not xss_name:
        print("libX11 or libXss is missing", file=sys.stderr)
        return 2
    x11, xss = ctypes.CDLL(x11_name), ctypes.CDLL(xss_name)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    xss.XScreenSaverAllocInfo.restype = ctypes.POINTER(XScreenSaverInfo)
    xss.XScreenSaverQueryInfo.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(XScreenSaverInfo)]
    display = x11.XOpenDisplay(None)
    if not display:
        print("cannot open the display", file=sys.stderr)
        return 2
    info = xss.XScreenSaverAllocInfo()
    if not xss.XScreenSaverQueryInfo(display, x11.XDefaultRootWindow(display), info):
        print("no MIT-SCREEN-SAVER extension", file=sys.stderr)
        return 2
    # ScreenSaverOff 0, ScreenSaverOn 1, ScreenSaverDisabled 3.
    state = {0: "off", 1: "on", 3: "disabled"}.get(info.contents.state, str(info.contents.state))
    print(state, info.contents.idle)
    x11.XCloseDisplay(display)
    return 0


if __name__ == "__main__":
    sys.exit(main())
