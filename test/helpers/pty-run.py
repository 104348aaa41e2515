#!/usr/bin/env python3
"""pty-run.py - run a command on a new pseudo-terminal and report, from
outside, what it did to the terminal.

    pty-run.py REPORT CMD [ARG...]

CMD runs as the leader of a new session whose controlling terminal is the
pty (standard input, output and error).  The terminal starts with ICANON
off and ECHO on.  What CMD writes is copied to our standard output.  After
CMD has exited, REPORT receives:

    inq=N      bytes waiting in the terminal's input queue (what TIOCSTI
               pushed and nobody read)
    echo=on|off  the ECHO flag (TCSETS can clear it)

The exit status is CMD's (128+N if killed by signal N).
"""
import fcntl
import os
import select
import struct
import sys
import termios


def main():
    report, cmd = sys.argv[1], sys.argv[2:]
    master, slave = os.openpty()
    attrs = termios.tcgetattr(slave)
    attrs[3] = (attrs[3] & ~termios.ICANON) | termios.ECHO
    termios.tcsetattr(slave, termios.TCSANOW, attrs)
    pid = os.fork()
    if pid == 0:
        os.close(master)
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        if slave > 2:
            os.close(slave)
        try:
            os.execvp(cmd[0], cmd)
        finally:
            os._exit(127)
    status = None
    while status is None:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                sys.stdout.buffer.write(os.read(master, 4096))
                sys.stdout.flush()
            except OSError:
                pass
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = st
    # Drain what is left of the output, without waiting.
    os.set_blocking(master, False)
    try:
        while True:
            chunk = os.read(master, 4096)
            if not chunk:
                break
            sys.stdout.buffer.write(chunk)
    except OSError:
        pass
    sys.stdout.flush()
    inq = struct.unpack("i", fcntl.ioctl(slave, termios.FIONREAD, b"\0\0\0\0"))[0]
    echo = termios.tcgetattr(slave)[3] & termios.ECHO
    with open(report, "w") as f:
        f.write("inq=%d\necho=%s\n" % (inq, "on" if echo else "off"))
    if os.WIFSIGNALED(status):
        sys.exit(128 + os.WTERMSIG(status))
    sys.exit(os.WEXITSTATUS(status))


main()
