#!/usr/bin/env python3
"""Writes a deterministic synthetic capture of concurrent SIP calls with their G.711 RTP, some of them targets'.

Every call is signalled over UDP between a phone and one SIP server (INVITE with SDP, 100, 180, 200 with SDP, ACK,
then 20 ms RTP packets in both directions between the phone and the far end's media address, then BYE and its 200).
Odd calls are outgoing (the phone's user calls a peer), even calls incoming (a peer calls the phone's user, the
server sends the INVITE). The calls start within the first second, so all of them are in progress together for most
of the capture. Some phone users are targets (one call each).

Next to the pcap a JSON file describes the set-up (SIP server, users, targets, LIIDs) and what an LI collector must
deliver for it: per target call 7 IRIs (BEGIN for the INVITE, CONTINUE for 100, 180, 200, ACK and BYE, END for the
200 to BYE) and every RTP packet of the call, both directions, as CC.

Usage: make-voip-capture.py --out FILE.pcap [--calls N] [--targets N] [--packets N] [--seed N] [--liid-prefix TEXT]
"""
import argparse
import importlib.util
import json
import os
import random
import struct

spec = importlib.util.spec_from_file_location("make_capture", os.path.join(os.path.dirname(__file__),
                                                                           "make-capture.py"))
capture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(capture)

SIP_SERVER = "192.0.2.10"
SIP_PORT = 5060
DOMAIN = "example.net"
TICK_US = 20_000
RTP_PAYLOAD = 160
IRIS = ["IRI-BEGIN INVITE", "IRI-CONTINUE 100 (INVITE)", "IRI-CONTINUE 180 (INVITE)", "IRI-CONTINUE 200 (INVITE)",
        "IRI-CONTINUE ACK", "IRI-CONTINUE BYE", "IRI-END 200 (BYE)"]


