#ifndef OPENLI_APPLIANCE_CCRC32C_H
#define OPENLI_APPLIANCE_CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has a CRC-32C instruction (x86-64 SSE 4.2, or the ARMv8 CRC extension).
int ccrc32c_hardware_available(void);

/// Continues a reflected CRC-32C over `count` bytes with the CPU's instruction: `state` is the running value
/// without the final inversion (start with 0xFFFFFFFF). Call only when ccrc32c_hardware_available() is true.
uint32_t ccrc32c_update(uint32_t state, const void *bytes, size_t count);

#endif
