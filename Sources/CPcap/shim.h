#ifndef OPENLI_APPLIANCE_CPCAP_SHIM_H
#define OPENLI_APPLIANCE_CPCAP_SHIM_H
#include <pcap/pcap.h>
#endif
