#!/usr/bin/env python3
"""Checks a capture of Scripts/make-gtp-capture.py against its JSON, without sharing its code.

Reads the pcap frame by frame (Ethernet, IPv4 with its header checksum, UDP with its length and a zero checksum),
parses every GTPv2-C message on udp/2123 between the two GTP-C servers (TS 29.274: header with the T flag, message
length, 3-octet sequence number; every IE's type, length and instance, grouped Bearer Contexts inside out; TBCD
identities; F-TEIDs with their interface types) and every GTP-U message on udp/2152 between the two user-plane
endpoints (TS 29.281: version 1, PT 1, length, optional fields as the flags say), pairs requests with responses by
sequence number and TEID, learns each session's tunnels from the F-TEIDs, and checks every G-PDU's inner IPv4 packet
(header checksum, length 60-1400, the PDN address on the subscriber's side, TCP checksum). From that it recounts
what the JSON says: frames, GTP-C and GTP-U frames, G-PDUs (and stale ones, after the session's Delete Session
Response), echoes, sessions created, deleted and created after the first G-PDU, inner payload octets, TEIDs that are
both an SGW-U's and a PGW-U's, each target's identities, address and TEIDs, and per LIID the IRIs (IRI-BEGIN at the
accepting Create Session Response, IRI-END at the Delete Session Response) and CCs (G-PDUs on the session's tunnels
after the Create Session Response and before the Delete Session Request) of the subscriber whose IMSI or MSISDN the
warrant names. Prints one line per finding and a summary; exits 1 on any finding.

Usage: check-gtp-capture.py FILE.pcap [FILE.json]
"""
import json
import struct
import sys

problems = []


def problem(text):
    problems.append(text)
    if len(problems) <= 30:
        print("check: " + text)


def ones_complement_sum_ok(data):
    """True when the 16-bit one's-complement sum of data (even length) is 0xFFFF."""
    if len(data) % 2:
        data += b"\0"
    total = sum(memoryview(data).cast("H"))  # native order; the sum's check does not depend on it
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total == 0xFFFF


def dotted(octets):
    return ".".join(str(b) for b in octets)


def digits_of(value):
    """TBCD: low nibble first; a 1111 nibble may only fill the last octet's high half."""
    text = ""
    for k, octet in enumerate(value):
        low, high = octet & 0x0F, octet >> 4
        if low > 9:
            raise ValueError("a TBCD octet with low nibble %x" % low)
        text += str(low)
        if high == 0x0F and k == len(value) - 1:
            break
        if high > 9:
            raise ValueError("a TBCD octet with high nibble %x" % high)
        text += str(high)
    return text


def luhn_ok(digits):
    total = 0
    for k, digit in enumerate(reversed(digits)):
        value = int(digit) * (2 if k % 2 else 1)
        total += value // 10 + value % 10
    return total % 10 == 0


def information_elements(data):
    """-> {(type, instance): value}; grouped IEs (93) as a nested dict. Each (type, instance) at most once."""
    found = {}
    at = 0
    while at < len(data):
        if at + 4 > len(data):
            raise ValueError("an IE header cut short")
        kind, length, instance = struct.unpack("!BHB", data[at:at + 4])
        if instance & 0xF0:
            raise ValueError("IE %d: spare bits set" % kind)
        value = data[at + 4:at + 4 + length]
        if len(value) != length:
            raise ValueError("IE %d: length %d beyond the message" % (kind, length))
        key = (kind, instance & 0x0F)
        if key in found:
            raise ValueError("IE %d instance %d twice" % key)
        found[key] = information_elements(value) if kind == 93 else value
        at += 4 + length
    return found


def need(ies, kind, instance, length=None, what=""):
    value = ies.get((kind, instance))
    if value is None:
        raise ValueError("%s: no IE %d instance %d" % (what, kind, instance))
    if length is not None and len(value) != length:
        raise ValueError("%s: IE %d instance %d of length %d, not %d" % (what, kind, instance, len(value), length))
    return value


def fteid(ies, instance, interface, address, what):
    value = need(ies, 87, instance, 9, what)
    if value[0] != 0x80 | interface:
        raise ValueError("%s: F-TEID flags/interface 0x%02x, expected IPv4 and interface %d" % (
            what, value[0], interface))
    teid = struct.unpack("!I", value[1:5])[0]
    if teid == 0 or value[5:9] != address:
        raise ValueError("%s: F-TEID %08x at %s" % (what, teid, dotted(value[5:9])))
    return teid


