public import Foundation
public import InventoryCore
import Yams

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

extension SettingsText {
    /// The top-level keys of approval settings text (``parseApprovalPolicy(_:)``).
    public static let approvalKeys = ["approval_thresholds", "approval_rules"]

    /// Parses the approval rules set on the admin page or the API: settings text (YAML, or JSON,
    /// which is YAML too) holding `approval_thresholds` (required) and `approval_rules` (optional)
    /// and nothing else, read by the same keys and checks as `settings.yaml`. Stricter than an
    /// import: an unknown key is an error, not a warning, since nothing else is read from it.
    ///
    /// - Throws: ``ImportFailure`` listing every problem (key path, value, expected form).
    public static func parseApprovalPolicy(_ text: String) throws(ImportFailure) -> PlanningSettings {
        func failure(_ field: String?, _ message: String) -> ImportFailure {
            ImportFailure(issues: [
                ImportIssue(severity: .error, code: .invalidSetting, file: .settings, field: field, message: message)
            ])
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw failure(nil, "the approval rules are not valid YAML or JSON — \(error)")
        }
        guard case .mapping(let mapping)? = root else {
            throw failure(nil, "expected a mapping with approval_thresholds and approval_rules")
        }
        let names = mapping.map { ($0.key.scalar?.string ?? "").lowercased() }
        var issues: [ImportIssue] = []
        for name in names where !approvalKeys.contains(name) {
            issues.append(
                ImportIssue(
                    severity: .error, code: .unknownSetting, file: .settings, field: name,
                    message: "\(name) — not an approval key (expected only approval_thresholds and approval_rules)"))
        }
        if !names.contains("approval_thresholds") {
            issues.append(
                ImportIssue(
                    severity: .error, code: .invalidSetting, file: .settings, field: "approval_thresholds",
                    message:
                        "approval_thresholds — required: a mapping from role to order value, e.g. {buyer: 5000, approver: unlimited}"
                ))
        }
        let log = IssueLog(limit: 100)
        let settings = SettingsReader.parse(yaml: text, log: log)
        if names.contains("approval_thresholds"), settings.approvalThresholds.isEmpty, !log.hasErrors {
            issues.append(
                ImportIssue(
                    severity: .error, code: .invalidSetting, file: .settings, field: "approval_thresholds",
                    message: "approval_thresholds — expected at least one role with its order value limit, got none"))
        }
        let found =
            issues + log.sorted(.error)
            + log.sorted(.warning).map {
                var issue = $0; issue.severity = .error; return issue
            }
        guard found.isEmpty else { throw ImportFailure(issues: found) }
        return settings
    }
}
