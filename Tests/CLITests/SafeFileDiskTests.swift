import Foundation
import Testing

/// `trellis set` on a disk that is really full and on a file system that is really read-only:
/// a tiny tmpfs mounted in a private mount namespace (`unshare -m`, so nothing leaks to the
/// machine and the mount disappears with the shell that made it). Mounting needs root with
/// CAP_SYS_ADMIN; where the machine refuses, these tests are skipped and say why, and the
/// injected faults of GardenTests' SafeFileFaultTests still cover both cases.
@Suite struct SafeFileDiskTests {
    static let note = "---\r\ntitle: A paper\r\nstatus: unread  # todo\r\n---\r\nThe owner's words.\r\n"

    /// Whether a tmpfs can be mounted here: asked once, by mounting one.
    static let canMountTmpfs: Bool = {
        let folder = NSTemporaryDirectory() + "/trellis-mount-probe-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        return (try? shell("mount -t tmpfs -o size=16k tmpfs \"$MNT\"", ["MNT": folder]).status) == 0
    }()

    /// Runs `script` with sh in a mount namespace of its own.
    static func shell(_ script: String, _ environment: [String: String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["unshare", "-m", "sh", "-c", script]
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    /// The garden copied onto a 256 KB tmpfs, the disk filled to the last page, then
    /// `trellis set`; then the file system remounted read-only and `trellis set` again. What
    /// each left is copied out before the namespace goes.
    @Test(.enabled(if: canMountTmpfs, "needs root with CAP_SYS_ADMIN to mount a tmpfs (unshare -m); the injected ENOSPC and EROFS tests run regardless"))
    func aFullDiskAndAReadOnlyFileSystemLeaveTheNoteWhole() throws {
        let garden = FixtureGarden.clean()
        garden.write("kernels/paper.md", Self.note)
        let out = garden.base + "/out", mount = garden.base + "/mnt"
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
        let script = """
            set -e
            mount -t tmpfs -o size=256k tmpfs "$MNT"
            cp -a "$SRC" "$MNT/garden"
            dd if=/dev/zero of="$MNT/fill" bs=4096 2>/dev/null || true
            dd if=/dev/zero of="$MNT/fill-rest" bs=1 2>/dev/null || true
            df -k "$MNT" | tail -1 > "$OUT/df"
            set +e
            "$TRELLIS" set paper --status read --garden "$MNT/garden" > "$OUT/full.stdout" 2> "$OUT/full.stderr"
            echo $? > "$OUT/full.status"
            cp "$MNT/garden/kernels/paper.md" "$OUT/full.md"
            ls -A "$MNT/garden/kernels" > "$OUT/full.listing"
            rm -f "$MNT/fill" "$MNT/fill-rest"
            mount -o remount,ro "$MNT" || exit 3
            "$TRELLIS" set paper --status read --garden "$MNT/garden" > "$OUT/ro.stdout" 2> "$OUT/ro.stderr"
            echo $? > "$OUT/ro.status"
            cp "$MNT/garden/kernels/paper.md" "$OUT/ro.md"
            ls -A "$MNT/garden/kernels" > "$OUT/ro.listing"
            """
        let result = try Self.shell(script, ["MNT": mount, "SRC": garden.root, "OUT": out, "TRELLIS": CLI.binary,
                                             "TRELLIS_CACHE_DIR": garden.base + "/cache", "TRELLIS_GARDEN": ""])
        try #require(result.status == 0, "\(result.stderr)")
        func file(_ name: String) throws -> String { try String(contentsOfFile: out + "/" + name, encoding: .utf8) }

        // The disk was full: not one 4 KB page left.
        let df = try file("df")
        #expect(df.split(separator: " ", omittingEmptySubsequences: true)[3] == "0", "\(df)")
        for step in ["full", "ro"] {
            #expect(try file(step + ".status") == "1\n")
            #expect(Array(try file(step + ".md").utf8) == Array(Self.note.utf8), "\(step): the note changed")
            // No temporary file left beside the note.
            let listing = try file(step + ".listing")
            #expect(Set(listing.split(separator: "\n")) == ["index.md", "ntk.md", "nngp.md", "paper.md"], "\(step): \(listing)")
            #expect(try file(step + ".stdout") == "")
        }
        #expect(try file("full.stderr") == "trellis: cannot write kernels/paper.md: No space left on device\n")
        #expect(try file("ro.stderr") == "trellis: cannot write kernels/paper.md: Read-only file system\n")
    }
}
