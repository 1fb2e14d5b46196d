#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The persistent parse cache: what `ParsedFile.parse` learned from each Markdown file, kept
/// between runs so that a warm load skips YAML parsing (Yams costs ~176 µs a file). The
/// Markdown files stay the only source of truth; the cache may be deleted at any time.
///
/// One file per garden, `<directory>/garden-<FNV-1a 64 of the root path>.cache`:
///
///     magic "TRLSPCAC", format version (varint), checksum (8 bytes LE, over what follows)
///     garden root path, scan time (ns, zigzag), chunk count
///     per chunk: entry count, byte length
///     the chunks' bytes, one after another: entries (see BinaryCoding.swift)
///
/// Entries come in chunks so that they can be encoded and decoded on every core.
///
/// Anything unexpected — another magic, version or root, a checksum mismatch, a truncated or
/// overlong file — reads as an empty cache, never as wrong data and never as a crash.
struct ParseCache {
    static let magic: [UInt8] = Array("TRLSPCAC".utf8)
    static let formatVersion: UInt64 = 3
    /// Entries per chunk: small enough to spread 10,000 files over the cores, large enough
    /// that the per-chunk overhead does not matter.
    static let entriesPerChunk = 512
    /// How much older than the scan a file's mtime must be for its entry to be stored. See
    /// `isStorable`.
    static let racyWindowNanoseconds: Int64 = 2_000_000_000

    let directory: String
    let gardenRoot: String

    init(directory: String, gardenRoot: String) {
        self.directory = directory
        self.gardenRoot = gardenRoot
    }

    /// `<directory>/garden-<hash>.cache`.
    var path: String { directory + "/garden-" + Self.hexHash(gardenRoot) + ".cache" }

    /// Cached files by relative path; empty when there is no usable cache.
    func read() -> [String: ParsedFile] {
        // Mapped rather than read: the pages come straight from the page cache instead of being
        // zeroed and copied into a 20 MB array first, and pages already decoded are handed back
        // (`MappedPages`), so the file never adds its whole size to the process's peak memory.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return [:] }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return [:] }
        let length = Int(info.st_size)
        guard let address = mmap(nil, length, PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return [:] }
        defer { munmap(address, length) }
        let buffer = UnsafeRawBufferPointer(start: address, count: length)
        return (try? Self.decodeOrThrow(buffer, gardenRoot: gardenRoot, pages: MappedPages(mapping: buffer))) ?? [:]
    }

    /// Replaces the cache with the storable ones of `files`. `scanTime` is the wall-clock time
    /// (ns) at which the loader began to look at the files. Failures are ignored: without a
    /// writable cache folder the garden still loads, only more slowly.
    func write(_ files: [ParsedFile], scanTime: Int64 = ParseCache.now()) {
        let stored = files.filter { Self.isStorable($0, scanTime: scanTime) }
        let pieces = Self.encode(stored, gardenRoot: gardenRoot, scanTime: scanTime)
        guard makeDirectories(directory) else { return }
        let temporary = path + ".tmp-\(getpid())"
        guard writeAll(pieces, to: temporary) else {
            unlink(temporary)
            return
        }
        if rename(temporary, path) != 0 { unlink(temporary) }
    }

    /// Whether an entry may go into the cache.
    ///
    /// Racy mtimes: a file written shortly before the scan could be written again within the
    /// file system's timestamp granularity (and with a clock that is coarser than it looks), so
    /// a later edit might leave size and mtime unchanged and the cache would serve stale text.
    /// Of the two usual answers — store such entries marked untrusted, or do not store them —
    /// this cache does not store them: a file whose mtime is not at least 2 s older than the
    /// scan is parsed on every load until it settles, and the loader rewrites the cache once
    /// it has.
    ///
    /// Files that failed to load (unreadable, not UTF-8, bad front matter) are not stored
    /// either: they are rare and cheap to retry, and a read failure (permissions) can clear
    /// without the file's size or mtime changing.
    static func isStorable(_ file: ParsedFile, scanTime: Int64) -> Bool {
        file.frontMatter != nil && file.record.modified < scanTime - racyWindowNanoseconds
    }

    /// Wall-clock time in nanoseconds since the epoch, the clock file mtimes use.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    // MARK: Encoding

