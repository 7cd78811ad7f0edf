#!/usr/bin/env python3
"""Wraps every frame of an Ethernet capture in a tunnel, as a switch or router mirroring it to a collector would.

The frames take the tunnels in turn: VXLAN, ERSPAN type II, VXLAN, ERSPAN type III, ... so half of them arrive in
VXLAN and a quarter in each ERSPAN type:
  VXLAN       outer Ethernet, IPv4 192.0.2.1 -> 192.0.2.2, UDP to 4789 from a port in 49152-65535 chosen by the
              inner IPv4 addresses (as a VTEP spreads flows), VXLAN header (I flag, VNI 4242), the frame
  ERSPAN II   outer Ethernet, IPv4 203.0.113.1 -> 203.0.113.2 protocol 47, GRE with the S flag (0x1000), protocol
              0x88be and a sequence number counting the session's frames from 1, ERSPAN type II header (version 1,
              session 100, index 1, not VLAN-tagged, not truncated), the frame
  ERSPAN III  outer Ethernet, IPv4 203.0.113.3 -> 203.0.113.2 protocol 47, GRE 0x1000 with protocol 0x22eb and its
              own sequence number, ERSPAN type III header (version 2, session 200, the frame's capture time in 100 ns
              units, hardware id 1, ingress, no platform subheader), the frame
Outer IPv4 checksums are right, UDP checksums are 0, time stamps are kept. The outer addresses come from the
documentation prefixes, so they are none of make-capture.py's subscribers, RADIUS server or internet hosts (check
before wrapping a capture that uses 192.0.2.0/24 or 203.0.113.0/24 itself).

The capture is read and written one frame at a time, so memory does not grow with it. The output goes to
OUT.partial and is renamed to OUT at the end, so IN and OUT may be the same file. Frames cut short by the snap
length are refused. Prints how many frames went into each tunnel.

Usage: wrap-tunnels.py IN.pcap OUT.pcap
"""
import argparse
import importlib.util
import os
import struct
import sys
import zlib

spec = importlib.util.spec_from_file_location("make_capture", os.path.join(os.path.dirname(__file__),
                                                                           "make-capture.py"))
capture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(capture)

# pcap magic as read -> (byte order, nanoseconds per unit of the time stamp's fraction)
MAGICS = {b"\xd4\xc3\xb2\xa1": ("<", 1000), b"\xa1\xb2\xc3\xd4": (">", 1000),
          b"\x4d\x3c\xb2\xa1": ("<", 1), b"\xa1\xb2\x3c\x4d": (">", 1)}
LINKTYPE_ETHERNET = 1
OUTER_ETHERNET = b"\x02\x00\x00\x00\x0f\x02\x02\x00\x00\x00\x0f\x01\x08\x00"
VXLAN_SOURCE, VXLAN_DESTINATION = capture.ip_bytes("192.0.2.1"), capture.ip_bytes("192.0.2.2")
VXLAN_PORT = 4789
VNI = 4242
ERSPAN_II_SOURCE = capture.ip_bytes("203.0.113.1")
ERSPAN_III_SOURCE = capture.ip_bytes("203.0.113.3")
ERSPAN_DESTINATION = capture.ip_bytes("203.0.113.2")
ERSPAN_II_SESSION, ERSPAN_II_INDEX = 100, 1
ERSPAN_III_SESSION, ERSPAN_III_HARDWARE_ID = 200, 1
GRE_SEQUENCE_PRESENT = 0x1000
GRE_ERSPAN_II, GRE_ERSPAN_III = 0x88BE, 0x22EB
CYCLE = ["vxlan", "erspan_ii", "vxlan", "erspan_iii"]
GROWTH = 14 + 20 + 4 + 4 + 12  # the largest wrapping: outer Ethernet, IPv4, GRE with sequence, ERSPAN III


def vxlan(frame, identifier):
    inner_addresses = frame[26:34] if frame[12:14] == b"\x08\x00" else frame[:12]
    source_port = 49152 + zlib.crc32(inner_addresses) % 16384
    header = struct.pack("!B3xI", 0x08, VNI << 8)
    return OUTER_ETHERNET + capture.ipv4(VXLAN_SOURCE, VXLAN_DESTINATION, 17,
                                         capture.udp(source_port, VXLAN_PORT, header + frame), identifier)


