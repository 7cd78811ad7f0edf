#ifndef OPENLI_APPLIANCE_CPCAP_SHIM_H
#define OPENLI_APPLIANCE_CPCAP_SHIM_H
#include <pcap/pcap.h>

#if defined(__linux__)
#include <errno.h>
#include <linux/if_packet.h>
#include <sys/socket.h>

/// Joins an activated live handle's packet socket to fanout group `group` in flow-hash mode, so that the kernel
/// spreads the interface's flows over every handle of the group. Returns 0, or an errno value.
static inline int openli_pcap_join_fanout(pcap_t *handle, unsigned short group) {
    int descriptor = pcap_fileno(handle);
    if (descriptor < 0) {
        return EBADF;
    }
    int argument = (int)group | (PACKET_FANOUT_HASH << 16);
    if (setsockopt(descriptor, SOL_PACKET, PACKET_FANOUT, &argument, sizeof(argument)) != 0) {
        return errno;
    }
    return 0;
}
#else
static inline int openli_pcap_join_fanout(pcap_t *handle, unsigned short group) {
    (void)handle;
    (void)group;
    return 95;
}
#endif
#endif
