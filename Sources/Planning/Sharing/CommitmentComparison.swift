public import InventoryPolicy

/// A supplier's commitment against one line of a shared forecast.
public struct Commitment: Codable, Sendable, Hashable {
    /// The shared line (``SharedForecast/Line/line``).
    public var line: Int
    /// The quantity the supplier commits to (≥ 0, base unit).
    public var quantity: Double
    /// The supplier's comment (at most ``maximumCommentLength`` characters).
    public var comment: String

    public init(line: Int, quantity: Double, comment: String = "") {
        self.line = line
        self.quantity = quantity
        self.comment = comment
    }

    /// The longest comment kept.
    public static let maximumCommentLength = 500
    /// The largest quantity that can be committed.
    public static let maximumQuantity = 1e12
}

/// Shared against committed, per line of a published version: the gap (committed − shared) and
/// the gap as a share of the shared quantity (gap / shared · 100 %, none when nothing was shared).
public struct CommitmentComparison: Codable, Sendable, Hashable {
    public struct Row: Codable, Sendable, Hashable {
        public var line: Int
        public var itemId: String?
        public var family: String?
        public var locationId: String?
        public var periodStart: String
        public var shared: Double
        /// `nil`: nothing committed for this line.
        public var committed: Double?
        public var gap: Double?
        public var gapPercent: Double?
        public var comment: String?
    }

    public var rows: [Row]
    public var totalShared: Double
    public var totalCommitted: Double
    /// Σ committed − Σ shared over the lines committed.
    public var totalGap: Double
    /// Lines with a commitment.
    public var linesCommitted: Int

    /// Compares `commitments` with the lines of `forecast`.
    public static func compare(_ forecast: SharedForecast, commitments: [Commitment]) -> CommitmentComparison {
        let byLine = Dictionary(commitments.map { ($0.line, $0) }, uniquingKeysWith: { _, last in last })
        var rows: [Row] = []
        var totalShared = 0.0
        var totalCommitted = 0.0
        var gapSum = 0.0
        for line in forecast.lines {
            let c = byLine[line.line]
            let gap = c.map { (($0.quantity - line.quantity) * 1e6).rounded() / 1e6 }
            totalShared += line.quantity
            if let c, let gap {
                totalCommitted += c.quantity
                gapSum += gap
            }
            rows.append(
                Row(
                    line: line.line, itemId: line.itemId, family: line.family, locationId: line.locationId,
                    periodStart: line.periodStart, shared: line.quantity, committed: c?.quantity, gap: gap,
                    gapPercent: gap.flatMap { line.quantity > 0 ? $0 / line.quantity * 100 : nil },
                    comment: c.flatMap { $0.comment.isEmpty ? nil : $0.comment }))
        }
        // Sums of figures kept to 6 decimals (``SharedForecast``'s quantities), without float residue.
        func trimmed(_ x: Double) -> Double { (x * 1e6).rounded() / 1e6 }
        return CommitmentComparison(
            rows: rows, totalShared: trimmed(totalShared), totalCommitted: trimmed(totalCommitted), totalGap: trimmed(gapSum),
            linesCommitted: byLine.keys.filter { k in forecast.lines.contains { $0.line == k } }.count)
    }

    /// Checks commitments against the lines of `forecast`: each line exists and appears once, the
    /// quantity is a finite number from 0 to 1e12, the comment one line of at most 500 characters.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError/Code/invalidInput`` naming the entry (1-based), field and value.
    public static func check(_ commitments: [Commitment], against forecast: SharedForecast) throws(PolicyError) {
        guard !commitments.isEmpty else {
            throw PolicyError(code: .invalidInput, message: "commitments: none given — expected at least one line")
        }
        var seen: Set<Int> = []
        for (index, c) in commitments.enumerated() {
            let at = "commitments[\(index + 1)]"
            guard c.line >= 1, c.line <= forecast.lines.count else {
                throw PolicyError(
                    code: .invalidInput,
                    message: "\(at).line \(c.line) — expected a shared line from 1 to \(forecast.lines.count)")
            }
            guard seen.insert(c.line).inserted else {
                throw PolicyError(code: .invalidInput, message: "\(at).line \(c.line) — given twice; expected each line once")
            }
            guard c.quantity.isFinite, c.quantity >= 0, c.quantity <= Commitment.maximumQuantity else {
                throw PolicyError(
                    code: .invalidInput, message: "\(at).quantity \(c.quantity) — expected a quantity from 0 to 1e12")
            }
            guard !c.comment.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
                throw PolicyError(
                    code: .invalidInput, message: "\(at).comment has a control character — expected one line of text")
            }
            guard c.comment.count <= Commitment.maximumCommentLength else {
                throw PolicyError(
                    code: .invalidInput,
                    message:
                        "\(at).comment has \(c.comment.count) characters — expected at most \(Commitment.maximumCommentLength)")
            }
        }
    }
}
