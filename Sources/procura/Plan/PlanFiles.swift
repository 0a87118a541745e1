import Foundation

/// Writes a file from pieces of text, so large outputs never sit in memory whole.
enum PlanFiles {
    /// Creates (or truncates) `url` and appends every piece `produce` hands to its sink.
    static func write(_ url: URL, _ produce: ((String) -> Void) async -> Void) async throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var failure: (any Error)?
        await produce { piece in
            guard failure == nil else { return }
            do { try handle.write(contentsOf: Data(piece.utf8)) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
