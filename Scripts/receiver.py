#!/usr/bin/env python3
"""A small LEA receiver for the demo and the benchmark: accepts HI2/HI3 connections (plain TCP, or TLS 1.3 with a
client certificate required), splits the stream into PS-PDUs by their outer DER length, answers TRI keep-alives, and
at the end prints records per LIID (IRIs by type, CCs).

It checks framing only; the test suite uses the independent decoder for full ETSI validation.

Usage: receiver.py [--port N] [--connections N] [--discard] [--cert FILE --key FILE --ca FILE]
  --connections N  exit after N connections have closed (default 2: one agency's HI2 and HI3); a connection whose
                   TLS handshake fails does not count
  --discard        count bytes only, still answering keep-alives (for benchmarks): keep-alives are found by the
                   bytes they end with (payload a2 04 a2 02 83 00) and a PS-PDU header that ends exactly there,
                   so the records in between are never walked
  --cert, --key    serve TLS 1.3 with this PEM certificate (chain) and key
  --ca FILE        the PEM CA that must have signed the client's certificate (required with --cert)
Prints "receiver: listening on 127.0.0.1:PORT" on stderr first. At the end it prints its totals on stdout, with
the CPU seconds it used.
"""
import argparse
import resource
import socket
import ssl
import sys
import threading
from collections import defaultdict

IRI_TYPES = {1: "BEGIN", 2: "END", 3: "CONTINUE", 4: "REPORT"}
KEEPALIVE_END = b"\xa2\x04\xa2\x02\x83\x00"
KEEPALIVE_MAX = 1024
lock = threading.Lock()
counts = defaultdict(lambda: defaultdict(int))
totals = {"bytes": 0, "records": 0, "errors": 0, "keepalives": 0, "handshake_failures": 0}


def tlv(data, pos):
    """-> (tag, value start, value end) of the element at pos."""
    tag = data[pos]
    length = data[pos + 1]
    start = pos + 2
    if length & 0x80:
        count = length & 0x7F
        if start + count > len(data):
            raise IndexError("truncated length")
        length = int.from_bytes(data[start:start + count], "big")
        start += count
    return tag, start, start + length


def children(data, start, end):
    while start < end:
        tag, value_start, value_end = tlv(data, start)
        yield tag, value_start, value_end
        start = value_end


def describe(record):
    _, start, end = tlv(record, 0)
    liid, kind, detail = "?", "?", ""
    for tag, s, e in children(record, start, end):
        if tag == 0xA1:
            for inner, hs, he in children(record, s, e):
                if inner == 0x81:
                    liid = record[hs:he].decode("utf-8", "replace")
        elif tag == 0xA2:
            choice, cs, ce = tlv(record, s)
            if choice == 0xA0:
                kind = "IRI"
                _, ps, pe = tlv(record, cs)
                for field, fs, fe in children(record, ps, pe):
                    if field == 0x80:
                        detail = IRI_TYPES.get(record[fs], "?")
            elif choice == 0xA1:
                kind = "CC"
            elif choice == 0xA2:
                kind = "TRI"
    return liid, kind, detail


def keepalive_response(record):
    """The same PS-PDU with the keep-alive (83 00) turned into a keep-aliveResponse (84 00)."""
    if record.endswith(KEEPALIVE_END):
        return record[:-2] + b"\x84\x00"
    return None


def keepalive_ending_at(window, end):
    """The keep-alive PS-PDU that ends at `end` in window: a SEQUENCE whose definite length ends exactly there and
    whose last element is the payload [2] that `end` follows. None if there is none."""
    for start in range(end - 8, max(-1, end - KEEPALIVE_MAX), -1):
        if window[start] != 0x30:
            continue
        try:
            _, value_start, value_end = tlv(window, start)
        except IndexError:
            continue
        if value_end != end:
            continue
        record = bytes(window[start:end])
        try:
            fields = list(children(record, value_start - start, len(record)))
        except IndexError:
            continue
        if fields and fields[-1][0] == 0xA2 and fields[-1][1] == len(record) - 4:
            return record
    return None


