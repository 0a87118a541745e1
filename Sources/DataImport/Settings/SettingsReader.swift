import Foundation
import InventoryCore
import Yams

/// Reads `settings.yaml` into ``PlanningSettings``: every key optional (defaults otherwise),
/// unknown keys a warning, wrong types or ranges an error naming the key path, e.g.
/// `settings.yaml: classification.abc_cutoffs — expected two increasing shares in (0,1], got [0.9, 0.8]`.
enum SettingsReader {
    /// Reads the file in `folder`, or returns the defaults when there is none.
    static func read(in folder: URL, log: IssueLog) -> PlanningSettings {
        let url = folder.appendingPathComponent(DataFolderFile.settings.rawValue)
        guard FileManager.default.fileExists(atPath: url.path) else { return PlanningSettings() }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            log.add(ImportIssue(severity: .error, code: .unreadableFile, file: .settings, message: "cannot read the file"))
            return PlanningSettings()
        }
        guard var text = String(validating: data, as: UTF8.self) else {
            log.add(
                ImportIssue(
                    severity: .error, code: .invalidUTF8, file: .settings,
                    message: "not valid UTF-8 — save the file as UTF-8"
                )
            )
            return PlanningSettings()
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return parse(yaml: text, log: log)
    }

    /// Parses YAML text into settings, logging problems.
    static func parse(yaml: String, log: IssueLog) -> PlanningSettings {
        var settings = PlanningSettings()
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch {
            log.add(yamlIssue(error))
            return settings
        }
        guard let root else { return settings }
        guard case .mapping(let mapping) = root else {
            if SettingsValue(node: root, path: "").isNull { return settings }
            log.add(
                ImportIssue(
                    severity: .error, code: .invalidSetting, file: .settings, value: SettingsValue.render(root),
                    expected: "a mapping of settings keys",
                    message: "expected a mapping of settings keys at the top level, got \(SettingsValue.render(root))"
                )
            )
            return settings
        }
        let keys = SettingsSchema.keys
        var keyOfPath: [String: SettingsKey] = [:]
        for key in keys { keyOfPath[key.path] = key }
        let sections = SettingsSchema.sections(of: keys)
        walk(mapping, prefix: "", keys: keyOfPath, sections: sections, settings: &settings, log: log)
        for problem in settings.approvalRules.problems(thresholds: settings.approvalThresholds) {
            log.add(
                issue(SettingsProblem(path: problem.key, expected: problem.expected, got: problem.value)))
        }
        return settings
    }

    private static func walk(
        _ mapping: Node.Mapping, prefix: String, keys: [String: SettingsKey], sections: Set<String>,
        settings: inout PlanningSettings, log: IssueLog
    ) {
        for (keyNode, valueNode) in mapping {
            let name = (keyNode.scalar?.string ?? SettingsValue.render(keyNode)).lowercased()
            let path = prefix.isEmpty ? name : prefix + "." + name
            let value = SettingsValue(node: valueNode, path: path)
            if let key = keys[path] {
                if value.isNull { continue }
                do {
                    try key.apply(value, &settings)
                } catch {
                    log.add(issue(error))
                }
            } else if sections.contains(path) {
                if value.isNull { continue }
                guard case .mapping(let inner) = valueNode else {
                    log.add(issue(value.problem("a mapping of keys")))
                    continue
                }
                walk(inner, prefix: path, keys: keys, sections: sections, settings: &settings, log: log)
            } else {
                log.add(
                    ImportIssue(
                        severity: .warning, code: .unknownSetting, file: .settings, field: path,
                        message: "\(path) — unknown key ignored"
                    )
                )
            }
        }
    }

    private static func issue(_ problem: SettingsProblem) -> ImportIssue {
        ImportIssue(
            severity: .error, code: .invalidSetting, file: .settings, field: problem.path,
            value: ImportIssue.display(problem.got), expected: problem.expected,
            message: "\(problem.path) — expected \(problem.expected), got \(ImportIssue.display(problem.got))"
        )
    }

    private static func yamlIssue(_ error: any Error) -> ImportIssue {
        var line: Int?
        var column: Int?
        var problem = "\(error)"
        if let yamlError = error as? YamlError {
            switch yamlError {
            case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _), .composer(_, let text, let mark, _):
                line = mark.line
                column = mark.column
                problem = text
            case .duplicatedKeysInMapping(let duplicates, let context):
                line = context.mark.line
                column = context.mark.column
                problem = "duplicate key " + duplicates.map { "'\($0)'" }.joined(separator: ", ")
            case .reader(let text, _, _, _):
                problem = text
            default:
                break
            }
        }
        return ImportIssue(
            severity: .error, code: .invalidYAML, file: .settings, line: line, column: column,
            message: "invalid YAML — \(problem)"
        )
    }
}

extension ImportRun {
    /// Reads `settings.yaml` (defaults when absent).
    mutating func readSettings() {
        settings = SettingsReader.read(in: folder, log: log)
    }
}