    /// The cache file's bytes as pieces to write one after another: the header, then each
    /// chunk as it was encoded (joining them would hold the whole garden twice in memory).
    static func encode(_ files: [ParsedFile], gardenRoot: String, scanTime: Int64) -> [[UInt8]] {
        let chunks = stride(from: 0, to: files.count, by: entriesPerChunk).map { Array(files[$0..<min($0 + entriesPerChunk, files.count)]) }
        let encoded = chunks.parallelMap { chunk in
            var chunkWriter = BinaryWriter(capacity: chunk.reduce(0) { $0 + $1.body.utf8.count + 512 })
            for file in chunk { chunkWriter.parsedFile(file) }
            return chunkWriter.bytes
        }
        var header = BinaryWriter(capacity: 256 + 16 * chunks.count)
        header.raw(magic)
        header.varint(formatVersion)
        let checksumOffset = header.bytes.count
        header.raw(repeatElement(0, count: 8))
        header.string(gardenRoot)
        header.signed(scanTime)
        header.count(chunks.count)
        for (chunk, bytes) in zip(chunks, encoded) {
            header.count(chunk.count)
            header.count(bytes.count)
        }
        var checksum = Checksum(length: header.bytes.count - checksumOffset - 8 + encoded.reduce(0) { $0 + $1.count })
        header.bytes.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[(checksumOffset + 8)...])) }
        for bytes in encoded { bytes.withUnsafeBytes { checksum.add($0) } }
        header.patch64(checksum.value, at: checksumOffset)
        return [header.bytes] + encoded
    }

    /// The cached files, or nil when `bytes` are not a valid cache of `gardenRoot`.
    static func decode(_ bytes: [UInt8], gardenRoot: String) -> [String: ParsedFile]? {
        bytes.withUnsafeBytes { buffer in decode(buffer, gardenRoot: gardenRoot) }
    }

    static func decode(_ buffer: UnsafeRawBufferPointer, gardenRoot: String) -> [String: ParsedFile]? {
        try? decodeOrThrow(buffer, gardenRoot: gardenRoot, pages: nil)
    }

    /// `pages`, when the buffer is a file mapping, gives back each part once it is read.
    private static func decodeOrThrow(_ buffer: UnsafeRawBufferPointer, gardenRoot: String,
                                      pages: MappedPages?) throws(BinaryReader.Malformed) -> [String: ParsedFile] {
        var reader = BinaryReader(buffer)
        guard try reader.raw(magic.count).elementsEqual(magic),
              try reader.varint() == formatVersion else { throw BinaryReader.Malformed() }
        let expected = try reader.uint64LE()
        guard checksum(UnsafeRawBufferPointer(rebasing: buffer[reader.position...]), pages: pages) == expected,
              try reader.string() == gardenRoot else { throw BinaryReader.Malformed() }
        _ = try reader.signed()  // the scan time, kept for inspection
        var chunks: [Chunk] = []
        var offset = 0
        for _ in 0..<(try reader.count()) {
            let entries = try reader.count()
            let length = try reader.count()
            chunks.append(Chunk(entries: entries, start: offset, length: length))
            offset += length
        }
        guard offset == reader.remaining else { throw BinaryReader.Malformed() }
        let base = SendableBytes(buffer: UnsafeRawBufferPointer(rebasing: buffer[reader.position...]))
        let decoded = chunks.parallelMap { chunk -> [ParsedFile]? in
            var chunkReader = BinaryReader(UnsafeRawBufferPointer(rebasing: base.buffer[chunk.start..<chunk.start + chunk.length]))
            var files: [ParsedFile] = []
            files.reserveCapacity(min(chunk.entries, chunk.length))
            for _ in 0..<chunk.entries {
                guard let file = try? chunkReader.parsedFile() else { return nil }
                files.append(file)
            }
            pages?.release(UnsafeRawBufferPointer(rebasing: base.buffer[chunk.start..<chunk.start + chunk.length]))
            return chunkReader.isAtEnd ? files : nil
        }
        var files: [String: ParsedFile] = Dictionary(minimumCapacity: decoded.reduce(0) { $0 + ($1?.count ?? 0) })
        for chunk in decoded {
            guard let chunk else { throw BinaryReader.Malformed() }
            for file in chunk { files[file.record.path] = file }
        }
        return files
    }

    private struct Chunk: Sendable {
        var entries: Int
        var start: Int
        var length: Int
    }

    /// The file's bytes, shared read-only by the threads decoding its chunks while `decode`
    /// holds them.
    private struct SendableBytes: @unchecked Sendable {
        var buffer: UnsafeRawBufferPointer
    }

    /// A 64-bit hash of the payload, eight bytes at a time (a byte-at-a-time hash over 20 MB
    /// would cost ~20 ms of the load). It detects corruption; it is not cryptographic.
    static func checksum(_ bytes: UnsafeRawBufferPointer, pages: MappedPages? = nil) -> UInt64 {
        var checksum = Checksum(length: bytes.count)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + MappedPages.window)
            let window = UnsafeRawBufferPointer(rebasing: bytes[offset..<end])
            checksum.add(window)
            pages?.release(window)
            offset = end
        }
        return checksum.value
    }

    /// FNV-1a 64 of the path's UTF-8, as 16 hex digits.
    static func hexHash(_ text: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A read-only file mapping whose pages can be handed back to the kernel once read: they stop
/// counting towards the process's memory and are read again from the page cache if touched.
/// Never used on ordinary memory, where giving pages back would zero them.
struct MappedPages: @unchecked Sendable {
    /// How much the checksum pass reads before giving pages back.
    static let window = 1 << 20
    let mapping: UnsafeRawBufferPointer

    /// Gives back the whole pages inside `part` (a part of `mapping`).
    func release(_ part: UnsafeRawBufferPointer) {
        guard let base = mapping.baseAddress, let start = part.baseAddress, part.count > 0 else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (start - base + page - 1) / page * page
        let end = (start - base + part.count) / page * page
        guard end > first else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + first), end - first, MADV_DONTNEED)
    }
}

/// Creates `path` and any missing parents (`mkdir -p`); true when it exists as a folder.
private func makeDirectories(_ path: String) -> Bool {
    var info = stat()
    if stat(path, &info) == 0 { return (info.st_mode & S_IFMT) == S_IFDIR }
    let parent = path.folder
    if !parent.isEmpty, parent != path { _ = makeDirectories(parent) }
    return mkdir(path, 0o755) == 0 || errno == EEXIST
}

/// Writes `pieces`, one after another, to a new file at `path`; false on any failure.
private func writeAll(_ pieces: [[UInt8]], to path: String) -> Bool {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { return false }
    let ok = pieces.allSatisfy { piece in piece.withUnsafeBytes { buffer -> Bool in
        var written = 0
        while written < buffer.count {
            let n = write(fd, buffer.baseAddress! + written, buffer.count - written)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += n
        }
        return true
    } }
    return close(fd) == 0 && ok
}