class DiscardStream:
    """Counts a connection's bytes and answers its keep-alives without walking the records in between: reads into
    one reused buffer whose first bytes are the last KEEPALIVE_MAX bytes read before (a keep-alive may straddle two
    reads), so nothing is copied but that tail."""

    def __init__(self, connection):
        self.connection = connection
        self.buffer = bytearray(KEEPALIVE_MAX + (1 << 18))
        self.view = memoryview(self.buffer)
        self.kept = 0  # bytes of the previous reads at the start of buffer
        self.answered = 0  # stream offset up to which keep-alives are answered
        self.offset = 0  # stream offset of buffer[0]
        self.received = 0

    def read(self):
        """Reads once; -> False at the end of the stream."""
        count = self.connection.recv_into(self.view[self.kept:])
        if not count:
            return False
        self.received += count
        end = self.kept + count
        found = self.buffer.find(KEEPALIVE_END, 0, end)
        while found >= 0:
            record_end = found + len(KEEPALIVE_END)
            if self.offset + record_end > self.answered:
                record = keepalive_ending_at(self.buffer, record_end)
                if record:
                    self.connection.sendall(keepalive_response(record))
                    self.answered = self.offset + record_end
                    with lock:
                        totals["keepalives"] += 1
            found = self.buffer.find(KEEPALIVE_END, found + 1, end)
        keep = min(end, KEEPALIVE_MAX)
        self.buffer[0:keep] = self.view[end - keep:end]
        self.offset += end - keep
        self.kept = keep
        return True


def serve_discard(connection):
    stream = DiscardStream(connection)
    while stream.read():
        pass
    with lock:
        totals["bytes"] += stream.received


def serve_records(connection):
    buffer = b""
    while True:
        chunk = connection.recv(1 << 16)
        if not chunk:
            break
        buffer += chunk
        while len(buffer) >= 2:
            try:
                _, start, end = tlv(buffer, 0)
            except IndexError:
                break
            if len(buffer) < end:
                break
            record, buffer = buffer[:end], buffer[end:]
            try:
                liid, kind, detail = describe(record)
            except IndexError:
                with lock:
                    totals["errors"] += 1
                continue
            reply = keepalive_response(record) if kind == "TRI" else None
            if reply:
                connection.sendall(reply)
                with lock:
                    totals["keepalives"] += 1
            with lock:
                totals["records"] += 1
                totals["bytes"] += len(record)
                counts[liid][kind + ((" " + detail) if detail else "")] += 1


def serve(connection, context, discard, finished):
    try:
        if context:
            try:
                connection = context.wrap_socket(connection, server_side=True)
            except (ssl.SSLError, OSError) as error:
                with lock:
                    totals["handshake_failures"] += 1
                print("receiver: TLS handshake failed: %s" % error, file=sys.stderr, flush=True)
                connection.close()
                return
        with connection:
            if discard:
                serve_discard(connection)
            else:
                serve_records(connection)
            if context:
                try:
                    connection.unwrap()
                except (ssl.SSLError, OSError):
                    pass
        finished.release()
    except OSError as error:
        print("receiver: connection failed: %s" % error, file=sys.stderr, flush=True)
        finished.release()


def tls_context(args):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.load_cert_chain(args.cert, args.key)
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_verify_locations(cafile=args.ca)
    return context


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--discard", action="store_true")
    parser.add_argument("--cert")
    parser.add_argument("--key")
    parser.add_argument("--ca")
    args = parser.parse_args()
    if any((args.cert, args.key, args.ca)) and not all((args.cert, args.key, args.ca)):
        parser.error("--cert, --key and --ca go together")
    context = tls_context(args) if args.cert else None
    server = socket.create_server(("127.0.0.1", args.port))
    print("receiver: listening on 127.0.0.1:%d" % server.getsockname()[1], file=sys.stderr, flush=True)
    finished = threading.Semaphore(0)
    threads = []
    done = 0
    server.settimeout(0.2)
    while done < args.connections:
        if finished.acquire(blocking=False):
            done += 1
            continue
        try:
            connection, _ = server.accept()
        except socket.timeout:
            continue
        connection.settimeout(None)
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 << 20)
        thread = threading.Thread(target=serve, args=(connection, context, args.discard, finished), daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cpu = usage.ru_utime + usage.ru_stime
    transport = "TLS" if context else "plain TCP"
    if args.discard:
        print("receiver: %d bytes over %s, %d keep-alives answered, %d failed handshakes, %.2f cpu s" % (
            totals["bytes"], transport, totals["keepalives"], totals["handshake_failures"], cpu))
        return
    print("receiver: %d records, %d bytes, %d framing errors" % (totals["records"], totals["bytes"], totals["errors"]))
    for liid in sorted(counts):
        parts = ", ".join("%s %d" % (kind, n) for kind, n in sorted(counts[liid].items()))
        print("  LIID %s: %s" % (liid, parts))


if __name__ == "__main__":
    main()
