#ifndef OPENLI_APPLIANCE_UDP_RECEIVE_H
#define OPENLI_APPLIANCE_UDP_RECEIVE_H
#include <stddef.h>
#include <stdint.h>

/// The sender of one received datagram: family 4 or 6, its address (IPv4 in the first 4 bytes) and port.
typedef struct openli_udp_sender {
    uint8_t family;
    uint8_t address[16];
    uint16_t port;
} openli_udp_sender;

/// Opens a non-blocking UDP socket bound to `address` (4 or 16 bytes, by `family` 4 or 6) and `port`, with a
/// receive buffer of `buffer_bytes` (forced past the system limit when the process may). Returns the descriptor, or
/// -errno.
int openli_udp_open(uint8_t family, const uint8_t *address, uint16_t port, int buffer_bytes);

/// Receives up to `count` (at most 64) datagrams with one recvmmsg call, each into its `slot_bytes` slot of
/// `slots`; fills each one's length (the bytes kept), whether it was longer than its slot, and its sender.
/// Returns how many were received, 0 when none was waiting, or -errno.
int openli_udp_receive_batch(
    int descriptor,
    uint8_t *slots,
    size_t slot_bytes,
    unsigned count,
    uint32_t *lengths,
    uint8_t *truncated,
    openli_udp_sender *senders
);

/// Waits up to `milliseconds` for any of `count` descriptors to be readable. Returns the number readable, 0 on
/// timeout, or -errno.
int openli_udp_wait(const int *descriptors, unsigned count, int milliseconds);

/// The receive buffer the kernel gave a socket, in bytes, or -errno.
int openli_udp_receive_buffer(int descriptor);
#endif
