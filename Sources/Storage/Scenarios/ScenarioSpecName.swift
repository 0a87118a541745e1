/// The rules of a saved scenario spec's name and size (docs/scenarios.md, "Saved specs").
public enum ScenarioSpecName {
    /// The longest name, in characters.
    public static let maximumLength = 100
    /// The largest spec text, in bytes of UTF-8 (64 KiB).
    public static let maximumSpecBytes = 65_536

    /// Checks a name: 1 to ``maximumLength`` characters, no blank at either end, no slash or
    /// backslash (names appear in URL paths), no control character.
    ///
    /// - Throws: ``StorageError/Code/invalidScenarioSpecName`` saying what is wrong.
    public static func check(_ name: String) throws(StorageError) {
        let shown = display(name)
        func refuse(_ problem: String) -> StorageError {
            StorageError(.invalidScenarioSpecName, "scenario spec name '\(shown)' \(problem)")
        }
        if name.isEmpty { throw refuse("is empty — expected 1 to \(maximumLength) characters") }
        if name.count > maximumLength {
            throw refuse("is \(name.count) characters long — expected at most \(maximumLength)")
        }
        if let first = name.unicodeScalars.first, let last = name.unicodeScalars.last,
            first.properties.isWhitespace || last.properties.isWhitespace
        {
            throw refuse("starts or ends with a blank — expected no blank at either end")
        }
        if name.contains("/") || name.contains("\\") {
            throw refuse("contains a slash or backslash — expected none (the name is part of a URL path)")
        }
        if name.unicodeScalars.contains(where: isControl) {
            throw refuse("contains a control character — expected printable characters only")
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: return true
        default: return false
        }
    }

    /// The name as an error shows it: control characters as `\u{7}`, at most 40 characters.
    static func display(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars.prefix(40) {
            out += isControl(scalar) ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
        }
        return name.unicodeScalars.count > 40 ? out + "…" : out
    }
}
