public import InventoryCore

/// What a planner's override must satisfy, written once for `overrides.csv`, the JSON API and the
/// database: a parameter that can be overridden, a value in its domain (``PolicyParameter/accepts(_:)``),
/// a reason of 1 to ``maximumReasonLength`` characters, an author of at most
/// ``maximumAuthorLength``, item and location keys of at most ``LedgerRules/maximumIDLength``,
/// and a validity that does not end before it starts.
public enum OverrideRules {
    /// Longest reason (characters).
    public static let maximumReasonLength = 500
    /// Longest author (characters).
    public static let maximumAuthorLength = 100

    /// Every rule the override breaks, in field order (empty when it is valid). `value` is `nil`
    /// when it did not parse as a number (the caller reported that).
    ///
    /// Each error names its ``LedgerError/field`` (`parameter`, `value`, `reason`, `author`,
    /// `item_id`, `location_id`, `valid_to`) and what it should hold (``LedgerError/expected``).
    public static func problems(
        itemID: String, locationID: String, parameter: String, value: Double?, reason: String, author: String, validFrom: Day?,
        validTo: Day?
    ) -> [LedgerError] {
        var problems: [LedgerError] = []
        for (field, key) in [("item_id", itemID), ("location_id", locationID)] where key.count > LedgerRules.maximumIDLength {
            problems.append(
                LedgerError(
                    .invalidOverride, field: field, expected: "at most \(LedgerRules.maximumIDLength) characters",
                    "override \(field) is \(key.count) characters long — at most \(LedgerRules.maximumIDLength) are accepted"))
        }
        let names = PolicyParameter.allCases.map(\.rawValue).joined(separator: ", ")
        if let p = PolicyParameter(rawValue: parameter) {
            if let value, !p.accepts(value) {
                problems.append(
                    LedgerError(
                        .invalidOverride, field: "value", expected: p.expected,
                        "\(value) is not a valid \(parameter) — expected \(p.expected)"))
            }
        } else {
            problems.append(
                LedgerError(
                    .invalidOverride, field: "parameter", expected: "one of \(names)",
                    "parameter '\(parameter)' cannot be overridden — one of \(names)"))
        }
        let trimmed = reason.trimmingSpacesAndNewlines()
        if trimmed.isEmpty {
            problems.append(
                LedgerError(
                    .invalidOverride, field: "reason", expected: "a reason for the override",
                    "an override needs a reason — say why the computed value is not right"))
        } else if trimmed.count > maximumReasonLength {
            problems.append(
                LedgerError(
                    .invalidOverride, field: "reason", expected: "at most \(maximumReasonLength) characters",
                    "override reason is \(trimmed.count) characters long — at most \(maximumReasonLength) are accepted"))
        }
        if author.count > maximumAuthorLength {
            problems.append(
                LedgerError(
                    .invalidOverride, field: "author", expected: "at most \(maximumAuthorLength) characters",
                    "override author is \(author.count) characters long — at most \(maximumAuthorLength) are accepted"))
        }
        if let validFrom, let validTo, validTo < validFrom {
            problems.append(
                LedgerError(
                    .invalidOverride, field: "valid_to", expected: "a date on or after valid_from \(validFrom)",
                    "override valid_to \(validTo) is before valid_from \(validFrom) — swap them or leave one open"))
        }
        return problems
    }

    /// Throws the first rule the override breaks (``problems(itemID:locationID:parameter:value:reason:author:validFrom:validTo:)``).
    public static func validate(
        itemID: String, locationID: String, parameter: String, value: Double, reason: String, author: String, validFrom: Day?,
        validTo: Day?
    ) throws(LedgerError) {
        if let first = problems(
            itemID: itemID, locationID: locationID, parameter: parameter, value: value, reason: reason, author: author,
            validFrom: validFrom, validTo: validTo
        ).first {
            throw first
        }
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    func trimmingSpacesAndNewlines() -> String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
