/// How critical an item is to operations (VED analysis).
///
/// VED classifies spare parts and materials by the consequence of a stock-out, independent of their
/// value: a vital part stops production, an essential one hurts it, a desirable one is an
/// inconvenience (Gopalakrishnan & Sundaresan, *Materials Management: An Integrated Approach*, ch. 8).
public enum Criticality: String, Sendable, CaseIterable, Codable, Comparable {
    /// A stock-out stops operations.
    case vital = "V"
    /// A stock-out hurts operations; a work-around exists.
    case essential = "E"
    /// A stock-out is an inconvenience.
    case desirable = "D"

    private var rank: Int {
        switch self {
        case .vital: return 0
        case .essential: return 1
        case .desirable: return 2
        }
    }

    /// Vital sorts first.
    public static func < (lhs: Criticality, rhs: Criticality) -> Bool { lhs.rank < rhs.rank }
}
