#!/usr/bin/python3
# recv-fallback.py - recvmsg as a program sees it, for t1111: one line per
# call (its result: data, ancillary data, msg_flags, address; or errno).
import errno
import os
import socket
import sys


def show(label, f):
    try:
        print(label, "ok", f())
    except OSError as e:
        print(label, "errno", errno.errorcode.get(e.errno, e.errno))


def main(workdir):
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    a.send(b"hello world")
    show("stream-one", lambda: b.recvmsg(5))
    show("stream-rest", lambda: b.recvmsg(100, 0, socket.MSG_DONTWAIT))
    show("stream-empty", lambda: b.recvmsg(100, 0, socket.MSG_DONTWAIT))
    a.send(b"xyz")
    show("stream-peek", lambda: b.recvmsg(100, 0, socket.MSG_PEEK))
    show("stream-cloexec", lambda: b.recvmsg(100, 0, socket.MSG_CMSG_CLOEXEC))
    a.send(b"abcdefgh")
    bufs = [bytearray(3), bytearray(10)]
    show("stream-two", lambda: (b.recvmsg_into(bufs), bytes(bufs[0]), bytes(bufs[1])))
    show("stream-two-rest", lambda: b.recvmsg(100, 0, socket.MSG_DONTWAIT))
    # With a control buffer (refused under the fallback: the message
    # stays queued for the next receive).
    a.send(b"q")
    show("control", lambda: b.recvmsg(10, 64, socket.MSG_DONTWAIT))
    show("control-after", lambda: b.recvmsg(10, 0, socket.MSG_DONTWAIT))
    d, e = os.path.join(workdir, "d.sock"), os.path.join(workdir, "e.sock")
    s1 = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s1.bind(d)
    s2 = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s2.bind(e)
    s2.sendto(b"0123456789", d)
    show("dgram-trunc", lambda: s1.recvmsg(4))
    s2.sendto(b"0123456789", d)
    show("dgram-trunc-asked", lambda: s1.recvmsg(4, 0, socket.MSG_TRUNC))
    s2.sendto(b"0123456789", d)
    show("dgram-trunc-cloexec", lambda: s1.recvmsg(4, 0, socket.MSG_CMSG_CLOEXEC))
    s2.sendto(b"abc", d)
    show("dgram-whole", lambda: s1.recvmsg(100))
    s2.sendto(b"abcdef", d)
    bufs = [bytearray(2), bytearray(2)]
    show("dgram-two", lambda: s1.recvmsg_into(bufs))
    show("dgram-two-after", lambda: s1.recvmsg(100, 0, socket.MSG_DONTWAIT))
    show("dgram-empty", lambda: s1.recvmsg(100, 0, socket.MSG_DONTWAIT))


main(sys.argv[1])
