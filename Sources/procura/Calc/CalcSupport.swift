import ArgumentParser
import InventoryPolicy

/// A comma-separated list of numbers, e.g. `--breakpoints 0,400,800`.
struct NumberList: ExpressibleByArgument {
    var values: [Double]

    init?(argument: String) {
        var values: [Double] = []
        for part in argument.split(separator: ",", omittingEmptySubsequences: false) {
            guard let value = Double(String(part.filter { !$0.isWhitespace })), value.isFinite else { return nil }
            values.append(value)
        }
        guard !values.isEmpty else { return nil }
        self.values = values
    }
}

/// Flag checks shared by the calculators; each failure names the flag and says what is expected.
enum FlagCheck {
    static func required<T>(_ value: T?, _ flag: String, _ why: String = "") throws -> T {
        guard let value else { throw ValidationError("missing \(flag)\(why.isEmpty ? "" : " (\(why))")") }
        return value
    }

    static func positive(_ value: Double?, _ flag: String) throws {
        guard let value else { return }
        guard value.isFinite, value > 0 else { throw ValidationError("\(flag) must be a number > 0, got \(text(value))") }
    }

    static func nonNegative(_ value: Double?, _ flag: String) throws {
        guard let value else { return }
        guard value.isFinite, value >= 0 else { throw ValidationError("\(flag) must be a number ≥ 0, got \(text(value))") }
    }

    static func finite(_ value: Double?, _ flag: String) throws {
        guard let value else { return }
        guard value.isFinite else { throw ValidationError("\(flag) must be a finite number, got \(text(value))") }
    }

    static func probability(_ value: Double?, _ flag: String) throws {
        guard let value else { return }
        guard value > 0, value < 1 else {
            throw ValidationError("\(flag) must be strictly between 0 and 1, got \(text(value))")
        }
    }

    static func integer(_ value: Double?, _ flag: String) throws -> Int? {
        guard let value else { return nil }
        guard value.isFinite, value == value.rounded(), abs(value) < 9.0e15 else {
            throw ValidationError("\(flag) must be a whole number for discrete demand, got \(text(value))")
        }
        return Int(value)
    }

    static func absent(_ present: Bool, _ flag: String, _ why: String) throws {
        if present { throw ValidationError("\(flag) \(why)") }
    }

    /// A number as the user would have typed it (no trailing ".0" on whole numbers).
    static func text(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }
}

/// A model error surfaced to the user: ArgumentParser prints "Error: <message>" and exits 1.
struct CalcFailure: Error, CustomStringConvertible {
    var description: String

    init(_ error: PolicyError) {
        description = error.message
    }

    init(_ message: String) {
        description = message
    }
}
