/// A breach of RFC 4180 found in one record, with its position.
struct CSVSyntaxProblem: Hashable, Sendable {
    /// What is wrong.
    enum Kind: Hashable, Sendable {
        /// A quoted field is never closed before the end of the file.
        case unterminatedQuote
        /// A `"` inside a field that does not start with one.
        case strayQuote
        /// Characters between a closing quote and the next comma or line end.
        case textAfterClosingQuote
    }

    /// What is wrong.
    var kind: Kind
    /// Physical line of the problem.
    var line: Int
    /// 1-based field number.
    var column: Int
}
