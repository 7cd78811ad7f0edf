#!/usr/bin/env python3
"""Checks a capture of Scripts/make-mail-capture.py against its JSON, without sharing its code.

Reads the pcap frame by frame (Ethernet, IPv4 with its header checksum, TCP), follows every TCP conversation with a
mail server (handshake, every segment's sequence and acknowledgement numbers, at most 1448 payload octets, FIN both
ways), reassembles both directions, parses each dialogue (SMTP, IMAP, POP3: every command answered as expected,
dot-stuffing undone, IMAP literals and POP3 octet counts exact, message sizes 1 kB-1 MB, body lines at most 78
characters), and recounts from the dialogues what the JSON says: frames, other traffic, sessions per kind, mail
payload octets, and per LIID the IRIs and CCs under the rules in make-mail-capture.py's docstring. Prints one line
per finding and a summary; exits 1 on any finding.

Usage: check-mail-capture.py FILE.pcap [FILE.json]
"""
import base64
import json
import re
import struct
import sys

problems = []


def problem(text):
    problems.append(text)
    if len(problems) <= 30:
        print("check: " + text)


def ipv4_checksum_ok(header):
    total = sum(struct.unpack("!%dH" % (len(header) // 2), header))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total == 0xFFFF


class Reader:
    """Splits a reassembled direction into lines and counted octets."""

    def __init__(self, data, name):
        self.data = data
        self.at = 0
        self.name = name

    def line(self):
        end = self.data.find(b"\r\n", self.at)
        if end < 0:
            raise ValueError("%s: no CRLF after offset %d" % (self.name, self.at))
        text = self.data[self.at:end]
        self.at = end + 2
        return text.decode("ascii")

    def octets(self, count):
        if self.at + count > len(self.data):
            raise ValueError("%s: %d octets wanted, %d left" % (self.name, count, len(self.data) - self.at))
        text = self.data[self.at:self.at + count]
        self.at += count
        return text

    def dot_terminated(self):
        """A multi-line body up to CRLF.CRLF, dot-stuffing undone."""
        end = self.data.find(b"\r\n.\r\n", self.at - 2 if self.at >= 2 else 0)
        if end < 0:
            raise ValueError("%s: no terminating dot line" % self.name)
        body = self.data[self.at:end + 2]
        self.at = end + 5
        lines = body.split(b"\r\n")
        for k, line in enumerate(lines[:-1]):
            if line.startswith(b"."):
                if not line.startswith(b".."):
                    raise ValueError("%s: a line starting with a single dot inside the body" % self.name)
                lines[k] = line[1:]
        return b"\r\n".join(lines)

    def expect(self, pattern):
        text = self.line()
        match = re.fullmatch(pattern, text)
        if not match:
            raise ValueError("%s: %r does not match %r" % (self.name, text, pattern))
        return match

    def done(self):
        if self.at != len(self.data):
            raise ValueError("%s: %d octets left over" % (self.name, len(self.data) - self.at))


def check_message(message, name):
    if not 1000 <= len(message) <= 1_000_000:
        raise ValueError("%s: a message of %d octets" % (name, len(message)))
    if not message.endswith(b"\r\n"):
        raise ValueError("%s: a message not ending in CRLF" % name)
    head, separator, body = message.partition(b"\r\n\r\n")
    if not separator:
        raise ValueError("%s: a message without a header/body separator" % name)
    for line in body.split(b"\r\n"):
        if len(line) > 78 or any(c < 0x20 or c > 0x7E for c in line):
            raise ValueError("%s: a body line of %d octets or unprintable" % (name, len(line)))
    return message


def smtp(client, server, name):
    """-> (auth user, sender, accepted recipients, completed transactions, messages)."""
    c, s = Reader(client, name + " client"), Reader(server, name + " server")
    s.expect(r"220 .*")
    c.expect(r"EHLO \S+")
    while s.expect(r"250([- ])(.*)").group(1) == "-":
        pass
    auth = None
    transactions = []
    while True:
        command = c.line()
        if command.startswith("AUTH PLAIN "):
            parts = base64.b64decode(command[11:]).split(b"\0")
            auth = parts[1].decode().lower()
            s.expect(r"235 .*")
        elif command.startswith("MAIL FROM:"):
            sender = re.fullmatch(r"MAIL FROM:<(.*)>", command).group(1).lower()
            s.expect(r"250 .*")
            recipients = []
            while True:
                command = c.line()
                if not command.startswith("RCPT TO:"):
                    break
                recipients.append(re.fullmatch(r"RCPT TO:<(.*)>", command).group(1).lower())
                s.expect(r"250 .*")
            if command != "DATA":
                raise ValueError("%s: %r after RCPT" % (name, command))
            s.expect(r"354 .*")
            message = check_message(c.dot_terminated(), name)
            s.expect(r"250 .*")
            transactions.append((sender, recipients, len(message)))
        elif command == "QUIT":
            s.expect(r"221 .*")
            break
        else:
            raise ValueError("%s: unexpected command %r" % (name, command))
    c.done()
    s.done()
    return auth, transactions


def imap(client, server, name):
    """-> (login user, sizes of the messages fetched)."""
    c, s = Reader(client, name + " client"), Reader(server, name + " server")
    s.expect(r"\* OK .*")
    login = c.expect(r"a1 LOGIN (\S+) (\S+)").group(1).lower()
    s.expect(r"a1 OK .*")
    c.expect(r"a2 SELECT INBOX")
    exists = int(s.expect(r"\* (\d+) EXISTS").group(1))
    s.expect(r"a2 OK .*")
    sizes = []
    while True:
        tag, command = c.line().split(" ", 1)
        fetch = re.fullmatch(r"FETCH (\d+) \(BODY\[\]\)", command)
        if fetch:
            number = int(fetch.group(1))
            if not 1 <= number <= exists:
                raise ValueError("%s: FETCH %d of %d" % (name, number, exists))
            size = int(s.expect(r"\* %d FETCH \(BODY\[\] \{(\d+)\}" % number).group(1))
            sizes.append(len(check_message(s.octets(size), name)))
            s.expect(r"\)")
            s.expect(r"%s OK .*" % tag)
        elif command == "LOGOUT":
            s.expect(r"\* BYE .*")
            s.expect(r"%s OK .*" % tag)
            break
        else:
            raise ValueError("%s: unexpected command %r" % (name, command))
    c.done()
    s.done()
    return login, sizes


def pop3(client, server, name):
    """-> (login user, sizes of the messages retrieved)."""
    c, s = Reader(client, name + " client"), Reader(server, name + " server")
    s.expect(r"\+OK .*")
    login = c.expect(r"USER (\S+)").group(1).lower()
    s.expect(r"\+OK.*")
    c.expect(r"PASS \S+")
    s.expect(r"\+OK .*")
    c.expect(r"STAT")
    count = int(s.expect(r"\+OK (\d+) \d+").group(1))
    sizes = []
    while True:
        command = c.line()
        retr = re.fullmatch(r"RETR (\d+)", command)
        if retr:
            if not 1 <= int(retr.group(1)) <= count:
                raise ValueError("%s: RETR %s of %d" % (name, retr.group(1), count))
            octets = int(s.expect(r"\+OK (\d+) octets").group(1))
            message = check_message(s.dot_terminated(), name)
            if len(message) != octets:
                raise ValueError("%s: RETR said %d octets, sent %d" % (name, octets, len(message)))
            sizes.append(octets)
        elif command == "QUIT":
            s.expect(r"\+OK .*")
            break
        else:
            raise ValueError("%s: unexpected command %r" % (name, command))
    c.done()
    s.done()
    return login, sizes


class Stream:
    def __init__(self, kind, number):
        self.kind = kind
        self.name = "%s session %d" % (kind, number)
        self.next = {}  # side -> next sequence number expected
        self.data = {True: bytearray(), False: bytearray()}
        self.fin = {True: False, False: False}
        self.state = "syn"
        self.closed = False


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__.split("\n\n")[-1])
    path = sys.argv[1]
    with open(sys.argv[2] if len(sys.argv) == 3 else path.rsplit(".", 1)[0] + ".json") as setup_file:
        setup = json.load(setup_file)
    servers = {(bytes(int(p) for p in s["ip"].split(".")), s["port"]): s["kind"] for s in setup["servers"]}
    targets = {t["address"].lower(): t["liid"] for t in setup["targets"]}
    counted = {liid: {"iris": 0, "ccs": 0, "sessions": 0} for liid in targets.values()}
    frames = other = mail_payload = sessions_seen = concurrent = most_concurrent = 0
    kinds = {kind: 0 for kind in servers.values()}
    streams = {}
    sizes = []

    def finish(key, stream):
        nonlocal concurrent
        concurrent -= 1
        del streams[key]
        client, server = bytes(stream.data[True]), bytes(stream.data[False])
        try:
            if stream.kind == "smtp":
                auth, transactions = smtp(client, server, stream.name)
                sizes.extend(t[2] for t in transactions)
                for address, liid in targets.items():
                    iris = 1 if auth == address else 0
                    ccs = sum(1 for sender, recipients, _ in transactions if address == sender or address in recipients)
                    iris += ccs
                    concerned = iris > 0
                    if concerned:
                        iris += 1  # logoff at QUIT
                        counted[liid]["iris"] += iris
                        counted[liid]["ccs"] += ccs
                        counted[liid]["sessions"] += 1
            else:
                login, fetched = (imap if stream.kind == "imap" else pop3)(client, server, stream.name)
                sizes.extend(fetched)
                if login in targets:
                    liid = targets[login]
                    counted[liid]["iris"] += 2 + len(fetched)
                    counted[liid]["ccs"] += len(fetched)
                    counted[liid]["sessions"] += 1
        except (ValueError, AttributeError, IndexError) as error:
            problem(str(error))

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
            if time <= last_time or captured != length or micros >= 1_000_000:
                problem("frame %d: time not increasing or truncated" % frames)
            last_time = time
            if frame[12:14] != b"\x08\x00" or frame[14] != 0x45:
                problem("frame %d: not IPv4 without options" % frames)
                continue
            ip = frame[14:]
            total = struct.unpack("!H", ip[2:4])[0]
            if total != len(ip) or not ipv4_checksum_ok(ip[:20]):
                problem("frame %d: bad IPv4 length or header checksum" % frames)
            protocol, source, destination = ip[9], ip[12:16], ip[16:20]
            if protocol != 6:
                other += 1
                continue
            tcp = ip[20:]
            sport, dport, sequence, acknowledged, offset, flags = struct.unpack("!HHIIBB", tcp[:14])
            payload = tcp[(offset >> 4) * 4:]
            if (destination, dport) in servers:
                from_client, key = True, (source, sport, destination, dport)
            elif (source, sport) in servers:
                from_client, key = False, (destination, dport, source, sport)
            else:
                other += 1
                continue
            if len(payload) > 1448:
                problem("frame %d: %d payload octets" % (frames, len(payload)))
            stream = streams.get(key)
            if stream is None:
                if flags != 0x02 or not from_client:
                    problem("frame %d: a mail conversation not opened by a SYN" % frames)
                    continue
                sessions_seen += 1
                kind = servers[key[2:]]
                kinds[kind] += 1
                stream = streams[key] = Stream(kind, sessions_seen)
                stream.next[True] = (sequence + 1) & 0xFFFFFFFF
                concurrent += 1
                most_concurrent = max(most_concurrent, concurrent)
                continue
            if stream.state == "syn":
                if flags != 0x12 or from_client or acknowledged != stream.next[True]:
                    problem("%s: no proper SYN-ACK" % stream.name)
                stream.next[False] = (sequence + 1) & 0xFFFFFFFF
                stream.state = "synack"
                continue
            if sequence != stream.next[from_client] or not flags & 0x10 or acknowledged != stream.next[not from_client]:
                problem("%s frame %d: seq/ack %d/%d, expected %d/%d" % (stream.name, frames, sequence, acknowledged,
                                                                      stream.next[from_client],
                                                                      stream.next[not from_client]))
            if stream.state == "synack":
                if payload or flags != 0x10 or not from_client:
                    problem("%s: no proper handshake ACK" % stream.name)
                stream.state = "open"
                continue
            if stream.fin[from_client]:
                if payload or flags != 0x10 or not all(stream.fin.values()):
                    problem("%s: a segment after FIN" % stream.name)
                finish(key, stream)
                continue
            mail_payload += len(payload)
            stream.data[from_client] += payload
            stream.next[from_client] = (stream.next[from_client] + len(payload) + (flags & 0x01)) & 0xFFFFFFFF
            if flags & 0x01:
                stream.fin[from_client] = True
    for stream in list(streams.values()):
        problem("%s: not closed" % stream.name)

    def compare(what, found, said):
        if found != said:
            problem("%s: the capture has %s, the JSON says %s" % (what, found, said))

    compare("frames", frames, setup["frames"])
    compare("other traffic", other, setup["traffic_packets"])
    compare("sessions", {"total": sessions_seen, **kinds}, setup["sessions"])
    compare("mail payload octets", mail_payload, setup["mail_payload_bytes"])
    compare("messages", len(sizes), setup["messages_sent_or_retrieved"])
    for warrant in setup["warrants"]:
        found = counted[warrant["liid"]]
        compare("LIID %s" % warrant["liid"], found, {key: warrant["expected"][key] for key in found})
        compare("LIID %s IRI types" % warrant["liid"], found["iris"], sum(warrant["expected"]["iri_types"].values()))
    print("check: %d frames (%d other), %d sessions %s, at most %d at once, %.1f MB of mail payload, %d messages "
          "(%d-%d octets, median %d), %d IRIs and %d CCs for %d LIIDs (%d with records): %d problems" % (
              frames, other, sessions_seen, kinds, most_concurrent, mail_payload / 1e6, len(sizes), min(sizes),
              max(sizes), sorted(sizes)[len(sizes) // 2], sum(c["iris"] for c in counted.values()),
              sum(c["ccs"] for c in counted.values()), len(counted), sum(1 for c in counted.values() if c["iris"]),
              len(problems)))
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
