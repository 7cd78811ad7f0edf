#!/usr/bin/env python3
"""Writes a deterministic synthetic capture of RADIUS session churn: many subscribers logging on and off
interleaved with their traffic, some of them targets.

First every subscriber logs on, in random order (Access-Request carrying the session's Acct-Session-Id,
Access-Accept with a Framed-IP-Address, Accounting Start and its response), with traffic of the subscribers
already online in between. Then, until the capture has its frames, each step is either a traffic packet of a random
online subscriber (a target's with --target-share) or a RADIUS event of a random subscriber: an online one sends an
Interim-Update or stops (Stop with its response), an offline one logs on again with a new session (new
Acct-Session-Id, new address). Sessions still open at the end stay open (no Stop). Every session has its own
address, so no address is reused while the capture runs.

Next to the pcap a JSON file describes the set-up (RADIUS server, NASes, users, targets, LIIDs) and what an LI
collector must deliver for it: per target the IRIs of each of its sessions (IRI-REPORT accessAttempt, IRI-BEGIN
accessAccept, IRI-CONTINUE per Interim-Update, IRI-END at Stop) and the exact CC count.

Usage: make-churn.py --out FILE.pcap [--users N] [--targets N] [--packets N] [--target-share F] [--seed N]
                     [--liid-prefix TEXT]
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

RADIUS_SERVER = "10.255.0.1"
NASES = ["10.255.1.%d" % (k + 1) for k in range(4)]
ADDRESS_BASE = (100 << 24) | (64 << 16)  # 100.64.0.0/10, one address per session
INTERNET = [bytes((198, 18 + k // 50000 % 2, k // 200 % 250, k % 200 + 1)) for k in range(4000)]


def address_text(value):
    return "%d.%d.%d.%d" % (value >> 24, (value >> 16) & 255, (value >> 8) & 255, value & 255)


class Churn:
    """The subscribers' state and the capture being written."""

    def __init__(self, args, rng, writer):
        self.rng = rng
        self.writer = writer
        self.users = ["user%06d" % (i + 1) for i in range(args.users)]
        self.targets = set(sorted(rng.sample(range(args.users), args.targets)))
        self.session = [None] * args.users  # (session id, address value, address bytes) while online
        self.online = []  # indexes of online non-targets
        self.online_targets = []
        self.position = {}  # index -> position in its online list
        self.sessions = 0
        self.request = 0
        self.expected = {i: {"sessions": 0, "iris": [], "cc": 0, "cc_from_target": 0, "cc_to_target": 0}
                         for i in self.targets}

    def _list(self, index):
        return self.online_targets if index in self.targets else self.online

    def _add(self, index):
        members = self._list(index)
        self.position[index] = len(members)
        members.append(index)

    def _remove(self, index):
        members = self._list(index)
        position = self.position.pop(index)
        last = members.pop()
        if last != index:
            members[position] = last
            self.position[last] = position

    def exchange(self, index, request, response, port):
        nas = capture.ip_bytes(NASES[index % len(NASES)])
        server = capture.ip_bytes(RADIUS_SERVER)
        self.request += 1
        identifier = self.request & 0xFF
        client_port = 40000 + self.request % 2000
        for to_server, message in ((True, request(identifier)), (False, response(identifier))):
            source, destination = (nas, server) if to_server else (server, nas)
            ports = (client_port, port) if to_server else (port, client_port)
            self.writer.frame(capture.ipv4(source, destination, 17, capture.udp(ports[0], ports[1], message),
                                           self.request), step=20)

    def common(self, index):
        return [capture.attribute(4, capture.ip_bytes(NASES[index % len(NASES)])),
                capture.attribute(5, struct.pack("!I", index + 1)),
                capture.attribute(31, ("02-00-%02X-%02X-%02X-%02X" % (
                    (index >> 24) & 255, (index >> 16) & 255, (index >> 8) & 255, index & 255)).encode())]

    def accounting(self, index, status):
        session_id, _, address = self.session[index]
        attributes = [capture.attribute(1, self.users[index].encode()),
                      capture.attribute(40, struct.pack("!I", status)), capture.attribute(44, session_id.encode()),
                      capture.attribute(8, address)] + self.common(index)
        if status != 1:
            attributes += [capture.attribute(42, struct.pack("!I", 1000)),
                           capture.attribute(43, struct.pack("!I", 2000))]
        if status == 2:
            attributes.append(capture.attribute(49, struct.pack("!I", 1)))
        self.exchange(index, lambda i: capture.radius(4, i, attributes, self.rng),
                      lambda i: capture.radius(5, i, [], self.rng), 1813)

    def log_on(self, index):
        self.sessions += 1
        value = ADDRESS_BASE + self.sessions
        session_id = "C%08X" % self.sessions
        self.session[index] = (session_id, value, struct.pack("!I", value))
        name = self.users[index].encode()
        request = [capture.attribute(1, name), capture.attribute(44, session_id.encode())] + self.common(index)
        self.exchange(index, lambda i: capture.radius(1, i, request, self.rng),
                      lambda i: capture.radius(2, i, [capture.attribute(8, struct.pack("!I", value))], self.rng), 1812)
        self.accounting(index, 1)
        self._add(index)
        if index in self.targets:
            self.expected[index]["sessions"] += 1
            self.expected[index]["iris"] += ["IRI-REPORT accessAttempt", "IRI-BEGIN accessAccept"]

    def interim(self, index):
        self.accounting(index, 3)
        if index in self.targets:
            self.expected[index]["iris"].append("IRI-CONTINUE interimUpdate")

    def stop(self, index):
        self.accounting(index, 2)
        self._remove(index)
        self.session[index] = None
        if index in self.targets:
            self.expected[index]["iris"].append("IRI-END accessEnd")

    def traffic(self, share, payloads, count):
        use_target = self.online_targets and (not self.online or self.rng.random() < share)
        members = self.online_targets if use_target else self.online
        if not members:
            return
        index = members[self.rng.randrange(len(members))]
        address = self.session[index][2]
        size = self.rng.randint(64, 1500)
        remote = INTERNET[self.rng.randrange(len(INTERNET))]
        upstream = self.rng.random() < 0.5
        source, destination = (address, remote) if upstream else (remote, address)
        data = payloads[max(0, size - 14 - 20 - 20)]
        port = 50000 + count % 10000
        if self.rng.random() < 0.7:
            body = capture.ipv4(source, destination, 6,
                                capture.tcp(port if upstream else 443, 443 if upstream else port, count, data), count)
        else:
            datagram = capture.udp(53000, 53, data[:-12] if len(data) >= 12 else data)
            body = capture.ipv4(source, destination, 17, datagram, count)
        self.writer.frame(body)
        if index in self.targets:
            expected = self.expected[index]
            expected["cc"] += 1
            expected["cc_from_target" if upstream else "cc_to_target"] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--users", type=int, default=100_000)
    parser.add_argument("--targets", type=int, default=100)
    parser.add_argument("--packets", type=int, default=1_000_000, help="frames in all (about)")
    parser.add_argument("--target-share", type=float, default=0.10, help="share of traffic that is a target's")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--liid-prefix", default="CHURN", help="LIIDs are PREFIX0001, PREFIX0002, ...")
    args = parser.parse_args()
    if not 0 < args.targets <= args.users <= 1_000_000:
        parser.error("need 0 < targets <= users <= 1000000")
    rng = random.Random(args.seed)
    writer = capture.Writer(args.out)
    churn = Churn(args, rng, writer)
    payloads = {size: bytes(size) for size in range(0, 1500)}
    order = list(range(args.users))
    rng.shuffle(order)
    traffic = 0
    for index in order:
        churn.log_on(index)
        if rng.random() < 0.25:
            traffic += 1
            churn.traffic(args.target_share, payloads, traffic)
    events = {"log_on": args.users, "interim": 0, "stop": 0}
    while writer.frames < args.packets:
        if rng.random() < 0.5:
            traffic += 1
            churn.traffic(args.target_share, payloads, traffic)
            continue
        index = rng.randrange(args.users)
        if churn.session[index] is None:
            churn.log_on(index)
            events["log_on"] += 1
        elif rng.random() < 0.5:
            churn.interim(index)
            events["interim"] += 1
        else:
            churn.stop(index)
            events["stop"] += 1
    writer.close()
    setup = {
        "pcap": args.out,
        "frames": writer.frames,
        "traffic_packets": traffic,
        "radius_events": events,
        "sessions": churn.sessions,
        "sessions_open_at_end": len(churn.online) + len(churn.online_targets),
        "radius_server": {"ip": RADIUS_SERVER, "auth_port": 1812, "acct_port": 1813},
        "nas": NASES,
        "users": args.users,
        "warrants": [{"liid": "%s%04d" % (args.liid_prefix, k + 1), "user": churn.users[i],
                      "expected": churn.expected[i]}
                     for k, i in enumerate(sorted(churn.targets))],
    }
    with open(args.out.rsplit(".", 1)[0] + ".json", "w") as out:
        json.dump(setup, out, indent=1)


if __name__ == "__main__":
    main()
