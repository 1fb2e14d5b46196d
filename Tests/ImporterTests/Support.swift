import Foundation
import Garden
@testable import Importer

/// A fresh folder for one test, with helpers to write pages and read the garden back.
struct Workspace {
    let root: String

    init() {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("trellis-importer-\(UUID().uuidString)").path
        try! FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    var garden: String { root + "/garden" }

    func page(_ name: String, _ text: String) -> String {
        let path = root + "/" + name
        try! text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @discardableResult
    func importPages(_ pages: [String], _ configure: (inout ImportOptions) -> Void = { _ in }) throws -> Importer.Report {
        var options = ImportOptions()
        configure(&options)
        return try Importer.run(pages: pages, into: garden, options: options)
    }

    func load() throws -> Garden { try GardenLoader.load(garden) }

    /// Every file of the garden with its bytes, to prove that nothing changed.
    func snapshot() -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: garden)
        while let path = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: garden + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = FileManager.default.contents(atPath: garden + "/" + path)
            }
        }
        return files
    }

    func read(_ relative: String) -> String { try! String(contentsOfFile: garden + "/" + relative, encoding: .utf8) }
    func write(_ relative: String, _ text: String) { try! text.write(toFile: garden + "/" + relative, atomically: false, encoding: .utf8) }
}

/// The owner's five seed pages, copied beside the tests.
enum Seeds {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/seeds").path
    static func path(_ name: String) -> String { folder + "/" + name }
    static let tbr = path("000_3254686fc4645f1d.txt")
    static let readingGroup = path("001_c80cc02ed263e448.txt")
    static let core = path("002_7fd05f84b6425253.txt")
    static let months = path("003_ceaadfcd8511a293.txt")
    static let meanField = path("004_fed2b4bb0513d816.txt")
}
