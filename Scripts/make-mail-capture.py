#!/usr/bin/env python3
"""Writes a deterministic synthetic capture of concurrent SMTP, IMAP and POP3 sessions among other traffic.

Every mail session is a whole TCP conversation between a subscriber (100.64.0.0/10) and one of three mail servers:
SYN, SYN-ACK, ACK, the protocol dialogue with every command answered (segments of at most 1448 payload bytes, a
pure ACK after every second segment of a long write, correct sequence and acknowledgement numbers), then FIN from the
server, FIN from the client and the last ACK. About 40% of the sessions are SMTP (banner, EHLO, AUTH PLAIN in about
30% of them, MAIL FROM, 1-3 RCPT TO, DATA with the dot-stuffed message, QUIT), 30% IMAP (LOGIN, SELECT INBOX, 1-3
FETCH k (BODY[]) answered with an exact {n} literal, LOGOUT) and 30% POP3 (USER, PASS, STAT, 1-3 RETR k with the
dot-stuffed message, QUIT). Messages are 1 kB to 1 MB, log-uniform: a few header lines and a body of 78-character
printable lines, some of them starting with a dot. Up to --concurrency sessions are open at once, and plain TCP/UDP
packets between subscribers and the internet are interleaved with them over the whole capture. The mailboxes are
userNNNN@example.org; some are targets. Addresses on the wire are now and then written in mixed case (mail is matched
case-insensitively).

Next to the pcap a JSON file describes the set-up (servers, users, targets, LIIDs) and what an LI collector must
deliver for it, per LIID, under these rules. A session concerns target T when (IMAP, POP3) its login user is T, or
(SMTP) T is the AUTH user, the MAIL FROM sender or an accepted recipient of a completed transaction. For each
concerned (session, T): IMAP/POP3 give 1 logon IRI, 1 download IRI per FETCH/RETR and 1 logoff IRI, and 1 CC per
message retrieved; SMTP gives 1 logon IRI when T is the AUTH user, 1 send or receive IRI per completed transaction
concerning T (one, a send, when T is both sender and recipient), 1 logoff IRI at QUIT when T got any IRI in the
session, and 1 CC per completed transaction concerning T. The IRI types given (IRI-BEGIN logon, IRI-REPORT download,
the first IRI of an SMTP session IRI-BEGIN and later ones IRI-CONTINUE, IRI-END logoff) follow
Tests/Fixtures/captures/README.md and are a judgement; the counts are not. mail_payload_bytes is the TCP payload of
all mail sessions, both directions.

Usage: make-mail-capture.py --out FILE.pcap [--sessions N] [--users N] [--targets N] [--traffic N]
                            [--concurrency N] [--seed N] [--liid-prefix TEXT]
"""
import argparse
import base64
import importlib.util
import json
import math
import os
import random
import struct

spec = importlib.util.spec_from_file_location("make_capture", os.path.join(os.path.dirname(__file__),
                                                                           "make-capture.py"))
capture = importlib.util.module_from_spec(spec)
spec.loader.exec_module(capture)

SERVERS = {"smtp": ("10.0.0.25", 25), "imap": ("10.0.0.143", 143), "pop3": ("10.0.0.110", 110)}
DOMAIN = "example.org"
EXTERNAL_DOMAIN = "example.net"
PASSWORD = "secret"
MSS = 1448
MESSAGE_MIN, MESSAGE_MAX = 1_000, 1_000_000
LINE = 80  # 78 printable characters + CRLF
CORPUS_LINES = 16_384
SUBSCRIBERS = 5_000
WORDS = ("the quick brown fox jumps over lazy dog mail box server client message body line text report meeting "
         "agenda invoice order shipment thanks regards hello again tomorrow today noon office project plan draft "
         "final review notes budget summary figures attached please confirm question answer").split()
SYN, FIN, PSH, ACK = 0x02, 0x01, 0x08, 0x10


