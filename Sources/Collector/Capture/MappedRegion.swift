#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only window of a memory-mapped capture file. Frame batches that refer to frames inside it keep it alive;
/// it is unmapped when the reader has moved past it and the last such batch has been recycled, so a file is never
/// mapped (or resident) much beyond what is in flight.
public final class MappedRegion: @unchecked Sendable {
    // Safe to share: immutable after init (a read-only mapping); unmapped only in deinit, when no batch refers to
    // it any more.
    /// The first mapped byte.
    public let base: UnsafeRawPointer
    /// Bytes mapped.
    public let length: Int
    /// The file offset of `base`.
    public let fileOffset: Int

    /// Maps `length` bytes of `descriptor` from `fileOffset` (a multiple of the page size); nil when mmap fails.
    init?(descriptor: Int32, fileOffset: Int, length: Int) {
        guard length > 0,
            let mapped = mmap(nil, length, PROT_READ, MAP_PRIVATE, descriptor, off_t(fileOffset)),
            mapped != MAP_FAILED
        else { return nil }
        _ = madvise(mapped, length, MADV_SEQUENTIAL)
        _ = madvise(mapped, length, MADV_WILLNEED)
        base = UnsafeRawPointer(mapped)
        self.length = length
        self.fileOffset = fileOffset
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: base), length)
    }

    /// The whole window as bytes.
    public var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: length)
    }
}
