/// A free-text field and its documented maximum length, and the check that enforces it.
///
/// Every free text a person or program can store has a maximum (docs/web.md lists them); text
/// beyond it is refused, never cut. Lengths count characters (extended grapheme clusters, what a
/// person sees as one character). One-line fields refuse control characters — line breaks, tabs,
/// escapes — so a value cannot forge a line in a log or a CSV export.
public struct TextField: Sendable, Hashable {
    /// The field's name as the API spells it (`display_name`).
    public var name: String
    /// The most characters allowed.
    public var maximumLength: Int
    /// Whether the text must have a non-blank character.
    public var isRequired: Bool

    /// Creates a field.
    public init(name: String, maximumLength: Int, isRequired: Bool = false) {
        self.name = name
        self.maximumLength = maximumLength
        self.isRequired = isRequired
    }

    /// A user's name to show (`procura user add --name`): up to 100 characters.
    public static let displayName = TextField(name: "display name", maximumLength: 100)
    /// What an API token is for: 1 to 100 characters.
    public static let tokenName = TextField(name: "token name", maximumLength: 100, isRequired: true)
    /// A plan run's label: up to 200 characters.
    public static let planRunLabel = TextField(name: "label", maximumLength: 200)

    /// Checks one-line `text`; returns it without leading and trailing blanks.
    ///
    /// - Throws: ``RuleViolation`` (``RuleViolation/Code/textTooLong``,
    ///   ``RuleViolation/Code/textRequired``, ``RuleViolation/Code/controlCharacter``).
    public func check(_ text: String) throws(RuleViolation) -> String {
        let trimmed = String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        let count = trimmed.count
        if count > maximumLength {
            throw RuleViolation(
                .textTooLong, field: name, "\(name) has \(count) characters — at most \(maximumLength) are allowed")
        }
        if isRequired, count == 0 {
            throw RuleViolation(.textRequired, field: name, "\(name) is required — 1 to \(maximumLength) characters")
        }
        if let control = trimmed.unicodeScalars.first(where: Self.isControl) {
            throw RuleViolation(
                .controlCharacter, field: name,
                "\(name) contains the control character \(Self.codePoint(control)) — use printable text on one line")
        }
        return trimmed
    }

    /// C0 and C1 controls and DEL (Unicode general category Cc).
    static func isControl(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.generalCategory == .control }

    /// `U+000A`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
