/// Reads the encoding `BinaryWriter` writes, from bytes that may be truncated or corrupt:
/// every read checks bounds and throws rather than trapping, so a bad cache file can only
/// ever mean "no cache". It borrows the bytes: use it only inside their `withUnsafeBytes`.
struct BinaryReader {
    struct Malformed: Error {}

    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int

    init(_ bytes: UnsafeRawBufferPointer, position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    var isAtEnd: Bool { position == bytes.count }
    var remaining: Int { bytes.count - position }

    mutating func byte() throws(Malformed) -> UInt8 {
        guard position < bytes.count else { throw Malformed() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func varint() throws(Malformed) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            // A tenth byte may only carry the top bit of a 64-bit value; more means corruption.
            guard shift < 63 || (shift == 63 && next <= 1) else { throw Malformed() }
            result |= UInt64(next & 0x7F) << shift
            if next < 0x80 { return result }
            shift += 7
        }
    }

    mutating func signed() throws(Malformed) -> Int64 {
        let raw = try varint()
        return Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
    }

    /// A non-negative Int no larger than `limit`. Element counts pass `remaining` as the limit,
    /// since every element takes at least one byte; this stops a corrupt count from making the
    /// decoder reserve gigabytes.
    mutating func count(limit: Int) throws(Malformed) -> Int {
        let raw = try varint()
        guard raw <= UInt64(limit) else { throw Malformed() }
        return Int(raw)
    }

    mutating func count() throws(Malformed) -> Int { try count(limit: remaining) }

    /// An Int stored with `BinaryWriter.signed`.
    mutating func int() throws(Malformed) -> Int {
        Int(truncatingIfNeeded: try signed())
    }

    mutating func string() throws(Malformed) -> String {
        let length = try count()
        defer { position += length }
        // Invalid UTF-8 would be repaired rather than rejected here, but the file's checksum
        // has already been verified, so the bytes are the ones the writer wrote.
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[position..<position + length]), as: UTF8.self)
    }

    mutating func raw(_ length: Int) throws(Malformed) -> UnsafeRawBufferPointer {
        guard length <= remaining else { throw Malformed() }
        defer { position += length }
        return UnsafeRawBufferPointer(rebasing: bytes[position..<position + length])
    }

    mutating func uint64LE() throws(Malformed) -> UInt64 {
        let slice = try raw(8)
        return slice.loadUnaligned(as: UInt64.self).littleEndian
    }
}
