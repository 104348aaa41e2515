#!/usr/bin/env python3
"""listener.py - a server outside the jail that records who reached it.

    listener.py stream|dgram ADDR READY LOG

ADDR is 127.0.0.1:PORT, [::1]:PORT, unix:PATH or abstract:NAME (PORT 0:
the kernel picks; %XX in NAME is the byte 0xXX).  Once listening, the port (0 for unix) is written to
READY.  Each accepted connection (read to its end) or datagram adds one
line to LOG:

    conn data=DATA fds=N creds=N
    dgram data=DATA fds=N creds=N

where fds and creds count the descriptors and credentials received in
control messages (received descriptors are closed at once).  Connections
are handled one at a time, in the order the kernel queued them, so a line
written after a known last client proves what came before it.  Runs until
killed.
"""
import os
import socket
import struct
import sys


def parse(spec):
    if spec.startswith("unix:"):
        return socket.AF_UNIX, spec[5:]
    if spec.startswith("abstract:"):
        # %XX is the byte 0xXX (%00: a NUL inside the name).
        name, raw = spec[9:], b""
        while name:
            if name[0] == "%" and len(name) >= 3:
                raw, name = raw + bytes([int(name[1:3], 16)]), name[3:]
            else:
                raw, name = raw + name[0].encode(), name[1:]
        return socket.AF_UNIX, b"\0" + raw
    host, port = spec.rsplit(":", 1)
    if host.startswith("["):
        return socket.AF_INET6, (host[1:-1], int(port))
    return socket.AF_INET, (host, int(port))


def ancillary(anc):
    fds = creds = 0
    for level, kind, data in anc:
        if level != socket.SOL_SOCKET:
            continue
        if kind == socket.SCM_RIGHTS:
            got = struct.unpack("%di" % (len(data) // 4), data[: len(data) - len(data) % 4])
            fds += len(got)
            for fd in got:
                os.close(fd)
        elif kind == socket.SCM_CREDENTIALS:
            creds += 1
    return fds, creds


def record(log, what, data, fds, creds):
    text = data.decode("utf-8", "replace").replace("\n", "\\n")
    log.write("%s data=%s fds=%d creds=%d\n" % (what, text, fds, creds))
    log.flush()


def main():
    kind, spec, ready, logname = sys.argv[1:5]
    family, addr = parse(spec)
    stype = socket.SOCK_STREAM if kind == "stream" else socket.SOCK_DGRAM
    s = socket.socket(family, stype)
    if family != socket.AF_UNIX:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(addr)
    if stype == socket.SOCK_STREAM:
        s.listen(16)
    port = s.getsockname()[1] if family != socket.AF_UNIX else 0
    with open(ready + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(ready + ".tmp", ready)
    cmsg_space = socket.CMSG_SPACE(16 * 4) + socket.CMSG_SPACE(12)
    with open(logname, "a") as log:
        while True:
            if stype == socket.SOCK_DGRAM:
                data, anc, _, _ = s.recvmsg(65536, cmsg_space)
                record(log, "dgram", data, *ancillary(anc))
                continue
            c, _ = s.accept()
            c.settimeout(5)
            data, fds, creds = b"", 0, 0
            try:
                while True:
                    chunk, anc, _, _ = c.recvmsg(65536, cmsg_space)
                    f, k = ancillary(anc)
                    fds, creds = fds + f, creds + k
                    if not chunk:
                        break
                    data += chunk
            except (socket.timeout, ConnectionResetError):
                pass
            c.close()
            record(log, "conn", data, fds, creds)


main()
