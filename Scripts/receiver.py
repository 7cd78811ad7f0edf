#!/usr/bin/env python3
"""A small LEA receiver for the demo and the benchmark: accepts HI2/HI3 connections, splits the stream into PS-PDUs
by their outer DER length, answers TRI keep-alives, and at the end prints records per LIID (IRIs by type, CCs).

It checks framing only; the test suite uses the independent decoder for full ETSI validation.

Usage: receiver.py [--port N] [--connections N] [--discard]
  --connections N  exit after N connections have closed (default 2: one agency's HI2 and HI3)
  --discard        count bytes only, still answering keep-alives (for benchmarks)
Prints "receiver: listening on 127.0.0.1:PORT" on stderr first.
"""
import argparse
import socket
import sys
import threading
from collections import defaultdict

IRI_TYPES = {1: "BEGIN", 2: "END", 3: "CONTINUE", 4: "REPORT"}
lock = threading.Lock()
counts = defaultdict(lambda: defaultdict(int))
totals = {"bytes": 0, "records": 0, "errors": 0}


def tlv(data, pos):
    """-> (tag, value start, value end) of the element at pos."""
    tag = data[pos]
    length = data[pos + 1]
    start = pos + 2
    if length & 0x80:
        count = length & 0x7F
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
    if record.endswith(b"\xa2\x04\xa2\x02\x83\x00"):
        return record[:-2] + b"\x84\x00"
    return None


def answer_keepalives(connection, data):
    """Walks whole records by their outer length only (fast); answers keep-alives; returns the bytes left over."""
    position = 0
    while len(data) - position >= 2:
        try:
            _, start, end = tlv(data, position)
        except IndexError:
            break
        if end > len(data):
            break
        if data[end - 6:end] == b"\xa2\x04\xa2\x02\x83\x00":
            reply = keepalive_response(bytes(data[position:end]))
            if reply:
                connection.sendall(reply)
        position = end
    return bytes(data[position:])


def serve(connection, discard):
    buffer = b""
    with connection:
        while True:
            chunk = connection.recv(1 << 20)
            if not chunk:
                break
            if discard:
                with lock:
                    totals["bytes"] += len(chunk)
                buffer = answer_keepalives(connection, memoryview(buffer + chunk))
                continue
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
                    totals["records"] += 1
                    totals["bytes"] += len(record)
                    counts[liid][kind + ((" " + detail) if detail else "")] += 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument("--discard", action="store_true")
    args = parser.parse_args()
    server = socket.create_server(("127.0.0.1", args.port))
    print("receiver: listening on 127.0.0.1:%d" % server.getsockname()[1], file=sys.stderr, flush=True)
    threads = []
    for _ in range(args.connections):
        connection, _ = server.accept()
        thread = threading.Thread(target=serve, args=(connection, args.discard), daemon=True)
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    if args.discard:
        print("receiver: %d bytes" % totals["bytes"])
        return
    print("receiver: %d records, %d bytes, %d framing errors" % (totals["records"], totals["bytes"], totals["errors"]))
    for liid in sorted(counts):
        parts = ", ".join("%s %d" % (kind, n) for kind, n in sorted(counts[liid].items()))
        print("  LIID %s: %s" % (liid, parts))


if __name__ == "__main__":
    main()
