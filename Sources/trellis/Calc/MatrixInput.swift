import ArgumentParser
import Foundation
import SignalProp

/// Inputs given as a JSON list of rows (`--x '[[1,0],[0.6,0.8]]'`) or as a CSV file with one
/// input per row (`--x-file inputs.csv`). Every problem names its option (and line).
enum MatrixInput {
    /// The most rows a matrix option accepts (the kernels are n×n).
    static let largestRows = 20_000

    static func parse(json text: String, option: String) throws -> Matrix {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else {
            throw ValidationError("\(option): not valid JSON (expected a list of rows such as [[1,0],[0.6,0.8]])")
        }
        guard let rows = object as? [Any] else { throw ValidationError("\(option): expected a list of rows, got \(text.prefix(40))") }
        var numbers: [[Double]] = []
        for (index, row) in rows.enumerated() {
            guard let entries = row as? [Any] else {
                throw ValidationError("\(option): row \(index + 1) is not a list of numbers")
            }
            numbers.append(try entries.enumerated().map { position, entry in
                try number(entry, option: option, where: "row \(index + 1), entry \(position + 1)")
            })
        }
        return try matrix(numbers, option: option)
    }

    static func parse(file path: String, option: String) throws -> Matrix {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("\(option): cannot read \(path): \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ValidationError("\(option): \(path) is not UTF-8 text")
        }
        var numbers: [[Double]] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            numbers.append(try trimmed.split(separator: ",", omittingEmptySubsequences: false).map { field in
                let value = field.trimmingCharacters(in: .whitespaces)
                guard let number = Double(value), number.isFinite else {
                    throw ValidationError("\(option): \(path):\(index + 1): '\(value)' is not a finite number")
                }
                return number
            })
        }
        return try matrix(numbers, option: option)
    }

    /// A JSON list of numbers (`--ytrain '[1,-1]'`, `--eigs '[1,0.5]'`).
    static func parseVector(json text: String, option: String) throws -> [Double] {
        guard let data = text.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
              let entries = object as? [Any] else {
            throw ValidationError("\(option): expected a JSON list of numbers such as [1,0.5], got '\(text.prefix(40))'")
        }
        guard !entries.isEmpty else { throw ValidationError("\(option): the list is empty") }
        return try entries.enumerated().map { index, entry in try number(entry, option: option, where: "entry \(index + 1)") }
    }

    private static func number(_ entry: Any, option: String, where place: String) throws -> Double {
        // JSON's true and false also arrive as NSNumber (a boolean subclass of it).
        guard let number = entry as? NSNumber, !String(describing: type(of: entry)).contains("Bool") else {
            throw ValidationError("\(option): \(place) is not a number")
        }
        let value = number.doubleValue
        guard value.isFinite else { throw ValidationError("\(option): \(place) is not finite") }
        return value
    }

    private static func matrix(_ rows: [[Double]], option: String) throws -> Matrix {
        guard let first = rows.first else { throw ValidationError("\(option): no inputs (the matrix is empty)") }
        guard !first.isEmpty else { throw ValidationError("\(option): row 1 is empty") }
        for (index, row) in rows.enumerated() where row.count != first.count {
            throw ValidationError("\(option): ragged rows: row 1 has \(first.count) entries, row \(index + 1) has \(row.count)")
        }
        guard rows.count <= largestRows else {
            throw ValidationError("\(option): \(rows.count) inputs; at most \(largestRows) are allowed")
        }
        return Matrix(rows)
    }
}
