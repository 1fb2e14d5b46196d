/// The parse cache's checksum, fed in pieces: the same value as over the pieces joined, so the
/// cache can be checked and written without holding it in one buffer. Eight bytes at a time
/// (a byte-at-a-time hash over 20 MB would cost ~20 ms of a load); it detects corruption and
/// is not cryptographic.
struct Checksum {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var hash: UInt64
    /// Bytes of an unfinished eight-byte word from the previous piece, low byte first.
    private var pending: UInt64 = 0
    private var pendingCount = 0

    /// `length` is the total number of bytes that will be added; it seeds the hash.
    init(length: Int) { hash = 0xCBF2_9CE4_8422_2325 ^ UInt64(length) }

    mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while pendingCount > 0, offset < bytes.count {
            pending |= UInt64(bytes[offset]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            offset += 1
            if pendingCount == 8 {
                mix(pending)
                (pending, pendingCount) = (0, 0)
            }
        }
        while offset + 8 <= bytes.count {
            mix(bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
            offset += 8
        }
        while offset < bytes.count {
            pending |= UInt64(bytes[offset]) << (8 * UInt64(pendingCount))
            pendingCount += 1
            offset += 1
        }
    }

    /// The hash of everything added; the last bytes that do not fill a word go in one by one.
    var value: UInt64 {
        var hash = self.hash
        for index in 0..<pendingCount {
            hash = (hash ^ ((pending >> (8 * UInt64(index))) & 0xFF)) &* Self.multiplier
        }
        return hash ^ (hash >> 32)
    }

    private mutating func mix(_ word: UInt64) {
        hash = (hash ^ word) &* Self.multiplier
        hash ^= hash >> 29
    }
}
