#define _GNU_SOURCE
#include "udp_receive.h"

#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int openli_udp_open(uint8_t family, const uint8_t *address, uint16_t port, int buffer_bytes) {
    int domain = family == 6 ? AF_INET6 : AF_INET;
    int descriptor = socket(domain, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (descriptor < 0) {
        return -errno;
    }
    if (buffer_bytes > 0 && setsockopt(descriptor, SOL_SOCKET, SO_RCVBUFFORCE, &buffer_bytes, sizeof(buffer_bytes)) != 0) {
        (void)setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &buffer_bytes, sizeof(buffer_bytes));
    }
    int result;
    if (domain == AF_INET6) {
        int only = 1;
        (void)setsockopt(descriptor, IPPROTO_IPV6, IPV6_V6ONLY, &only, sizeof(only));
        struct sockaddr_in6 local;
        memset(&local, 0, sizeof(local));
        local.sin6_family = AF_INET6;
        local.sin6_port = htons(port);
        memcpy(&local.sin6_addr, address, 16);
        result = bind(descriptor, (struct sockaddr *)&local, sizeof(local));
    } else {
        struct sockaddr_in local;
        memset(&local, 0, sizeof(local));
        local.sin_family = AF_INET;
        local.sin_port = htons(port);
        memcpy(&local.sin_addr, address, 4);
        result = bind(descriptor, (struct sockaddr *)&local, sizeof(local));
    }
    if (result != 0) {
        int failure = errno;
        close(descriptor);
        return -failure;
    }
    return descriptor;
}

int openli_udp_receive_batch(
    int descriptor,
    uint8_t *slots,
    size_t slot_bytes,
    unsigned count,
    uint32_t *lengths,
    uint8_t *truncated,
    openli_udp_sender *senders
) {
    enum { most = 64 };
    struct mmsghdr messages[most];
    struct iovec vectors[most];
    struct sockaddr_storage addresses[most];
    if (count > most) {
        count = most;
    }
    memset(messages, 0, sizeof(struct mmsghdr) * count);
    for (unsigned index = 0; index < count; index++) {
        vectors[index].iov_base = slots + (size_t)index * slot_bytes;
        vectors[index].iov_len = slot_bytes;
        messages[index].msg_hdr.msg_iov = &vectors[index];
        messages[index].msg_hdr.msg_iovlen = 1;
        messages[index].msg_hdr.msg_name = &addresses[index];
        messages[index].msg_hdr.msg_namelen = sizeof(addresses[index]);
    }
    int received = recvmmsg(descriptor, messages, count, MSG_DONTWAIT, NULL);
    if (received < 0) {
        return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -errno;
    }
    for (int index = 0; index < received; index++) {
        lengths[index] = messages[index].msg_len;
        truncated[index] = (messages[index].msg_hdr.msg_flags & MSG_TRUNC) != 0;
        memset(&senders[index], 0, sizeof(senders[index]));
        if (addresses[index].ss_family == AF_INET6) {
            const struct sockaddr_in6 *peer = (const struct sockaddr_in6 *)&addresses[index];
            senders[index].family = 6;
            memcpy(senders[index].address, &peer->sin6_addr, 16);
            senders[index].port = ntohs(peer->sin6_port);
        } else {
            const struct sockaddr_in *peer = (const struct sockaddr_in *)&addresses[index];
            senders[index].family = 4;
            memcpy(senders[index].address, &peer->sin_addr, 4);
            senders[index].port = ntohs(peer->sin_port);
        }
    }
    return received;
}

int openli_udp_wait(const int *descriptors, unsigned count, int milliseconds) {
    enum { most = 64 };
    struct pollfd waiting[most];
    if (count > most) {
        count = most;
    }
    for (unsigned index = 0; index < count; index++) {
        waiting[index].fd = descriptors[index];
        waiting[index].events = POLLIN;
        waiting[index].revents = 0;
    }
    int ready = poll(waiting, count, milliseconds);
    if (ready < 0) {
        return errno == EINTR ? 0 : -errno;
    }
    return ready;
}

int openli_udp_receive_buffer(int descriptor) {
    int bytes = 0;
    socklen_t size = sizeof(bytes);
    if (getsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &bytes, &size) != 0) {
        return -errno;
    }
    return bytes;
}