def cause_accepted(ies, what):
    value = need(ies, 2, 0, 2, what)
    if value[0] != 16 or value[1] != 0:
        raise ValueError("%s: cause %d (flags %d)" % (what, value[0], value[1]))


class Session:
    def __init__(self, number, imsi, msisdn, mei, sgw_c, sgw_u):
        self.number = number
        self.imsi, self.msisdn, self.mei = imsi, msisdn, mei
        self.sgw_c, self.sgw_u = sgw_c, sgw_u
        self.pgw_c = self.pgw_u = None
        self.address = None
        self.state = "requested"  # -> active -> deleting -> deleted
        self.liids = []
        self.uplink = self.downlink = 0


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[-1])
    path = sys.argv[1]
    with open(sys.argv[2] if len(sys.argv) == 3 else path.rsplit(".", 1)[0] + ".json") as setup_file:
        setup = json.load(setup_file)
    roles = {s["role"]: bytes(int(p) for p in s["ip"].split(".")) for s in setup["servers"] + setup["user_plane"]}
    sgw_c, pgw_c, sgw_u, pgw_u = (roles[r] for r in ("SGW-C", "PGW-C", "SGW-U", "PGW-U"))
    if {s["port"] for s in setup["servers"]} != {2123} or {s["port"] for s in setup["user_plane"]} != {2152}:
        problem("the JSON's ports are not 2123 (GTP-C) and 2152 (GTP-U)")
    warrants = {(t["identity"], t["digits"]): t["liid"] for t in setup["targets"]}
    counted = {liid: {"iris": 0, "ccs": 0, "cc_from_target": 0, "cc_to_target": 0, "iri_types": {}}
               for liid in warrants.values()}
    found_targets = {}
    frames = gtpc = gtpu = gpdus = stale = payload = late = 0
    echoes = {"gtpc": 0, "gtpu": 0}
    created = deleted = 0
    sessions = []
    by_sgw_c = {}  # SGW-C TEID -> session
    by_pgw_c = {}
    tunnels = {}  # (endpoint address, TEID) -> (session, uplink)
    gone = set()  # tunnels of deleted sessions
    pending = {}  # GTPv2-C sequence number -> (message type, session or None)
    pending_u = set()
    identities = set()

    def iri(session, name):
        for liid in session.liids:
            counted[liid]["iris"] += 1
            types = counted[liid]["iri_types"]
            types[name] = types.get(name, 0) + 1

    def control(source, destination, message):
        nonlocal created, deleted, late
        if len(message) < 8:
            raise ValueError("a GTPv2-C message of %d octets" % len(message))
        flags, kind, length = struct.unpack("!BBH", message[:4])
        if flags >> 5 != 2 or flags & 0x17:
            raise ValueError("GTPv2-C flags 0x%02x" % flags)
        if length != len(message) - 4:
            raise ValueError("GTPv2-C length %d in %d octets" % (length, len(message)))
        has_teid = bool(flags & 0x08)
        teid = struct.unpack("!I", message[4:8])[0] if has_teid else None
        head = message[8:12] if has_teid else message[4:8]
        sequence = int.from_bytes(head[:3], "big")
        if head[3] != 0:
            raise ValueError("GTPv2-C spare octet %d" % head[3])
        ies = information_elements(message[12 if has_teid else 8:])
        forward = (source, destination) == (sgw_c, pgw_c)
        what = "GTPv2-C type %d seq %d" % (kind, sequence)
        if kind in (1, 2):
            if has_teid or need(ies, 3, 0, 1, what) is None:
                raise ValueError("%s: an echo with a TEID" % what)
            echoes["gtpc"] += 1
            if kind == 1:
                pending[sequence] = (1, forward)
            elif pending.pop(sequence, None) != (1, not forward):
                raise ValueError("%s: an echo response without its request" % what)
            return
        if not has_teid:
            raise ValueError("%s: no TEID flag" % what)
        if kind == 32:
            if not forward or teid != 0 or sequence in pending:
                raise ValueError("%s: a Create Session Request not SGW-C -> PGW-C with TEID 0 and a new sequence" %
                                 what)
            imsi = digits_of(need(ies, 1, 0, 8, what))
            msisdn = digits_of(need(ies, 76, 0, None, what))
            mei = digits_of(need(ies, 75, 0, 8, what))
            if len(imsi) != 15 or not imsi.startswith("00101"):
                raise ValueError("%s: IMSI %s" % (what, imsi))
            if not 12 <= len(msisdn) <= 15 or not msisdn.startswith("4477009"):
                raise ValueError("%s: MSISDN %s" % (what, msisdn))
            if len(mei) != 15 or not luhn_ok(mei):
                raise ValueError("%s: IMEI %s" % (what, mei))
            for identity in (("imsi", imsi), ("msisdn", msisdn), ("mei", mei)):
                if identity in identities:
                    raise ValueError("%s: %s %s twice" % ((what,) + identity))
                identities.add(identity)
            if need(ies, 82, 0, 1, what) != b"\x06" or need(ies, 83, 0, 3, what) != b"\x00\xf1\x10":
                raise ValueError("%s: RAT type or serving network" % what)
            if need(ies, 71, 0, None, what) != b"\x08internet" or need(ies, 99, 0, 1, what) != b"\x01":
                raise ValueError("%s: APN or PDN type" % what)
            if need(ies, 79, 0, 5, what) != b"\x01\0\0\0\0" or need(ies, 128, 0, 1, what) != b"\0":
                raise ValueError("%s: PAA or selection mode" % what)
            control_teid = fteid(ies, 0, 6, sgw_c, what)
            bearer = need(ies, 93, 0, None, what)
            if need(bearer, 73, 0, 1, what) != b"\x05" or len(need(bearer, 80, 0, 22, what)) != 22:
                raise ValueError("%s: bearer context EBI or QoS" % what)
            user_teid = fteid(bearer, 2, 4, sgw_u, what + " bearer")
            if control_teid in by_sgw_c or (sgw_u, user_teid) in tunnels or (sgw_u, user_teid) in gone:
                raise ValueError("%s: an SGW TEID reused" % what)
            session = Session(len(sessions) + 1, imsi, msisdn, mei, control_teid, user_teid)
            session.liids = [liid for key, liid in warrants.items() if key in (("imsi", imsi), ("msisdn", msisdn))]
            sessions.append(session)
            by_sgw_c[control_teid] = session
            pending[sequence] = (32, session)
        elif kind == 33:
            request = pending.pop(sequence, None)
            if forward or request is None or request[0] != 32 or teid != request[1].sgw_c:
                raise ValueError("%s: a Create Session Response without its request" % what)
            session = request[1]
            cause_accepted(ies, what)
            session.pgw_c = fteid(ies, 1, 7, pgw_c, what)
            paa = need(ies, 79, 0, 5, what)
            if paa[0] != 1 or paa[1] != 100 or not 64 <= paa[2] < 128:
                raise ValueError("%s: PAA %s" % (what, paa.hex()))
            session.address = paa[1:]
            if need(ies, 127, 0, 1, what) != b"\0":
                raise ValueError("%s: APN restriction" % what)
            bearer = need(ies, 93, 0, None, what)
            if need(bearer, 73, 0, 1, what) != b"\x05":
                raise ValueError("%s: bearer context EBI" % what)
            cause_accepted(bearer, what + " bearer")
            session.pgw_u = fteid(bearer, 2, 5, pgw_u, what + " bearer")
            if session.pgw_c in by_pgw_c or (pgw_u, session.pgw_u) in tunnels or (pgw_u, session.pgw_u) in gone:
                raise ValueError("%s: a PGW TEID reused" % what)
            by_pgw_c[session.pgw_c] = session
            tunnels[(pgw_u, session.pgw_u)] = (session, True)
            tunnels[(sgw_u, session.sgw_u)] = (session, False)
            session.state = "active"
            created += 1
            if gpdus:
                late += 1
            iri(session, "IRI-BEGIN")
            for liid in session.liids:
                found_targets[liid] = session
        elif kind == 36:
            session = by_pgw_c.get(teid)
            if not forward or session is None or session.state != "active" or sequence in pending:
                raise ValueError("%s: a Delete Session Request on no active session" % what)
            if need(ies, 73, 0, 1, what) != b"\x05":
                raise ValueError("%s: linked EBI" % what)
            session.state = "deleting"
            pending[sequence] = (36, session)
        elif kind == 37:
            request = pending.pop(sequence, None)
            if forward or request is None or request[0] != 36 or teid != request[1].sgw_c:
                raise ValueError("%s: a Delete Session Response without its request" % what)
            session = request[1]
            cause_accepted(ies, what)
            session.state = "deleted"
            for key in ((pgw_u, session.pgw_u), (sgw_u, session.sgw_u)):
                del tunnels[key]
                gone.add(key)
            deleted += 1
            iri(session, "IRI-END")
        else:
            raise ValueError("%s: an unexpected message type" % what)
        if len(ies) != {32: 12, 33: 5, 36: 1, 37: 1}[kind]:
            raise ValueError("%s: %d IEs" % (what, len(ies)))

    def user(source, destination, message):
        nonlocal gpdus, stale, payload
        if len(message) < 8:
            raise ValueError("a GTP-U message of %d octets" % len(message))
        flags, kind, length, teid = struct.unpack("!BBHI", message[:8])
        if flags >> 4 != 0x3 or flags & 0x08:
            raise ValueError("GTP-U flags 0x%02x" % flags)
        if length != len(message) - 8:
            raise ValueError("GTP-U length %d in %d octets" % (length, len(message)))
        body = message[8:]
        sequence = None
        if flags & 0x07:
            if flags & 0x05 or len(body) < 4 or body[2:4] != b"\0\0":
                raise ValueError("GTP-U optional fields other than a sequence number")
            sequence = struct.unpack("!H", body[:2])[0]
            body = body[4:]
        if kind in (1, 2):
            if teid != 0 or sequence is None or body != (b"" if kind == 1 else b"\x0e\x00"):
                raise ValueError("a GTP-U echo with TEID %d, sequence %s, body %s" % (teid, sequence, body.hex()))
            echoes["gtpu"] += 1
            key = (sequence, source if kind == 1 else destination)
            if kind == 1:
                pending_u.add(key)
            elif key not in pending_u:
                raise ValueError("a GTP-U echo response without its request")
            else:
                pending_u.discard(key)
            return
        if kind != 255 or sequence is not None:
            raise ValueError("GTP-U message type %d (flags 0x%02x)" % (kind, flags))
        gpdus += 1
        payload += len(body)
        if len(body) < 20 or body[0] != 0x45 or struct.unpack("!H", body[2:4])[0] != len(body):
            raise ValueError("a G-PDU whose inner packet is not an IPv4 packet of its length")
        if not ones_complement_sum_ok(body[:20]):
            raise ValueError("a G-PDU whose inner IPv4 header checksum is wrong")
        if not 60 <= len(body) <= 1400:
            raise ValueError("an inner packet of %d octets" % len(body))
        protocol, inner_source, inner_destination = body[9], body[12:16], body[16:20]
        segment = body[20:]
        if protocol == 6:
            pseudo = inner_source + inner_destination + struct.pack("!BBH", 0, 6, len(segment))
            if not ones_complement_sum_ok(pseudo + segment):
                raise ValueError("an inner TCP segment whose checksum is wrong")
        elif protocol == 17:
            if struct.unpack("!H", segment[4:6])[0] != len(segment):
                raise ValueError("an inner UDP datagram of the wrong length")
        else:
            raise ValueError("inner protocol %d" % protocol)
        key = (destination, teid)
        entry = tunnels.get(key)
        if entry is None:
            if key in gone:
                stale += 1
                return
            raise ValueError("a G-PDU on TEID %08x at %s, no session's" % (teid, dotted(destination)))
        session, uplink = entry
        if uplink != (source == sgw_u) or (inner_source if uplink else inner_destination) != session.address:
            raise ValueError("a G-PDU of session %d in the wrong direction or for another address" % session.number)
        if session.state != "active":
            raise ValueError("a G-PDU of session %d while it is %s" % (session.number, session.state))
        if uplink:
            session.uplink += 1
        else:
            session.downlink += 1
        for liid in session.liids:
            counted[liid]["ccs"] += 1
            counted[liid]["cc_from_target" if uplink else "cc_to_target"] += 1

    with open(path, "rb") as pcap:
        magic, major, minor, _, _, snaplen, linktype = struct.unpack("<IHHiIII", pcap.read(24))
        if (magic, major, minor, linktype) != (0xA1B2C3D4, 2, 4, 1):
            problem("not a classic little-endian Ethernet pcap")
        last_time = -1
        while True:
            record = pcap.read(16)
            if not record:
                break
            seconds, micros, captured, length = struct.unpack("<IIII", record)
            frame = pcap.read(captured)
            frames += 1
            time = seconds * 1_000_000 + micros
            if time <= last_time or captured != length or len(frame) != captured or micros >= 1_000_000:
                problem("frame %d: time not increasing or truncated" % frames)
            last_time = time
            if frame[12:14] != b"\x08\x00" or frame[14] != 0x45:
                problem("frame %d: not IPv4 without options" % frames)
                continue
            ip = frame[14:]
            if struct.unpack("!H", ip[2:4])[0] != len(ip) or not ones_complement_sum_ok(ip[:20]):
                problem("frame %d: bad IPv4 length or header checksum" % frames)
            if ip[9] != 17:
                problem("frame %d: not UDP" % frames)
                continue
            source, destination = ip[12:16], ip[16:20]
            sport, dport, udp_length, udp_checksum = struct.unpack("!HHHH", ip[20:28])
            if udp_length != len(ip) - 20 or udp_checksum != 0:
                problem("frame %d: UDP length %d or checksum %d" % (frames, udp_length, udp_checksum))
            try:
                if sport == dport == 2123 and {source, destination} == {sgw_c, pgw_c}:
                    gtpc += 1
                    control(source, destination, ip[28:])
                elif sport == dport == 2152 and {source, destination} == {sgw_u, pgw_u}:
                    gtpu += 1
                    user(source, destination, ip[28:])
                else:
                    problem("frame %d: UDP %s:%d -> %s:%d is neither GTP-C nor GTP-U between the nodes" % (
                        frames, dotted(source), sport, dotted(destination), dport))
            except (ValueError, struct.error, IndexError) as error:
                problem("frame %d: %s" % (frames, error))
    for sequence, (kind, _) in pending.items():
        problem("GTPv2-C request type %d seq %d unanswered" % (kind, sequence))
    if pending_u:
        problem("%d GTP-U echo requests unanswered" % len(pending_u))

    def compare(what, found, said):
        if found != said:
            problem("%s: the capture has %s, the JSON says %s" % (what, found, said))

    compare("frames", frames, setup["frames"])
    compare("GTP-C frames", gtpc, setup["gtpc_frames"])
    compare("GTP-U frames", gtpu, setup["gtpu_frames"])
    compare("G-PDUs", gpdus, setup["traffic_packets"])
    compare("stale G-PDUs", stale, setup["stale_gpdus"])
    compare("echo frames", echoes, setup["echo_frames"])
    compare("sessions", {"created": created, "deleted": deleted, "attached_late": late}, setup["sessions"])
    compare("subscribers", len(sessions), setup["subscribers"])
    compare("inner payload octets", payload, setup["gtpu_payload_bytes"])
    compare("TEIDs both an SGW-U's and a PGW-U's", len({s.sgw_u for s in sessions} & {s.pgw_u for s in sessions}),
            setup["teids_shared_by_sgw_u_and_pgw_u"])
    for warrant in setup["warrants"]:
        liid = warrant["liid"]
        session = found_targets.get(liid)
        if session is None:
            problem("LIID %s: no session of %s %s" % (liid, warrant["identity"], warrant["digits"]))
            continue
        compare("LIID %s subscriber" % liid,
                (session.imsi, session.msisdn, session.mei, dotted(session.address), session.state == "deleted",
                 {"sgw_c": session.sgw_c, "pgw_c": session.pgw_c, "sgw_u": session.sgw_u, "pgw_u": session.pgw_u}),
                (warrant["imsi"], warrant["msisdn"], warrant["mei"], warrant["pdn_address"], warrant["deleted"],
                 warrant["teids"]))
        said = dict(warrant["expected"])
        said["iri_types"] = {}
        for name, count in warrant["expected"]["iri_types"].items():
            said["iri_types"][name.split()[0]] = said["iri_types"].get(name.split()[0], 0) + count
        compare("LIID %s records" % liid, counted[liid], said)
    compare("expected totals", {"iris": sum(c["iris"] for c in counted.values()),
                                "ccs": sum(c["ccs"] for c in counted.values())},
            {key: setup["expected"][key] for key in ("iris", "ccs")})
    target_gpdus = sum(c["ccs"] for c in counted.values())
    print("check: %d frames: %d GTP-C (%d echo), %d GTP-U (%d echo, %d G-PDUs, %d stale); %d sessions (%d late, %d "
          "deleted); %.1f MB inner payload; %d LIIDs: %d IRIs, %d CCs (%.1f%% of the G-PDUs): %d problems" % (
              frames, gtpc, echoes["gtpc"], gtpu, echoes["gtpu"], gpdus, stale, created, late, deleted, payload / 1e6,
              len(counted), sum(c["iris"] for c in counted.values()), target_gpdus,
              100.0 * target_gpdus / max(1, gpdus), len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
