import ArgumentParser
import InventoryCore

/// The check of `--from DATE --to DATE` that `procura kpis` and `procura root-causes` share: each
/// a date YYYY-MM-DD, `--to` not before `--from` (usage errors naming the flag).
enum DateWindowCheck {
    static func validate(from: String?, to: String?) throws {
        for (flag, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(flag) '\(value)' — expected a date YYYY-MM-DD") }
        }
        if let a = from.flatMap({ Day(iso: $0) }), let b = to.flatMap({ Day(iso: $0) }), b < a {
            throw ValidationError("--to '\(to ?? "")' — expected a date on or after --from \(from ?? "")")
        }
    }
}