def subscriber_address(index):
    return "100.64.%d.%d" % (index // 250, index % 250 + 1)


def internet_address(index):
    return "198.18.%d.%d" % (index // 200, index % 200 + 1)


def mailbox(index):
    return "user%04d@%s" % (index, DOMAIN)


def wire_form(address, rng):
    """The address as a client writes it: mostly as it is, now and then in mixed case."""
    if rng.random() >= 0.05:
        return address
    local, domain = address.split("@")
    return local.capitalize() + "@" + domain.split(".")[0].capitalize() + "." + domain.split(".", 1)[1].upper()


def make_corpus(rng):
    """Body lines of exactly 78 printable characters + CRLF, about 2% of them starting with a dot; doubled so that a
    message's body is one slice."""
    lines = []
    for _ in range(CORPUS_LINES):
        text = "." if rng.random() < 0.02 else ""
        while len(text) < 78:
            text += rng.choice(WORDS) + " "
        lines.append(text[:77].rstrip(" ").ljust(77, "-") + rng.choice("!,.;:?x") + "\r\n")
    corpus = "".join(lines).encode("ascii")
    assert len(corpus) == CORPUS_LINES * LINE
    return corpus + corpus


def message_size(rng):
    return int(round(math.exp(rng.uniform(math.log(MESSAGE_MIN), math.log(MESSAGE_MAX)))))


def dot_stuffed(message):
    """The message as SMTP DATA and a POP3 multi-line reply carry it (it always ends in CRLF)."""
    stuffed = message.replace(b"\r\n.", b"\r\n..")
    return b"." + stuffed if stuffed.startswith(b".") else stuffed


class Message:
    """One message: its exact size and what it is made of, built when it is sent."""

    def __init__(self, number, sender, recipients, size, start_line):
        self.number = number
        self.sender = sender
        self.recipients = recipients
        self.size = size
        self.start_line = start_line

    def data(self, corpus):
        subject = "Bench message %06d" % self.number
        while True:
            headers = ("From: <%s>\r\nTo: %s\r\nSubject: %s\r\nDate: Thu, 01 Jan 2026 00:00:00 +0000\r\n"
                       "Message-ID: <bench.%06d@%s>\r\nMIME-Version: 1.0\r\n"
                       "Content-Type: text/plain; charset=us-ascii\r\n\r\n" % (
                           self.sender, ", ".join("<%s>" % r for r in self.recipients), subject, self.number,
                           DOMAIN)).encode("ascii")
            lines, rest = divmod(self.size - len(headers), LINE)
            if rest != 1:
                break
            subject += "."  # a last line needs at least CRLF: one octet more header, one less body
        start = self.start_line * LINE
        body = corpus[start:start + lines * LINE]
        if rest:
            body += corpus[start + lines * LINE:start + lines * LINE + rest - 2] + b"\r\n"
        data = headers + body
        assert len(data) == self.size
        return data


class Session:
    """One mail session's plan (who, what) and the records it calls for; `writes` gives its dialogue."""

    def __init__(self, index, kind, client, client_port):
        self.index = index
        self.kind = kind
        self.client = client
        self.client_port = client_port
        self.server, self.server_port = SERVERS[kind]
        self.login = None  # IMAP/POP3 login user, SMTP AUTH user (mailbox address, lower case)
        self.login_wire = None
        self.sender = None  # SMTP: MAIL FROM (as is, and as written)
        self.sender_wire = None
        self.recipients = []  # SMTP: RCPT TO, all accepted
        self.recipients_wire = []
        self.messages = []  # SMTP: the one message; IMAP/POP3: the mailbox's three
        self.fetched = []  # IMAP/POP3: message numbers retrieved (1-based), in order

    def writes(self, corpus):
        """The dialogue: (from_client, bytes) per write, in order."""
        if self.kind == "smtp":
            yield False, b"220 mail.example.org ESMTP\r\n"
            yield True, b"EHLO client.example.net\r\n"
            yield False, b"250-mail.example.org\r\n250-PIPELINING\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n"
            if self.login:
                token = base64.b64encode(b"\0" + self.login_wire.encode() + b"\0" + PASSWORD.encode())
                yield True, b"AUTH PLAIN " + token + b"\r\n"
                yield False, b"235 2.7.0 ok\r\n"
            yield True, b"MAIL FROM:<%s>\r\n" % self.sender_wire.encode()
            yield False, b"250 2.1.0 Ok\r\n"
            for recipient in self.recipients_wire:
                yield True, b"RCPT TO:<%s>\r\n" % recipient.encode()
                yield False, b"250 2.1.5 Ok\r\n"
            yield True, b"DATA\r\n"
            yield False, b"354 go ahead\r\n"
            yield True, dot_stuffed(self.messages[0].data(corpus)) + b".\r\n"
            yield False, b"250 2.0.0 queued as B%06d\r\n" % self.index
            yield True, b"QUIT\r\n"
            yield False, b"221 2.0.0 bye\r\n"
        elif self.kind == "imap":
            yield False, b"* OK IMAP ready\r\n"
            yield True, b"a1 LOGIN %s %s\r\n" % (self.login_wire.encode(), PASSWORD.encode())
            yield False, b"a1 OK Logged in\r\n"
            yield True, b"a2 SELECT INBOX\r\n"
            yield False, b"* %d EXISTS\r\na2 OK [READ-WRITE] Select completed\r\n" % len(self.messages)
            tag = 3
            for number in self.fetched:
                data = self.messages[number - 1].data(corpus)
                yield True, b"a%d FETCH %d (BODY[])\r\n" % (tag, number)
                yield False, (b"* %d FETCH (BODY[] {%d}\r\n" % (number, len(data)) + data
                              + b")\r\na%d OK Fetch completed\r\n" % tag)
                tag += 1
            yield True, b"a%d LOGOUT\r\n" % tag
            yield False, b"* BYE Logging out\r\na%d OK Logout completed\r\n" % tag
        else:
            yield False, b"+OK POP3 ready\r\n"
            yield True, b"USER %s\r\n" % self.login_wire.encode()
            yield False, b"+OK\r\n"
            yield True, b"PASS %s\r\n" % PASSWORD.encode()
            yield False, b"+OK Logged in.\r\n"
            yield True, b"STAT\r\n"
            yield False, b"+OK %d %d\r\n" % (len(self.messages), sum(m.size for m in self.messages))
            for number in self.fetched:
                data = self.messages[number - 1].data(corpus)
                yield True, b"RETR %d\r\n" % number
                yield False, b"+OK %d octets\r\n" % len(data) + dot_stuffed(data) + b".\r\n"
            yield True, b"QUIT\r\n"
            yield False, b"+OK Logging out.\r\n"

    def records(self, targets):
        """The records the session calls for: {target address: (IRI names in order, CCs)}."""
        result = {}
        if self.kind != "smtp":
            if self.login in targets:
                iris = (["IRI-BEGIN e-mail-logon"] + ["IRI-REPORT e-mail-download"] * len(self.fetched)
                        + ["IRI-END e-mail-logoff"])
                result[self.login] = (iris, len(self.fetched))
            return result
        concerned = {self.login, self.sender, *self.recipients} & targets
        for target in sorted(concerned):
            iris = ["IRI-BEGIN e-mail-logon"] if target == self.login else []
            cc = 0
            if target == self.sender or target in self.recipients:  # the one transaction, completed
                event = "e-mail-send" if target == self.sender else "e-mail-receive"
                iris.append(("IRI-CONTINUE " if iris else "IRI-BEGIN ") + event)
                cc = 1
            if iris:
                iris.append("IRI-END e-mail-logoff")
            result[target] = (iris, cc)
        return result


def plan_sessions(args, rng):
    """Every session's kind, parties and messages, drawn up front."""
    users = [mailbox(i) for i in range(args.users)]
    externals = ["ext%04d@%s" % (i, EXTERNAL_DOMAIN) for i in range(500)]
    sessions = []
    number = 0
    for index in range(args.sessions):
        draw = rng.random()
        kind = "smtp" if draw < 0.4 else "imap" if draw < 0.7 else "pop3"
        session = Session(index, kind, subscriber_address(rng.randrange(SUBSCRIBERS)), 20000 + index % 40000)
        if kind == "smtp":
            if rng.random() < 0.3:  # submission: the authenticated user sends, to anyone
                session.login = rng.choice(users)
                session.login_wire = wire_form(session.login, rng)
                session.sender, session.sender_wire = session.login, session.login_wire
                pool = lambda: rng.choice(users) if rng.random() < 0.5 else rng.choice(externals)
            else:  # delivery: mostly from outside, mostly to the mailboxes here
                session.sender = rng.choice(users) if rng.random() < 0.2 else rng.choice(externals)
                session.sender_wire = wire_form(session.sender, rng)
                pool = lambda: rng.choice(users) if rng.random() < 0.9 else rng.choice(externals)
            count = rng.randint(1, 3)
            while len(session.recipients) < count:
                recipient = pool()
                if recipient not in session.recipients:
                    session.recipients.append(recipient)
                    session.recipients_wire.append(wire_form(recipient, rng))
            number += 1
            session.messages.append(Message(number, session.sender_wire, session.recipients_wire, message_size(rng),
                                            rng.randrange(CORPUS_LINES)))
        else:
            session.login = rng.choice(users)
            session.login_wire = wire_form(session.login, rng)
            for _ in range(3):
                number += 1
                session.messages.append(Message(number, rng.choice(externals + users), [session.login],
                                                message_size(rng), rng.randrange(CORPUS_LINES)))
            session.fetched = sorted(rng.sample(range(1, 4), rng.randint(1, 3)))
        sessions.append(session)
    return users, sessions


def estimated_frames(session):
    """Roughly the frames the session makes (dot-stuffing and headers aside), to spread the other traffic."""
    sizes = [m.size for m in session.messages] if session.kind == "smtp" else [
        session.messages[n - 1].size for n in session.fetched]
    data = sum(math.ceil(size / MSS) for size in sizes)
    return 3 + 3 + 2 * 10 + data + data // 2


class Conversation:
    """Writes one session's frames, one `step()` at a time: the handshake, the dialogue, the close."""

    def __init__(self, session, corpus, rng):
        self.session = session
        self.client = capture.ip_bytes(session.client)
        self.server = capture.ip_bytes(session.server)
        self.sequence = {True: rng.getrandbits(32), False: rng.getrandbits(32)}  # next octet to send, per side
        self.payload = 0
        self.frames = self._frames(corpus)

    def _segment(self, from_client, flags, data=b"", options=b""):
        ports = ((self.session.client_port, self.session.server_port) if from_client
                 else (self.session.server_port, self.session.client_port))
        acknowledged = self.sequence[not from_client] if flags & ACK else 0
        header = struct.pack("!HHIIBBHHH", ports[0], ports[1], self.sequence[from_client], acknowledged,
                             (5 + len(options) // 4) << 4, flags, 65535, 0, 0) + options
        self.sequence[from_client] = (self.sequence[from_client] + len(data) + (1 if flags & (SYN | FIN) else 0)) \
            & 0xFFFFFFFF
        self.payload += len(data)
        source, destination = (self.client, self.server) if from_client else (self.server, self.client)
        return source, destination, header + data

    def _frames(self, corpus):
        mss = struct.pack("!BBH", 2, 4, MSS + 12)
        yield self._segment(True, SYN, options=mss)
        yield self._segment(False, SYN | ACK, options=mss)
        yield self._segment(True, ACK)
        for from_client, data in self.session.writes(corpus):
            segments = range(0, len(data), MSS)
            for k, offset in enumerate(segments):
                last = offset + MSS >= len(data)
                yield self._segment(from_client, ACK | (PSH if last else 0), data[offset:offset + MSS])
                if k % 2 == 1 and not last:
                    yield self._segment(not from_client, ACK)
        yield self._segment(False, FIN | ACK)
        yield self._segment(True, FIN | ACK)
        yield self._segment(False, ACK)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--sessions", type=int, default=10_000, help="mail sessions")
    parser.add_argument("--users", type=int, default=1000, help="mailboxes userNNNN@example.org")
    parser.add_argument("--targets", type=int, default=100, help="mailboxes that are targets")
    parser.add_argument("--traffic", type=int, default=200_000, help="other (non-mail) packets")
    parser.add_argument("--concurrency", type=int, default=200, help="mail sessions open at once, at most")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--liid-prefix", default="EMAIL-", help="LIIDs are PREFIX0000, PREFIX0001, ...")
    args = parser.parse_args()
    if not 0 < args.targets <= args.users <= 10_000 or args.sessions < 1 or args.traffic < 0 or args.concurrency < 1:
        parser.error("need 0 < targets <= users <= 10000, sessions >= 1, traffic >= 0, concurrency >= 1")
    rng = random.Random(args.seed)
    corpus = make_corpus(rng)
    users, sessions = plan_sessions(args, rng)
    targets = sorted(rng.sample(range(args.users), args.targets))
    target_addresses = {users[i] for i in targets}
    estimate = max(1, sum(estimated_frames(s) for s in sessions))

    writer = capture.Writer(args.out)
    identifier = 0
    traffic_written = 0
    mail_frames = 0
    mail_payload = 0
    filler = bytes(1500)
    internet = [capture.ip_bytes(internet_address(i)) for i in range(4000)]
    subscribers = [capture.ip_bytes(subscriber_address(i)) for i in range(SUBSCRIBERS)]

    def other_packet():
        nonlocal identifier, traffic_written
        identifier += 1
        traffic_written += 1
        user = subscribers[rng.randrange(SUBSCRIBERS)]
        remote = internet[rng.randrange(len(internet))]
        upstream = rng.random() < 0.5
        source, destination = (user, remote) if upstream else (remote, user)
        size = rng.randint(64, 1500) - 14 - 20 - 20
        port = 50000 + traffic_written % 10000
        if rng.random() < 0.7:
            ports = (port, 443) if upstream else (443, port)
            body = capture.ipv4(source, destination, 6, capture.tcp(ports[0], ports[1], traffic_written,
                                                                    filler[:size]), identifier)
        else:
            ports = (port, 53) if upstream else (53, port)
            body = capture.ipv4(source, destination, 17, capture.udp(ports[0], ports[1], filler[:size + 12]),
                                identifier)
        writer.frame(body, step=rng.randint(1, 4))

    waiting = iter(sessions)
    active = []
    records = {address: {"iris": [], "cc": 0, "sessions": 0} for address in target_addresses}
    while True:
        while len(active) < args.concurrency:
            session = next(waiting, None)
            if session is None:
                break
            active.append(Conversation(session, corpus, rng))
            for address, (iris, cc) in session.records(target_addresses).items():
                records[address]["iris"] += iris
                records[address]["cc"] += cc
                records[address]["sessions"] += 1
        if not active:
            break
        k = rng.randrange(len(active))
        frame = next(active[k].frames, None)
        if frame is None:
            mail_payload += active[k].payload
            active[k] = active[-1]
            active.pop()
            continue
        source, destination, segment = frame
        identifier += 1
        writer.frame(capture.ipv4(source, destination, 6, segment, identifier), step=rng.randint(1, 4))
        mail_frames += 1
        while traffic_written < min(args.traffic, args.traffic * mail_frames // estimate):
            other_packet()
    while traffic_written < args.traffic:
        other_packet()
    writer.close()

    kinds = {kind: sum(1 for s in sessions if s.kind == kind) for kind in SERVERS}
    warrants = []
    for k, i in enumerate(targets):
        made = records[users[i]]
        kinds_of_iri = {}
        for iri in made["iris"]:
            kinds_of_iri[iri] = kinds_of_iri.get(iri, 0) + 1
        warrants.append({"liid": "%s%04d" % (args.liid_prefix, k), "kind": "email", "address": users[i],
                         "expected": {"iris": len(made["iris"]), "ccs": made["cc"], "sessions": made["sessions"],
                                      "iri_types": dict(sorted(kinds_of_iri.items()))}})
    setup = {
        "pcap": args.out,
        "frames": writer.frames,
        "mail_frames": mail_frames,
        "traffic_packets": traffic_written,
        "sessions": {"total": len(sessions), **kinds},
        "messages_sent_or_retrieved": sum(1 if s.kind == "smtp" else len(s.fetched) for s in sessions),
        "mail_payload_bytes": mail_payload,
        "servers": [{"kind": kind, "ip": ip, "port": port} for kind, (ip, port) in SERVERS.items()],
        "domain": DOMAIN,
        "users": args.users,
        "password": PASSWORD,
        "targets": [{"address": w["address"], "liid": w["liid"]} for w in warrants],
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
