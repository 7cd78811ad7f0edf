#!/usr/bin/env python3
"""Writes a deterministic synthetic capture of RADIUS-authenticated subscribers and their traffic.

Every subscriber authenticates (Access-Request/Accept with a Framed-IP-Address), starts accounting, sends and
receives UDP/TCP traffic, gets one Interim-Update halfway and stops at the end. Some subscribers are targets.
Next to the pcap a JSON file describes the set-up (RADIUS server, users, targets, LIIDs) and what an LI
collector must deliver for it (per target: 4 IRIs and the exact CC count), so the same workload can be run
through any collector.

Usage: make-capture.py --out FILE.pcap [--users N] [--targets N] [--packets N] [--target-share F] [--seed N]
                       [--liid-prefix TEXT]
"""
import argparse
import json
import random
import struct

RADIUS_SERVER = "10.255.0.1"
NAS = "10.255.0.2"
ETHERNET = b"\x02\x00\x00\x00\x00\x01\x02\x00\x00\x00\x00\x02\x08\x00"


def ip_bytes(text):
    return bytes(int(part) for part in text.split("."))


def checksum(header):
    total = sum(struct.unpack("!10H", header))
    total = (total & 0xFFFF) + (total >> 16)
    total = (total & 0xFFFF) + (total >> 16)
    return (~total) & 0xFFFF


def ipv4(source, destination, protocol, payload, identifier):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), identifier & 0xFFFF, 0x4000, 64, protocol, 0,
                         source, destination)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def udp(source_port, destination_port, data):
    return struct.pack("!HHHH", source_port, destination_port, 8 + len(data), 0) + data


def tcp(source_port, destination_port, sequence, data):
    return struct.pack("!HHIIBBHHH", source_port, destination_port, sequence, 0, 0x50, 0x18, 65535, 0, 0) + data


def attribute(kind, value):
    return struct.pack("!BB", kind, 2 + len(value)) + value


def radius(code, identifier, attributes, rng):
    body = b"".join(attributes)
    return struct.pack("!BBH", code, identifier, 20 + len(body)) + rng.randbytes(16) + body


