public import Foundation
public import InventoryCore

/// `settings.yaml` as text: what a database keeps of a data folder's settings so that a plan run on
/// the database uses the same settings as one on the folder (`procura import` stores it,
/// `procura plan --database` parses it again).
public enum SettingsText {
    /// The text of `settings.yaml` in `folder` (a leading byte-order mark removed), or `nil` when
    /// the folder has none or it is not readable UTF-8 — the import reports those cases itself.
    public static func read(folder: URL) -> String? {
        let url = folder.appendingPathComponent(DataFolderFile.settings.rawValue)
        guard let data = FileManager.default.contents(atPath: url.path),
            var text = String(validating: data, as: UTF8.self)
        else { return nil }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text
    }

    /// Parses settings text with the rules of the import (every key optional, defaults otherwise).
    ///
    /// - Throws: ``ImportFailure`` listing every error (key path, value, expected form); warnings
    ///   (unknown keys) alone do not throw.
    public static func parse(_ yaml: String) throws(ImportFailure) -> PlanningSettings {
        let log = IssueLog(limit: 100)
        let settings = SettingsReader.parse(yaml: yaml, log: log)
        if log.hasErrors {
            throw ImportFailure(issues: log.sorted(.error) + log.sorted(.warning))
        }
        return settings
    }
}
