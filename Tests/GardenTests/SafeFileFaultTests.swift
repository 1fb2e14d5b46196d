import Foundation
import Testing
@testable import Garden

/// A write that fails — a full disk, a read-only file system, a folder the owner may not
/// write — leaves the note byte for byte as it was, no temporary file behind, and says which
/// file could not be written and why. Tests run as root (CI too), where permission bits stop
/// nothing: the failures are injected into `SafeFile` (a real full disk and a real read-only
/// mount are in CLITests' SafeFileDiskTests).
@Suite struct SafeFileFaultTests {
    static let original = "\u{FEFF}---\r\ntitle: A paper\r\nstatus: unread\r\n---\r\nThe owner's words.\r\n"

    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var fault: SafeFile.Fault
        var reason: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "disk full before the first byte", fault: .init(step: .write(afterBytes: 0), error: ENOSPC),
             reason: "No space left on device"),
        Case(name: "disk full partway", fault: .init(step: .write(afterBytes: 10), error: ENOSPC),
             reason: "No space left on device"),
        Case(name: "quota reached partway", fault: .init(step: .write(afterBytes: 30), error: EDQUOT),
             reason: "Disk quota exceeded"),
        Case(name: "read-only file system", fault: .init(step: .open, error: EROFS), reason: "Read-only file system"),
        Case(name: "folder not writable", fault: .init(step: .open, error: EACCES), reason: "Permission denied"),
        Case(name: "no inode left", fault: .init(step: .open, error: ENOSPC), reason: "No space left on device"),
        Case(name: "full disk reported by fsync", fault: .init(step: .sync, error: ENOSPC), reason: "No space left on device"),
        Case(name: "I/O error at fsync", fault: .init(step: .sync, error: EIO), reason: "Input/output error"),
    ]

    @Test(arguments: cases)
    func aFailedWriteLeavesTheNoteAsItWas(_ test: Case) throws {
        let garden = TemporaryGarden()
        garden.write("notes/x.md", Self.original)
        let path = garden.root + "/notes/x.md"
        let before = try #require(SafeFile.read(path))

        let thrown = SafeFile.injecting(test.fault, under: garden.root) {
            #expect(throws: NoteEditError.write(.failed(path, test.reason))) {
                try NoteEdit.apply([.status(.read), .addTag("kernels")], toFileAt: path)
            }
            return Result { () throws(NoteEditError) in try NoteEdit.apply([.status(.read)], toFileAt: path) }
        }
        guard case .failure(let error) = thrown else {
            Issue.record("the write succeeded despite the fault")
            return
        }
        #expect(error.description == "cannot write \(path): \(test.reason)")
        #expect(SafeFile.read(path) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: garden.root + "/notes") == ["x.md"])
    }

    @Test func theMessageNamesTheFileAsTheCommandLineShowsIt() {
        let error = SafeFile.WriteError.failed("/home/owner/garden/notes/x.md", "No space left on device")
        #expect(error.description.replacingOccurrences(of: "/home/owner/garden/", with: "")
                == "cannot write notes/x.md: No space left on device")
    }

    @Test func aFaultStaysInItsFolder() throws {
        let faulty = TemporaryGarden(), healthy = TemporaryGarden()
        faulty.write("x.md", Self.original)
        healthy.write("x.md", Self.original)
        try SafeFile.injecting(.init(step: .open, error: EROFS), under: faulty.root) { () throws in
            #expect(try NoteEdit.apply([.status(.read)], toFileAt: healthy.root + "/x.md") == ["status: read"])
        }
        // Gone once the block ends.
        #expect(try NoteEdit.apply([.status(.read)], toFileAt: faulty.root + "/x.md") == ["status: read"])
    }

    /// Permission bits, for real, where they count: only when the tests do not run as root.
    @Test(.enabled(if: getuid() != 0, "root writes through permission bits; the injected EACCES case covers CI"))
    func aReadOnlyFolderForReal() throws {
        let garden = TemporaryGarden()
        garden.write("notes/x.md", Self.original)
        let folder = garden.root + "/notes", path = folder + "/x.md"
        chmod(path, 0o444)
        chmod(folder, 0o555)
        defer { chmod(folder, 0o755) }
        #expect(throws: NoteEditError.write(.failed(path, "Permission denied"))) {
            try NoteEdit.apply([.status(.read)], toFileAt: path)
        }
        #expect(SafeFile.read(path) == Array(Self.original.utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["x.md"])
    }
}
