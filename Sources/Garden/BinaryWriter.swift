/// Appends values to a byte buffer in the parse cache's compact encoding: unsigned LEB128
/// varints, zigzag varints for signed values, and strings as a varint byte count followed by
/// their UTF-8 bytes. `BinaryReader` reads the same encoding back.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func raw(_ values: some Sequence<UInt8>) { bytes.append(contentsOf: values) }

    /// Unsigned LEB128: seven bits a byte, low bits first, the high bit set on all but the last.
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func count(_ value: Int) { varint(UInt64(Swift.max(value, 0))) }

    /// Zigzag maps small negative numbers to small unsigned ones: 0, -1, 1, -2 → 0, 1, 2, 3.
    mutating func signed(_ value: Int64) {
        varint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            count(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    /// Overwrites eight bytes at `offset`, little-endian (used to fill in the checksum).
    mutating func patch64(_ value: UInt64, at offset: Int) {
        for shift in 0..<8 { bytes[offset + shift] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(shift))) }
    }
}
