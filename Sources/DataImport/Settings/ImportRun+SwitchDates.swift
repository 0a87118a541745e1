import InventoryCore

extension ImportRun {
    /// Checks `phase_out.switch_dates` against items.csv: every id an item, of lifecycle `phase_out`
    /// (docs/excess.md, "The switch date"), e.g. `settings.yaml: phase_out.switch_dates.P9 — expected
    /// an item_id listed in items.csv, got P9`.
    mutating func checkSwitchDates() {
        for id in settings.excess.phaseOutSwitchDates.keys.sorted() {
            let path = "phase_out.switch_dates." + id
            let shown = ImportIssue.display(id)
            guard let index = itemKeys.keys.find(id) else {
                log.add(
                    ImportIssue(
                        severity: .error, code: .invalidSetting, file: .settings, field: path, value: shown,
                        expected: itemKeys.expected, message: "\(path) — expected \(itemKeys.expected), got \(shown)"))
                continue
            }
            let lifecycle = items[Int(index)].lifecycle
            guard lifecycle == .phaseOut else {
                let expected = "an item of lifecycle phase_out"
                log.add(
                    ImportIssue(
                        severity: .error, code: .invalidSetting, file: .settings, field: path, value: shown,
                        expected: expected,
                        message: "\(path) — expected \(expected), got \(shown) (lifecycle \(lifecycle.rawValue))"))
                continue
            }
        }
    }
}
