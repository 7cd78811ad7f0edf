#!/usr/bin/env python3
"""Makes the golden vectors of encrypted records (TS 102 232-1 EncryptionContainer, AES-192-CBC, the ETSI-IP.nl
profile as OpenLI sends it) from the plain golden vectors, with an AES implementation independent of ours
(Python `cryptography`).

    Scripts/make-encryption-vectors.py            writes Tests/Fixtures/vectors/*-encrypted.der and .json

Each encrypted record keeps the plain record's PSHeader; its payload becomes
    payload [2] { encryptionContainer [4] { encryptionType [0] aES-192-CBC(3),
                  encryptedPayload [1] AES-192-CBC(EncryptedPayload + zero padding to 16), encryptedPayloadType [2] } }
where EncryptedPayload = 30 LEN { 80 08 <start seconds, 4 octets><byte counter, 4 octets>, a1 <the plain payload's
content> }, LEN being one octet below 128, else 82 and two octets below 32768, else 83 and three; the IV is the
sequence number (big-endian, 32 bits) four times. The byte counter of a stream's next record grows by the length of
each record sent before it.
"""
import json
import os
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

VECTORS = os.path.join(os.path.dirname(__file__), '..', 'Tests', 'Fixtures', 'vectors')
KEY = bytes(range(0x40, 0x58))                 # 24 octets: 40 41 ... 57
START_SECONDS = 1_714_521_600                  # 2024-05-01T00:00:00Z


def read_tlv(data, offset):
    """(tag, value start, value end) of the element at offset (definite lengths)."""
    tag = data[offset]
    first = data[offset + 1]
    if first < 0x80:
        return tag, offset + 2, offset + 2 + first
    count = first & 0x7F
    length = int.from_bytes(data[offset + 2:offset + 2 + count], 'big')
    start = offset + 2 + count
    return tag, start, start + length


def der_length(length):
    if length < 0x80:
        return bytes([length])
    octets = length.to_bytes((length.bit_length() + 7) // 8, 'big')
    return bytes([0x80 | len(octets)]) + octets


def element(tag, content):
    return bytes([tag]) + der_length(len(content)) + content


def sequence_number(header):
    """The sequenceNumber [4] of a PSHeader's content."""
    offset = 0
    while offset < len(header):
        tag, start, end = read_tlv(header, offset)
        if tag == 0x84:
            return int.from_bytes(header[start:end], 'big')
        offset = end
    raise ValueError('no sequenceNumber')


def encrypt_record(plain, counter, payload_type):
    tag, start, end = read_tlv(plain, 0)
    assert tag == 0x30 and end == len(plain)
    header_tag, header_start, header_end = read_tlv(plain, start)
    assert header_tag == 0xA1
    payload_tag, payload_start, payload_end = read_tlv(plain, header_end)
    assert payload_tag == 0xA2 and payload_end == end
    header_element = plain[start:header_end]
    payload_element = plain[header_end:payload_end]

    body = bytes([0x80, 0x08]) + START_SECONDS.to_bytes(4, 'big') + counter.to_bytes(4, 'big')
    body += bytes([0xA1]) + payload_element[1:]
    if len(body) < 128:
        inner = bytes([0x30, len(body)]) + body
    elif len(body) < 32768:
        inner = bytes([0x30, 0x82]) + len(body).to_bytes(2, 'big') + body
    else:
        inner = bytes([0x30, 0x83]) + len(body).to_bytes(3, 'big') + body
    inner += bytes((-len(inner)) % 16)

    iv = sequence_number(plain[header_start:header_end]).to_bytes(4, 'big') * 4
    encryptor = Cipher(algorithms.AES(KEY), modes.CBC(iv)).encryptor()
    encrypted = encryptor.update(inner) + encryptor.finalize()

    container = element(0x80, bytes([3])) + element(0x81, encrypted) + element(0x82, bytes([payload_type]))
    payload = element(0xA2, element(0xA4, container))
    return element(0x30, header_element + payload)


def main():
    outputs = []
    stream_octets = {}
    # (plain vector, stream, encryptedPayloadType): the IRIs share one stream (one counter), the CC another.
    for name, stream, payload_type in [('ipiri-begin', 'iri', 3), ('ipiri-end', 'iri', 3), ('ipcc', 'cc', 3)]:
        with open(os.path.join(VECTORS, name + '.der'), 'rb') as f:
            plain = f.read()
        counter = stream_octets.get(stream, 0)
        record = encrypt_record(plain, counter, payload_type)
        stream_octets[stream] = counter + len(record)
        with open(os.path.join(VECTORS, name + '-encrypted.der'), 'wb') as f:
            f.write(record)
        facts = {'plain': name + '.der', 'key': KEY.hex(), 'startSeconds': START_SECONDS, 'byteCounterLow': counter,
                 'encryptedPayloadType': payload_type, 'madeBy': 'Scripts/make-encryption-vectors.py (cryptography)'}
        with open(os.path.join(VECTORS, name + '-encrypted.json'), 'w') as f:
            json.dump(facts, f, indent=2)
            f.write('\n')
        outputs.append('%s-encrypted.der (%d octets)' % (name, len(record)))
    print('wrote ' + ', '.join(outputs))


if __name__ == '__main__':
    main()
