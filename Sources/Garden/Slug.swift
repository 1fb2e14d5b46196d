import Foundation

/// File and folder names made from titles: lowercase ASCII words joined by hyphens, short
/// enough to read in a file list ("NNGP / NTK" → `nngp-ntk`).
public enum Slug {
    public static func make(_ title: String, maxLength: Int = 60) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var words: [String] = []
        var current = ""
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var slug = ""
        for word in words {
            let candidate = slug.isEmpty ? word : slug + "-" + word
            if candidate.count > maxLength, !slug.isEmpty { break }
            slug = candidate
        }
        return slug.isEmpty ? "untitled" : String(slug.prefix(maxLength))
    }
}
