public import Foundation

/// Paths of the committed test fixtures (`Tests/Fixtures`).
public enum Fixtures {
    /// `Tests/Fixtures` of this package.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // ProcuraTestSupport
        .deletingLastPathComponent()  // Tests
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// The package root.
    public static let packageRoot: URL = directory.deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture file or folder.
    public static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// A fresh empty temporary directory; the caller removes it.
    public static func temporaryDirectory(_ prefix: String = "procura-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