def erspan_ii(frame, identifier, sequence):
    gre = struct.pack("!HHI", GRE_SEQUENCE_PRESENT, GRE_ERSPAN_II, sequence)
    header = struct.pack("!HHI", 1 << 12, ERSPAN_II_SESSION, ERSPAN_II_INDEX)
    return OUTER_ETHERNET + capture.ipv4(ERSPAN_II_SOURCE, ERSPAN_DESTINATION, 47, gre + header + frame, identifier)


def erspan_iii(frame, identifier, sequence, time_100ns):
    gre = struct.pack("!HHI", GRE_SEQUENCE_PRESENT, GRE_ERSPAN_III, sequence)
    # last 16 bits: P 0, frame type 0 (Ethernet), hardware id, direction 0 (ingress), granularity 1 (100 ns), O 0
    header = struct.pack("!HHIHH", 2 << 12, ERSPAN_III_SESSION, time_100ns & 0xFFFFFFFF, 0,
                         ERSPAN_III_HARDWARE_ID << 4 | 1 << 1)
    return OUTER_ETHERNET + capture.ipv4(ERSPAN_III_SOURCE, ERSPAN_DESTINATION, 47, gre + header + frame, identifier)


class Tunnels:
    """Wraps each frame in the next tunnel of the cycle; counts frames per tunnel."""

    def __init__(self):
        self.counts = {kind: 0 for kind in CYCLE}

    def wrap(self, frame, time_100ns):
        frames = sum(self.counts.values())
        kind = CYCLE[frames % len(CYCLE)]
        self.counts[kind] += 1
        if kind == "vxlan":
            return vxlan(frame, frames)
        if kind == "erspan_ii":
            return erspan_ii(frame, frames, self.counts[kind])
        return erspan_iii(frame, frames, self.counts[kind], time_100ns)


def wrap_capture(source, out):
    """Copies the pcap `source` to `out` with every frame wrapped; -> frames per tunnel."""
    header = source.read(24)
    if len(header) < 24 or header[:4] not in MAGICS:
        raise ValueError("not a pcap file")
    order, nanoseconds_per_unit = MAGICS[header[:4]]
    snaplen, linktype = struct.unpack(order + "II", header[16:])
    if linktype != LINKTYPE_ETHERNET:
        raise ValueError("link type %d, not Ethernet" % linktype)
    out.write(header[:16] + struct.pack(order + "II", snaplen + GROWTH, linktype))
    record = struct.Struct(order + "IIII")
    tunnels = Tunnels()
    while head := source.read(record.size):
        if len(head) < record.size:
            raise ValueError("the capture ends inside a record header")
        seconds, fraction, captured, length = record.unpack(head)
        frame = source.read(captured)
        if len(frame) < captured:
            raise ValueError("the capture ends inside a frame")
        if captured != length:
            raise ValueError("a frame of %d bytes is cut to %d by the snap length" % (length, captured))
        wrapped = tunnels.wrap(frame, (seconds * 1_000_000_000 + fraction * nanoseconds_per_unit) // 100)
        out.write(record.pack(seconds, fraction, len(wrapped), len(wrapped)))
        out.write(wrapped)
    return tunnels.counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", metavar="IN.pcap")
    parser.add_argument("output", metavar="OUT.pcap")
    args = parser.parse_args()
    partial = args.output + ".partial"
    try:
        with open(args.input, "rb") as source, open(partial, "wb") as out:
            counts = wrap_capture(source, out)
    except ValueError as error:
        os.remove(partial)
        sys.exit("wrap-tunnels.py: %s: %s" % (args.input, error))
    os.replace(partial, args.output)
    print("%d frames wrapped: %s" % (sum(counts.values()), ", ".join(
        "%s %d" % (kind, count) for kind, count in counts.items())))


if __name__ == "__main__":
    main()