def phone_address(index):
    return "198.18.%d.%d" % (index // 250, index % 250 + 1)


def media_address(index):
    return "198.19.%d.%d" % (index // 250, index % 250 + 1)


class Call:
    """One call's parties, addresses and SIP messages."""

    def __init__(self, index, start_tick, rtp_packets):
        self.index = index
        self.outgoing = index % 2 == 1
        self.user = "user%04d" % (index + 1)
        self.peer = "peer%04d" % (index + 1)
        self.phone = phone_address(index)
        self.media = media_address(index)
        self.phone_port = 20000 + 2 * (index % 10000)
        self.media_port = 30000 + 2 * (index % 10000)
        self.call_id = "bench-%06d@%s" % (index + 1, self.phone)
        self.start_tick = start_tick
        self.rtp_packets = rtp_packets
        self.sequence = [0, 0]
        self.ssrc = [0x10000000 + index, 0x20000000 + index]

    @property
    def caller_uri(self):
        return "sip:%s@%s" % ((self.user if self.outgoing else self.peer), DOMAIN)

    @property
    def callee_uri(self):
        return "sip:%s@%s" % ((self.peer if self.outgoing else self.user), DOMAIN)

    def sdp(self, phone_side):
        address, port = (self.phone, self.phone_port) if phone_side else (self.media, self.media_port)
        name = self.user if phone_side else self.peer
        return ("v=0\r\no=%s %d 1 IN IP4 %s\r\ns=-\r\nc=IN IP4 %s\r\nt=0 0\r\nm=audio %d RTP/AVP 0\r\n"
                "a=rtpmap:0 PCMU/8000\r\na=ptime:20\r\n" % (name, 1000 + self.index, address, address, port))

    def message(self, kind, body=""):
        """The SIP text of one message of the call; kind is INVITE, ACK, BYE or a response `CODE CSEQMETHOD`."""
        caller_host = self.phone if self.outgoing else SIP_SERVER
        callee_host = SIP_SERVER if self.outgoing else self.phone
        caller_tag, callee_tag = "c%d" % (self.index + 1), "s%d" % (self.index + 1)
        branch = "z9hG4bK-%d-%s" % (self.index + 1, "2" if "BYE" in kind else "1")
        if kind in ("INVITE", "ACK", "BYE"):
            number = 2 if kind == "BYE" else 1
            start = "%s %s SIP/2.0" % (kind, self.callee_uri)
            method = kind
            if kind == "ACK":
                branch = "z9hG4bK-%d-ack" % (self.index + 1)
        else:
            code, method = kind.split(" ")
            number = 2 if method == "BYE" else 1
            start = "SIP/2.0 %s %s" % (code, {"100": "Trying", "180": "Ringing", "200": "OK"}[code])
        to_tag = "" if kind in ("INVITE", "100 INVITE") else ";tag=" + callee_tag
        headers = ["Via: SIP/2.0/UDP %s:%d;branch=%s" % (caller_host, SIP_PORT, branch),
                   "Max-Forwards: 70" if not start.startswith("SIP/") else None,
                   "From: <%s>;tag=%s" % (self.caller_uri, caller_tag),
                   "To: <%s>%s" % (self.callee_uri, to_tag),
                   "Call-ID: %s" % self.call_id,
                   "CSeq: %d %s" % (number, method)]
        if kind == "INVITE":
            headers.append("Contact: <%s>" % self.caller_uri.replace(DOMAIN, caller_host))
        elif kind == "200 INVITE":
            headers.append("Contact: <%s>" % self.callee_uri.replace(DOMAIN, callee_host))
        if body:
            headers.append("Content-Type: application/sdp")
        headers.append("Content-Length: %d" % len(body.encode()))
        return ("\r\n".join([start] + [h for h in headers if h]) + "\r\n\r\n" + body).encode()

    def signalling(self):
        """The SIP messages by tick offset from the call's start: (tick, from_phone, text)."""
        caller_is_phone = self.outgoing
        phone_sdp, far_sdp = self.sdp(True), self.sdp(False)
        offer, answer = (phone_sdp, far_sdp) if self.outgoing else (far_sdp, phone_sdp)
        end_tick = 3 + self.rtp_packets
        return [(0, caller_is_phone, self.message("INVITE", offer)),
                (0, not caller_is_phone, self.message("100 INVITE")),
                (1, not caller_is_phone, self.message("180 INVITE")),
                (2, not caller_is_phone, self.message("200 INVITE", answer)),
                (2, caller_is_phone, self.message("ACK")),
                (end_tick, caller_is_phone, self.message("BYE")),
                (end_tick, not caller_is_phone, self.message("200 BYE"))]


class Frames:
    """Writes frames in capture order: each at its wanted time, or 1 µs after the previous one if that is later."""

    def __init__(self, writer):
        self.writer = writer
        self.identifier = 0

    def raw(self, data, time):
        stamp = max(time, self.writer.time + 1)
        self.writer.time = stamp
        self.writer.file.write(struct.pack("<IIII", stamp // 1_000_000, stamp % 1_000_000, len(data), len(data)))
        self.writer.file.write(data)
        self.writer.frames += 1

    def udp(self, source, source_port, destination, destination_port, data, time):
        self.identifier += 1
        packet = capture.ipv4(capture.ip_bytes(source), capture.ip_bytes(destination), 17,
                              capture.udp(source_port, destination_port, data), self.identifier)
        self.raw(capture.ETHERNET + packet, time)


def rtp_headers(call, direction):
    """The fixed IPv4+UDP header of one direction of the call's RTP (identifier 0, no UDP checksum)."""
    if direction == 0:
        source, source_port, destination, destination_port = call.phone, call.phone_port, call.media, call.media_port
    else:
        source, source_port, destination, destination_port = call.media, call.media_port, call.phone, call.phone_port
    length = 8 + 12 + RTP_PAYLOAD
    ip = capture.ipv4(capture.ip_bytes(source), capture.ip_bytes(destination), 17, bytes(length), 0)[:20]
    return capture.ETHERNET + ip + struct.pack("!HHHH", source_port, destination_port, length, 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--calls", type=int, default=1000, help="concurrent calls")
    parser.add_argument("--targets", type=int, default=100, help="calls with a target")
    parser.add_argument("--packets", type=int, default=1_000_000, help="RTP packets in all (SIP comes on top)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--liid-prefix", default="VOIP", help="LIIDs are PREFIX0001, PREFIX0002, ...")
    args = parser.parse_args()
    if not 0 < args.targets <= args.calls <= 20_000:
        parser.error("need 0 < targets <= calls <= 20000")
    rtp_packets = max(1, args.packets // (2 * args.calls))
    rng = random.Random(args.seed)
    spread = max(1, min(50, args.calls))
    calls = [Call(i, i % spread, rtp_packets) for i in range(args.calls)]
    targets = sorted(rng.sample(range(args.calls), args.targets))
    slot_us = TICK_US // args.calls
    writer = capture.Writer(args.out)
    base = writer.time
    frames = Frames(writer)
    voice = bytes(rng.getrandbits(8) for _ in range(4096))
    events = {}
    for call in calls:
        for tick, from_phone, text in call.signalling():
            events.setdefault(call.start_tick + tick, []).append((call, from_phone, text))
    headers = {call.index: (rtp_headers(call, 0), rtp_headers(call, 1)) for call in calls}
    last_tick = max(events)
    rtp_total = 0
    for tick in range(last_tick + 1):
        sip = {}
        for call, from_phone, text in events.get(tick, []):
            sip.setdefault(call.index, []).append((from_phone, text))
        for call in calls:
            time = base + tick * TICK_US + call.index * slot_us + 1
            for offset, (from_phone, text) in enumerate(sip.get(call.index, [])):
                source, destination = (call.phone, SIP_SERVER) if from_phone else (SIP_SERVER, call.phone)
                frames.udp(source, SIP_PORT, destination, SIP_PORT, text, time + offset * 2)
            if not call.start_tick + 3 <= tick < call.start_tick + 3 + call.rtp_packets:
                continue
            for direction in (0, 1):
                sequence = call.sequence[direction]
                call.sequence[direction] += 1
                rtp = struct.pack("!BBHII", 0x80, 0, sequence & 0xFFFF, sequence * RTP_PAYLOAD & 0xFFFFFFFF,
                                  call.ssrc[direction])
                start = (call.index * 7 + sequence * 13 + direction * 101) % (4096 - RTP_PAYLOAD)
                data = headers[call.index][direction] + rtp + voice[start:start + RTP_PAYLOAD]
                frames.raw(data, time + 6 + direction * 2)
                rtp_total += 1
    writer.close()
    setup = {
        "pcap": args.out,
        "frames": writer.frames,
        "rtp_packets": rtp_total,
        "calls": args.calls,
        "sip_server": {"ip": SIP_SERVER, "port": SIP_PORT, "transport": "udp"},
        "users": args.calls,
        "warrants": [{"liid": "%s%04d" % (args.liid_prefix, k + 1), "kind": "voip",
                      "sip_uri": "sip:%s@%s" % (calls[i].user, DOMAIN), "call_id": calls[i].call_id,
                      "target_is_caller": calls[i].outgoing,
                      "expected": {"iris": IRIS, "cc": 2 * rtp_packets,
                                   "cc_from_target": rtp_packets, "cc_to_target": rtp_packets}}
                     for k, i in enumerate(targets)],
    }
    with open(args.out.rsplit(".", 1)[0] + ".json", "w") as out_json:
        json.dump(setup, out_json, indent=1)


if __name__ == "__main__":
    main()
