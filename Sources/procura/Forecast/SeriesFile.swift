import Foundation

/// Reads `--series FILE`: one number per line; an optional first line that is not a number is a
/// header; blank lines are skipped.
enum SeriesFile {
    static func read(_ path: String) throws -> [Double] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandFailure("\(path): cannot read the file — check the path")
        }
        let text = String(decoding: data, as: UTF8.self)
        var values: [Double] = []
        var sawContent = false
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if let v = Double(line), v.isFinite {
                values.append(v)
            } else if !sawContent {
                // header line
            } else {
                throw CommandFailure("\(path):\(index + 1): '\(line)' — expected a number")
            }
            sawContent = true
        }
        guard !values.isEmpty else { throw CommandFailure("\(path): no numbers found — expected one value per line") }
        return values
    }
}
