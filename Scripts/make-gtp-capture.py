#!/usr/bin/env python3
"""Writes a deterministic synthetic capture of mobile subscribers attached over GTPv2-C and their GTP-U traffic.

One SGW-C (10.1.0.1) and one PGW-C (10.1.0.2) talk GTPv2-C on udp/2123 (S5/S8); one SGW-U (10.1.0.11) and one PGW-U
(10.1.0.12) carry the user plane as GTP-U on udp/2152. Every subscriber attaches with a Create Session Request
(SGW-C -> PGW-C, header TEID 0: IMSI, MSISDN, MEI, Serving Network, RAT type EUTRAN, the SGW-C's Sender F-TEID for
Control Plane, APN "internet", Selection Mode, PDN type IPv4, PAA 0.0.0.0, APN restriction, and a Bearer Context to
be created with EBI 5, the S5/S8-U SGW F-TEID and the bearer QoS) answered, with the same sequence number and the
header TEID the SGW-C's, by a Create Session Response (cause 16: the PGW-C's S5/S8 F-TEID for Control Plane, the PAA
with the subscriber's IPv4 address from 100.64.0.0/10, APN restriction, and a Bearer Context created with EBI 5,
cause 16 and the S5/S8-U PGW F-TEID). Every TEID is distinct per node, not across nodes
(teids_shared_by_sgw_u_and_pgw_u counts the SGW-U TEIDs that are also PGW-U TEIDs: a tunnel is its endpoint address
and TEID). About 90% of the subscribers attach before any user traffic, the rest during the first half of it. The
G-PDUs (GTP-U version 1, PT 1, no optional fields, TEID the receiving side's: uplink SGW-U -> PGW-U on the PGW-U
TEID, downlink PGW-U -> SGW-U on the SGW-U TEID) carry inner IPv4 TCP (70%) or UDP packets of 60-1400 octets between
the subscriber's PDN address and the internet (198.18.0.0/15), each of an attached subscriber, a target's about
--target-share of the time. GTPv2-C and GTP-U Echo Request/Response pairs are interleaved now and then. At the end a
few subscribers (a quarter of the targets among them) detach with a Delete Session Request (header TEID the PGW-C's,
linked EBI 5) and Response (header TEID the SGW-C's, cause 16), each followed by one stale G-PDU on its downlink
tunnel. Outer and inner IPv4 checksums are right, UDP checksums are 0, inner TCP checksums are right.

Next to the pcap a JSON file describes the set-up (GTP-C servers, user-plane endpoints, targets, LIIDs, the warrant
identity of each, alternately its IMSI and its MSISDN) and what an LI collector must deliver for it, per LIID, under
these rules (Tests/Fixtures/captures/README.md). A target's session opens at the Create Session Response that accepts
it (IRI-BEGIN) and ends at its Delete Session Response (IRI-END); its CCs are the G-PDUs on its two tunnels (matched on
the GTP-U endpoint address and TEID from the F-TEIDs) strictly after the Create Session Response and before the Delete
Session Request, one CC per G-PDU (uplink fromTarget, downlink toTarget). No G-PDU of a subscriber lies between its
Create Session Request and Response or between its Delete Session Request and Response, so an appliance that opens or
closes the session on the request counts the same. Echoes and the stale G-PDUs after a Delete give nothing.
gtpu_payload_bytes is the inner IP packets of all G-PDUs.

Usage: make-gtp-capture.py --out FILE.pcap [--subscribers N] [--targets N] [--packets N] [--target-share F]
                           [--deletes N] [--seed N] [--liid-prefix TEXT]
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

SGW_C, PGW_C, SGW_U, PGW_U = "10.1.0.1", "10.1.0.2", "10.1.0.11", "10.1.0.12"
GTPC_PORT, GTPU_PORT = 2123, 2152
APN = "internet"
MCC, MNC = "001", "01"
EBI = 5
INNER_MIN, INNER_MAX = 60, 1400
LATE_SHARE = 0.10  # subscribers that attach during the first half of the traffic
ECHO_EVERY = 100_000  # G-PDUs between two echo rounds

# GTPv2-C message types (TS 29.274 §6.1) and IE types (§8.1)
ECHO_REQUEST, ECHO_RESPONSE = 1, 2
CREATE_SESSION_REQUEST, CREATE_SESSION_RESPONSE = 32, 33
DELETE_SESSION_REQUEST, DELETE_SESSION_RESPONSE = 36, 37
IE_IMSI, IE_CAUSE, IE_RECOVERY, IE_APN, IE_EBI, IE_MEI, IE_MSISDN = 1, 2, 3, 71, 73, 75, 76
IE_PAA, IE_BEARER_QOS, IE_RAT_TYPE, IE_SERVING_NETWORK, IE_FTEID = 79, 80, 82, 83, 87
IE_BEARER_CONTEXT, IE_PDN_TYPE, IE_APN_RESTRICTION, IE_SELECTION_MODE = 93, 99, 127, 128
CAUSE_ACCEPTED = 16
RAT_EUTRAN = 6
PDN_IPV4 = 1
# F-TEID interface types (§8.22)
S5S8_SGW_GTPU, S5S8_PGW_GTPU, S5S8_SGW_GTPC, S5S8_PGW_GTPC = 4, 5, 6, 7
# GTP-U (TS 29.281 §6.1): echo and G-PDU; Recovery IE (TV, type 14)
GTPU_ECHO_REQUEST, GTPU_ECHO_RESPONSE, GPDU = 1, 2, 255


def tbcd(digits):
    """Digits two to an octet, the first in the low nibble; an odd count filled with 1111 (TS 29.274 §8.3)."""
    if len(digits) % 2:
        digits += "f"
    return bytes(int(digits[k + 1], 16) << 4 | int(digits[k]) for k in range(0, len(digits), 2))


def ie(kind, value, instance=0):
    """Type, length (of the value), spare + instance, value (§8.2.1)."""
    return struct.pack("!BHB", kind, len(value), instance & 0x0F) + value


def fteid(interface, teid, address, instance=0):
    return ie(IE_FTEID, struct.pack("!BI", 0x80 | interface, teid) + capture.ip_bytes(address), instance)


def apn_labels(name):
    return b"".join(bytes([len(label)]) + label.encode("ascii") for label in name.split("."))


def gtpv2(message_type, sequence, body, teid=None):
    """The header (§5.1): version 2, T flag when there is a TEID, length of everything after the first 4 octets,
    then the 3-octet sequence number and a spare octet."""
    if teid is None:
        return struct.pack("!BBH", 0x40, message_type, 4 + len(body)) + struct.pack("!I", sequence << 8) + body
    return struct.pack("!BBHI", 0x48, message_type, 8 + len(body), teid) + struct.pack("!I", sequence << 8) + body


def gtpu(message_type, teid, body, sequence=None):
    """The header (TS 29.281 §5.1): version 1, PT 1, S when there is a sequence number (then N-PDU number and next
    extension header type follow, both 0), length of everything after the first 8 octets."""
    if sequence is None:
        return struct.pack("!BBHI", 0x30, message_type, len(body), teid) + body
    return struct.pack("!BBHIHBB", 0x32, message_type, 4 + len(body), teid, sequence, 0, 0) + body


def luhn_completed(digits):
    total = 0
    for k, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if k % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return digits + str((10 - total % 10) % 10)


def serving_network():
    mcc, mnc = MCC, MNC + ("f" if len(MNC) == 2 else "")
    return bytes([int(mcc[1]) << 4 | int(mcc[0]), int(mnc[2], 16) << 4 | int(mcc[2]), int(mnc[1]) << 4 | int(mnc[0])])


# the default bearer's QoS (§8.15): may not pre-empt (PCI 1), priority level 9, pre-emptable (PVI 0), QCI 9,
# no bit rates
BEARER_QOS = ie(IE_BEARER_QOS, struct.pack("!BB", 0x40 | 9 << 2, 9) + bytes(20))


class Subscriber:
    def __init__(self, index, imsi, msisdn, mei, address, teids):
        self.index = index
        self.imsi = imsi
        self.msisdn = msisdn
        self.mei = mei
        self.address = address
        self.address_bytes = capture.ip_bytes(address)
        self.sgw_c, self.pgw_c, self.sgw_u, self.pgw_u = teids
        self.sequence = 0
        self.target = None  # LIID
        self.attached = False
        self.deleted = False
        self.uplink = self.downlink = 0  # G-PDUs while attached

    def create_request(self, sequence):
        bearer = ie(IE_EBI, bytes([EBI])) + fteid(S5S8_SGW_GTPU, self.sgw_u, SGW_U, instance=2) + BEARER_QOS
        body = (ie(IE_IMSI, tbcd(self.imsi)) + ie(IE_MSISDN, tbcd(self.msisdn)) + ie(IE_MEI, tbcd(self.mei))
                + ie(IE_SERVING_NETWORK, serving_network()) + ie(IE_RAT_TYPE, bytes([RAT_EUTRAN]))
                + fteid(S5S8_SGW_GTPC, self.sgw_c, SGW_C) + ie(IE_APN, apn_labels(APN))
                + ie(IE_SELECTION_MODE, bytes([0])) + ie(IE_PDN_TYPE, bytes([PDN_IPV4]))
                + ie(IE_PAA, bytes([PDN_IPV4]) + bytes(4)) + ie(IE_APN_RESTRICTION, bytes([0]))
                + ie(IE_BEARER_CONTEXT, bearer))
        return gtpv2(CREATE_SESSION_REQUEST, sequence, body, teid=0)

    def create_response(self, sequence):
        bearer = (ie(IE_EBI, bytes([EBI])) + ie(IE_CAUSE, bytes([CAUSE_ACCEPTED, 0]))
                  + fteid(S5S8_PGW_GTPU, self.pgw_u, PGW_U, instance=2))
        body = (ie(IE_CAUSE, bytes([CAUSE_ACCEPTED, 0])) + fteid(S5S8_PGW_GTPC, self.pgw_c, PGW_C, instance=1)
                + ie(IE_PAA, bytes([PDN_IPV4]) + self.address_bytes) + ie(IE_APN_RESTRICTION, bytes([0]))
                + ie(IE_BEARER_CONTEXT, bearer))
        return gtpv2(CREATE_SESSION_RESPONSE, sequence, body, teid=self.sgw_c)

    def delete_request(self, sequence):
        return gtpv2(DELETE_SESSION_REQUEST, sequence, ie(IE_EBI, bytes([EBI])), teid=self.pgw_c)

    def delete_response(self, sequence):
        return gtpv2(DELETE_SESSION_RESPONSE, sequence, ie(IE_CAUSE, bytes([CAUSE_ACCEPTED, 0])), teid=self.sgw_c)


def make_subscribers(count, rng):
    """Distinct IMSIs (00101 + 10 digits), MSISDNs (4477009 + 5-8 digits), IMEIs (15 digits, Luhn check digit),
    PDN addresses (100.64.0.0/10, no .0 or .255) and TEIDs (per node, non-zero)."""
    imsis = rng.sample(range(10 ** 10), count)
    msisdns = set()
    while len(msisdns) < count:
        length = rng.randint(5, 8)
        msisdns.add("4477009" + "%0*d" % (length, rng.randrange(10 ** length)))
    msisdns = sorted(msisdns)
    rng.shuffle(msisdns)
    serials = rng.sample(range(10 ** 6), count)
    hosts = (h for h in rng.sample(range(1, (1 << 22) - 1), 2 * count) if h & 0xFF not in (0, 255))
    teids = [rng.sample(range(1, 1 << 32), count) for _ in range(4)]
    subscribers = []
    for i in range(count):
        host = next(hosts)
        address = "100.%d.%d.%d" % (64 + (host >> 16), (host >> 8) & 0xFF, host & 0xFF)
        mei = luhn_completed("35693803" + "%06d" % serials[i])
        subscribers.append(Subscriber(i, "00101%010d" % imsis[i], msisdns[i], mei, address,
                                      tuple(t[i] for t in teids)))
    return subscribers


def internet_address(index):
    return "198.18.%d.%d" % (index // 200, index % 200 + 1)


def tcp_checksum(source, destination, segment_header, payload_length):
    """Over the pseudo-header and the header; the payload is all zeros and adds nothing."""
    length = len(segment_header) + payload_length
    words = struct.unpack("!2H2H", source + destination) + (6, length) + struct.unpack(
        "!%dH" % (len(segment_header) // 2), segment_header)
    total = sum(words)
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return (~total) & 0xFFFF


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--subscribers", type=int, default=100_000)
    parser.add_argument("--targets", type=int, default=100)
    parser.add_argument("--packets", type=int, default=1_000_000, help="G-PDUs (GTP-C and echoes come on top)")
    parser.add_argument("--target-share", type=float, default=0.10, help="share of the G-PDUs that are a target's")
    parser.add_argument("--deletes", type=int, help="subscribers detaching at the end (default: 1%%, at least "
                                                    "a quarter of the targets)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--liid-prefix", default="MOB-", help="LIIDs are PREFIX0000, PREFIX0001, ...")
    args = parser.parse_args()
    if not 0 < args.targets < args.subscribers <= 1_000_000 or args.packets < 0:
        parser.error("need 0 < targets < subscribers <= 1000000, packets >= 0")
    deletes = args.deletes if args.deletes is not None else max(args.targets // 4, args.subscribers // 100)
    if not 0 <= deletes <= args.subscribers:
        parser.error("need 0 <= deletes <= subscribers")
    rng = random.Random(args.seed)
    subscribers = make_subscribers(args.subscribers, rng)
    order = list(range(args.subscribers))  # attach order
    rng.shuffle(order)
    targets = sorted(rng.sample(range(args.subscribers), args.targets))
    warrants = []
    for k, i in enumerate(targets):
        subscriber = subscribers[i]
        subscriber.target = "%s%04d" % (args.liid_prefix, k)
        kind = "imsi" if k % 2 == 0 else "msisdn"
        warrants.append({"liid": subscriber.target, "kind": "mobile", "identity": kind,
                         "digits": subscriber.imsi if kind == "imsi" else subscriber.msisdn, "subscriber": i})
    target_set = set(targets)
    others = [i for i in range(args.subscribers) if i not in target_set]
    deleted_targets = rng.sample(targets, max(min(args.targets // 4, deletes), deletes - len(others)))
    detaching = deleted_targets + rng.sample(others, min(len(others), deletes - len(deleted_targets)))
    rng.shuffle(detaching)

    writer = capture.Writer(args.out)
    addresses = {name: capture.ip_bytes(name) for name in (SGW_C, PGW_C, SGW_U, PGW_U)}
    internet = [capture.ip_bytes(internet_address(i)) for i in range(4000)]
    zeros = bytes(INNER_MAX)
    counts = {"gtpc": 0, "gpdu": 0, "stale_gpdu": 0, "gtpc_echo": 0, "gtpu_echo": 0, "creates": 0, "deletes": 0}
    payload_bytes = 0
    identifier = 0
    sequence = 0

    def send(source, destination, port, message, step):
        nonlocal identifier
        identifier += 1
        writer.frame(capture.ipv4(addresses[source], addresses[destination], 17,
                                  capture.udp(port, port, message), identifier), step=step)

    def next_sequence():
        nonlocal sequence
        sequence = sequence % 0xFFFFFF + 1
        return sequence

    def control(source, destination, message):
        counts["gtpc"] += 1
        send(source, destination, GTPC_PORT, message, step=rng.randint(5, 20))

    def attach(subscriber):
        number = next_sequence()
        control(SGW_C, PGW_C, subscriber.create_request(number))
        control(PGW_C, SGW_C, subscriber.create_response(number))
        subscriber.attached = True
        counts["creates"] += 1

    def echo_round():
        number = next_sequence()
        recovery = ie(IE_RECOVERY, bytes([1]))
        control(SGW_C, PGW_C, gtpv2(ECHO_REQUEST, number, recovery))
        control(PGW_C, SGW_C, gtpv2(ECHO_RESPONSE, number, recovery))
        counts["gtpc_echo"] += 2
        number &= 0xFFFF
        send(SGW_U, PGW_U, GTPU_PORT, gtpu(GTPU_ECHO_REQUEST, 0, b"", sequence=number), step=5)
        send(PGW_U, SGW_U, GTPU_PORT, gtpu(GTPU_ECHO_RESPONSE, 0, b"\x0e\x00", sequence=number), step=5)
        counts["gtpu_echo"] += 2

    def gpdu(subscriber, uplink, step):
        """One G-PDU of the subscriber's; -> the inner packet's length."""
        nonlocal identifier
        size = rng.randint(INNER_MIN, INNER_MAX)
        remote = internet[rng.randrange(len(internet))]
        port = 50000 + rng.randrange(4000)  # clear of ports tshark dissects by number (traceroute, TZSP, ...)
        source, destination = (subscriber.address_bytes, remote) if uplink else (remote, subscriber.address_bytes)
        identifier += 1
        if rng.random() < 0.7:
            ports = (port, 443) if uplink else (443, port)
            header = struct.pack("!HHIIBBHHH", ports[0], ports[1], identifier, 0, 0x50, 0x18, 65535, 0, 0)
            header = header[:16] + struct.pack("!H", tcp_checksum(source, destination, header, size - 40)) + \
                header[18:]
            inner = capture.ipv4(source, destination, 6, header + zeros[:size - 40], identifier)
        else:
            ports = (port, 443) if uplink else (443, port)
            inner = capture.ipv4(source, destination, 17, capture.udp(ports[0], ports[1], zeros[:size - 28]),
                                 identifier)
        if uplink:
            send(SGW_U, PGW_U, GTPU_PORT, gtpu(GPDU, subscriber.pgw_u, inner), step)
        else:
            send(PGW_U, SGW_U, GTPU_PORT, gtpu(GPDU, subscriber.sgw_u, inner), step)
        return size

    late = int(args.subscribers * LATE_SHARE) if args.packets >= 2 else 0
    early_order, late_order = order[:args.subscribers - late], order[args.subscribers - late:]
    echo_round()
    for i in early_order:
        attach(subscribers[i])
    attached_targets = [i for i in early_order if subscribers[i].target]
    attached_others = [i for i in early_order if not subscribers[i].target]
    late_at = {}  # G-PDU index -> subscribers attaching just before it
    for k, i in enumerate(late_order):
        late_at.setdefault(1 + k * (args.packets // 2) // late, []).append(i)  # after the first G-PDU
    for n in range(args.packets):
        for i in late_at.get(n, ()):
            attach(subscribers[i])
            (attached_targets if subscribers[i].target else attached_others).append(i)
        if n and n % ECHO_EVERY == 0:
            echo_round()
        pool = attached_targets if attached_targets and (rng.random() < args.target_share or not attached_others) \
            else attached_others
        subscriber = subscribers[pool[rng.randrange(len(pool))]]
        uplink = rng.random() < 0.5
        payload_bytes += gpdu(subscriber, uplink, step=rng.randint(1, 4))
        counts["gpdu"] += 1
        if uplink:
            subscriber.uplink += 1
        else:
            subscriber.downlink += 1
    echo_round()
    for i in detaching:
        subscriber = subscribers[i]
        number = next_sequence()
        control(SGW_C, PGW_C, subscriber.delete_request(number))
        control(PGW_C, SGW_C, subscriber.delete_response(number))
        subscriber.deleted = True
        counts["deletes"] += 1
        payload_bytes += gpdu(subscriber, False, step=3)  # stale: the tunnel is gone
        counts["gpdu"] += 1
        counts["stale_gpdu"] += 1
    writer.close()

    for warrant in warrants:
        subscriber = subscribers[warrant.pop("subscriber")]
        iri_types = {"IRI-BEGIN create-session": 1}
        if subscriber.deleted:
            iri_types["IRI-END delete-session"] = 1
        warrant.update({
            "imsi": subscriber.imsi, "msisdn": subscriber.msisdn, "mei": subscriber.mei,
            "pdn_address": subscriber.address, "apn": APN,
            "teids": {"sgw_c": subscriber.sgw_c, "pgw_c": subscriber.pgw_c, "sgw_u": subscriber.sgw_u,
                      "pgw_u": subscriber.pgw_u},
            "deleted": subscriber.deleted,
            "expected": {"iris": sum(iri_types.values()), "ccs": subscriber.uplink + subscriber.downlink,
                         "cc_from_target": subscriber.uplink, "cc_to_target": subscriber.downlink,
                         "iri_types": iri_types}})
    setup = {
        "pcap": args.out,
        "frames": writer.frames,
        "gtpc_frames": counts["gtpc"],
        "gtpu_frames": counts["gpdu"] + counts["gtpu_echo"],
        "traffic_packets": counts["gpdu"],
        "stale_gpdus": counts["stale_gpdu"],
        "echo_frames": {"gtpc": counts["gtpc_echo"], "gtpu": counts["gtpu_echo"]},
        "sessions": {"created": counts["creates"], "deleted": counts["deletes"], "attached_late": late},
        "gtpu_payload_bytes": payload_bytes,
        "teids_shared_by_sgw_u_and_pgw_u": len({s.sgw_u for s in subscribers} & {s.pgw_u for s in subscribers}),
        "servers": [{"kind": "gtp", "role": "SGW-C", "ip": SGW_C, "port": GTPC_PORT},
                    {"kind": "gtp", "role": "PGW-C", "ip": PGW_C, "port": GTPC_PORT}],
        "user_plane": [{"role": "SGW-U", "ip": SGW_U, "port": GTPU_PORT},
                       {"role": "PGW-U", "ip": PGW_U, "port": GTPU_PORT}],
        "apn": APN,
        "subscribers": args.subscribers,
        "targets": [{"liid": w["liid"], "identity": w["identity"], "digits": w["digits"]} for w in warrants],
        "warrants": warrants,
        "expected": {"iris": sum(w["expected"]["iris"] for w in warrants),
                     "ccs": sum(w["expected"]["ccs"] for w in warrants)},
        "rules": __doc__.split("\n\n")[2].replace("\n", " "),
    }
    setup["expected"]["records"] = setup["expected"]["iris"] + setup["expected"]["ccs"]
    with open(args.out.rsplit(".", 1)[0] + ".json", "w") as out:
        json.dump(setup, out, indent=1)


if __name__ == "__main__":
    main()
