/// Text for explanations, built by string interpolation straight into UTF-8 bytes: an interpolated
/// `Double` is written in ``ExplanationFormat`` (rounded, grouped), strings are copied. One buffer
/// per text instead of a string per number — explanations are rendered for every item-location of a
/// plan, so this matters.
struct ExplanationText: ExpressibleByStringInterpolation {
    /// The text of a plain literal (kept as the literal, no copy), or `nil`.
    private var literal: String?
    /// The bytes of an interpolated text.
    private var interpolated: [UInt8]

    init(stringLiteral value: String) {
        literal = value
        interpolated = []
    }

    init(stringInterpolation: Interpolation) {
        literal = nil
        interpolated = stringInterpolation.bytes
    }

    /// The text as a string.
    var string: String { literal ?? String(decoding: interpolated, as: UTF8.self) }

    /// The text as UTF-8 bytes, appended to `bytes`.
    func append(to bytes: inout [UInt8]) {
        if let literal { bytes.append(contentsOf: literal.utf8) } else { bytes.append(contentsOf: interpolated) }
    }

    struct Interpolation: StringInterpolationProtocol {
        var bytes: [UInt8]

        init(literalCapacity: Int, interpolationCount: Int) {
            bytes = []
            bytes.reserveCapacity(literalCapacity + 10 * interpolationCount)
        }

        mutating func appendLiteral(_ literal: String) {
            bytes.append(contentsOf: literal.utf8)
        }

        /// A number, as ``ExplanationFormat/number(_:)`` writes it.
        mutating func appendInterpolation(_ value: Double) {
            ExplanationFormat.write(value, into: &bytes)
        }

        mutating func appendInterpolation(_ value: Int) {
            bytes.append(contentsOf: String(value).utf8)
        }

        mutating func appendInterpolation(_ value: String) {
            bytes.append(contentsOf: value.utf8)
        }

        mutating func appendInterpolation(_ value: ExplanationText) {
            value.append(to: &bytes)
        }
    }
}