class Writer:
    def __init__(self, path):
        self.file = open(path, "wb")
        self.file.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 262144, 1))
        self.time = 1767225600 * 1_000_000
        self.frames = 0

    def frame(self, ip_packet, step=1):
        self.time += step
        data = ETHERNET + ip_packet
        self.file.write(struct.pack("<IIII", self.time // 1_000_000, self.time % 1_000_000, len(data), len(data)))
        self.file.write(data)
        self.frames += 1

    def close(self):
        self.file.close()


def radius_frame(writer, to_server, port, message, identifier):
    nas, server = ip_bytes(NAS), ip_bytes(RADIUS_SERVER)
    source, destination = (nas, server) if to_server else (server, nas)
    ports = (40000 + port % 1000, port) if to_server else (port, 40000 + port % 1000)
    writer.frame(ipv4(source, destination, 17, udp(ports[0], ports[1], message), identifier), step=50)


def session_messages(writer, user, rng, phase):
    name = user["name"].encode()
    address = ip_bytes(user["ip"])
    session_id = user["session"].encode()
    identifier = user["index"] & 0xFF
    common = [attribute(4, ip_bytes(NAS)), attribute(5, struct.pack("!I", user["index"])),
              attribute(31, user["mac"].encode())]
    if phase == "start":
        radius_frame(writer, True, 1812, radius(1, identifier, [attribute(1, name)] + common, rng), identifier)
        radius_frame(writer, False, 1812, radius(2, identifier, [attribute(8, address)], rng), identifier)
        status = 1
    else:
        status = 3 if phase == "interim" else 2
    accounting = [attribute(1, name), attribute(40, struct.pack("!I", status)), attribute(44, session_id),
                  attribute(8, address)] + common
    if status != 1:
        accounting += [attribute(42, struct.pack("!I", user["index"] * 1000)),
                       attribute(43, struct.pack("!I", user["index"] * 2000))]
    if status == 2:
        accounting.append(attribute(49, struct.pack("!I", 1)))
    radius_frame(writer, True, 1813, radius(4, identifier, accounting, rng), identifier)
    radius_frame(writer, False, 1813, radius(5, identifier, [], rng), identifier)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--targets", type=int, default=100)
    parser.add_argument("--packets", type=int, default=1_000_000, help="traffic packets (RADIUS comes on top)")
    parser.add_argument("--target-share", type=float, default=0.10, help="share of traffic that is a target's")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--liid-prefix", default="BENCH", help="LIIDs are PREFIX0001, PREFIX0002, ...")
    args = parser.parse_args()
    if not 0 < args.targets <= args.users or args.users > 60_000:
        parser.error("need 0 < targets <= users <= 60000")
    rng = random.Random(args.seed)
    users = [{"index": i + 1, "name": "user%05d" % (i + 1), "ip": "100.64.%d.%d" % ((i + 1) // 250, (i + 1) % 250 + 1),
              "session": "S%08X" % (i + 1), "mac": "02-00-00-%02X-%02X-%02X" % ((i >> 16) & 255, (i >> 8) & 255, i & 255)}
             for i in range(args.users)]
    targets = sorted(rng.sample(range(args.users), args.targets))
    target_set = set(targets)
    others = [i for i in range(args.users) if i not in target_set] or targets
    writer = Writer(args.out)
    for user in users:
        session_messages(writer, user, rng, "start")
    payloads = {size: bytes(size) for size in range(0, 1500)}
    cc = {users[i]["name"]: {"from_target": 0, "to_target": 0} for i in targets}
    internet = [ip_bytes("198.18.%d.%d" % (i // 200, i % 200 + 1)) for i in range(4000)]
    for n in range(args.packets):
        if n == args.packets // 2:
            for user in users:
                session_messages(writer, user, rng, "interim")
        is_target = rng.random() < args.target_share
        user = users[rng.choice(targets) if is_target else rng.choice(others)]
        size = rng.randint(64, 1500)
        data = payloads[max(0, size - 14 - 20 - 20)]
        remote = internet[rng.randrange(len(internet))]
        upstream = rng.random() < 0.5
        source, destination = (ip_bytes(user["ip"]), remote) if upstream else (remote, ip_bytes(user["ip"]))
        if rng.random() < 0.7:
            body = ipv4(source, destination, 6, tcp(443 if not upstream else 50000 + n % 10000,
                                                   50000 + n % 10000 if not upstream else 443, n, data), n)
        else:
            body = ipv4(source, destination, 17, udp(53000, 53, data[:-12] if len(data) >= 12 else data), n)
        writer.frame(body)
        if is_target:
            cc[user["name"]]["from_target" if upstream else "to_target"] += 1
    for user in users:
        session_messages(writer, user, rng, "stop")
    writer.close()
    setup = {
        "pcap": args.out,
        "frames": writer.frames,
        "traffic_packets": args.packets,
        "radius_server": {"ip": RADIUS_SERVER, "auth_port": 1812, "acct_port": 1813},
        "nas": NAS,
        "users": len(users),
        "warrants": [{"liid": "%s%04d" % (args.liid_prefix, k + 1), "user": users[i]["name"], "ip": users[i]["ip"],
                      "expected": {"iris": ["IRI-REPORT accessAttempt", "IRI-BEGIN accessAccept",
                                            "IRI-CONTINUE interimUpdate", "IRI-END accessEnd"],
                                   "cc": cc[users[i]["name"]]["from_target"] + cc[users[i]["name"]]["to_target"],
                                   "cc_from_target": cc[users[i]["name"]]["from_target"],
                                   "cc_to_target": cc[users[i]["name"]]["to_target"]}}
                     for k, i in enumerate(targets)],
    }
    with open(args.out.rsplit(".", 1)[0] + ".json", "w") as out:
        json.dump(setup, out, indent=1)


if __name__ == "__main__":
    main()
