public import Foundation
import InventoryCore

/// Writes a ``DemoCompany`` as a data folder in the format of DATA_FORMAT.md.
///
/// Master data is written first; then the company is simulated one item-location at a time and
/// each item-location's demand, stock-outs, receipts, stock lots and open orders are appended to
/// their files at once (streaming: memory does not grow with the history), then the open
/// transfers, the ledger postings and the overrides. Files are UTF-8 without a byte-order mark,
/// comma-separated, RFC 4180 quoting where needed, `\n` line ends, dates `YYYY-MM-DD`, numbers
/// with `.` and no grouping: the same company always gives the same bytes.
public struct DemoDataWriter: Sendable {
    /// The files a demo data set consists of, in the order they are written.
    public static let fileNames: [String] = DemoFile.allCases.map(\.rawValue)
    /// The folder beside them with the supplier stock statements (`<supplier_id>.csv`).
    public static let statementsFolder = "statements"

    /// Creates a writer.
    public init() {}

    /// Whether `directory` holds nothing but files of a previous demo data set (so writing into it
    /// loses nothing else): every entry is one of ``fileNames`` (hidden files aside) and, when there
    /// are any, `settings.yaml` starts with the demo marker line. An empty or missing folder counts.
    public static func looksLikeDemoFolder(_ directory: URL) -> Bool {
        let manager = FileManager.default
        guard let entries = try? manager.contentsOfDirectory(atPath: directory.path) else {
            return !manager.fileExists(atPath: directory.path)
        }
        let visible = entries.filter { !$0.hasPrefix(".") }
        if visible.isEmpty { return true }
        guard visible.allSatisfy({ fileNames.contains($0) || $0 == statementsFolder }) else { return false }
        let settings = directory.appendingPathComponent(DemoFile.settings.rawValue)
        guard let handle = try? FileHandle(forReadingFrom: settings) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 256)) ?? Data()
        return String(decoding: head, as: UTF8.self).hasPrefix(DemoSettingsFile.marker)
    }

    /// Writes `company` into `directory`, creating the folder (and its parents) when missing and
    /// replacing the demo files in it.
    ///
    /// - Returns: the files written and their row counts.
    /// - Throws: ``DemoDataError`` with code ``DemoDataError/Code/writeFailed`` when the folder or
    ///   a file cannot be created or written.
    @discardableResult
    public func write(_ company: DemoCompany, to directory: URL) throws(DemoDataError) -> DemoDataSummary {
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw DemoDataError(
                code: .writeFailed, message: "cannot create the folder \(directory.path): \(error.localizedDescription)")
        }
        var summary = DemoDataSummary(files: [])
        let settingsText = DemoSettingsFile.text(for: company)
        let settingsURL = directory.appendingPathComponent(DemoFile.settings.rawValue)
        do {
            try Data(settingsText.utf8).write(to: settingsURL)
        } catch {
            throw DemoDataError(code: .writeFailed, message: "cannot write \(settingsURL.path): \(error.localizedDescription)")
        }
        summary.files.append(.init(name: DemoFile.settings.rawValue, rows: settingsText.split(separator: "\n").count))

        let writing = DemoWriting(company: company, directory: directory)
        try writing.masterData(into: &summary)
        try writing.histories(into: &summary)
        return summary
    }
}
