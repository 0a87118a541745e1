public import InventoryCore

/// Who must approve a purchase order of a given value: the settings' `approval_thresholds`
/// (``InventoryCore/ApprovalThreshold``), read as an ascending chain of levels.
///
/// Rule (levels sorted by limit, L₀ < L₁ < … < Lₙ; v the order value):
/// - the covering level is the first Lᵢ with limit ≥ v; no covering level → refused
///   (``WorkflowError/Code/beyondThresholds``);
/// - i = 0: one approval at L₀ (a small order: a buyer other than its requester approves it);
/// - i > 0: one approval at each of L₁ … Lᵢ, lowest first (multi-level: with the defaults, 20,000
///   needs an approver; 80,000 an approver and then finance).
///
/// An approval at level Lₖ may be given by a role whose own level is Lₖ or higher; one person
/// gives at most one approval of an order, and never for an order they created or changed
/// (segregation of duties, ``PurchaseOrderWorkflow``). A role without a threshold approves nothing.
/// The settings carry no class or criticality thresholds, so the value alone decides.
public struct ApprovalRules: Sendable, Hashable {
    /// The levels, ascending by limit.
    public let levels: [ApprovalThreshold]

    /// Rules of the given thresholds (sorted here; the settings reader sorts them too).
    public init(thresholds: [ApprovalThreshold]) {
        levels = thresholds.sorted { $0.maximumValue < $1.maximumValue }
    }

    /// The levels whose approval an order of `value` needs, in the order they are given.
    ///
    /// - Throws: ``WorkflowError/Code/beyondThresholds`` when no level's limit covers `value`.
    public func chain(value: Double, orderID: String) throws(WorkflowError) -> [ApprovalThreshold] {
        guard let covering = levels.firstIndex(where: { value <= $0.maximumValue }) else {
            let largest = levels.last.map { "\($0.role) up to \(Self.amount($0.maximumValue))" } ?? "none are set"
            throw WorkflowError(
                .beyondThresholds,
                "purchase order \(orderID) is worth \(Self.amount(value)), above every approval threshold (largest: \(largest)) — add a higher level to approval_thresholds in settings.yaml"
            )
        }
        return covering == 0 ? [levels[0]] : Array(levels[1...covering])
    }

    /// The position of `role`'s level (`nil`: the role has no threshold).
    public func rank(of role: String) -> Int? { levels.firstIndex { $0.role == role } }

    /// The thresholds as `buyer ≤ 5,000, approver ≤ 50,000, finance unlimited`.
    public var summary: String {
        levels.map { $0.maximumValue.isFinite ? "\($0.role) ≤ \(Self.amount($0.maximumValue))" : "\($0.role) unlimited" }
            .joined(separator: ", ")
    }

    /// A money amount with two decimals at most (`5000`, `1234.5`).
    static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "unlimited" }
        let cents = (value * 100).rounded()
        if cents.truncatingRemainder(dividingBy: 100) == 0 { return String(Int64(cents / 100)) }
        return String(format2: cents / 100)
    }
}

extension String {
    /// `x` with exactly two decimals, without Foundation.
    fileprivate init(format2 x: Double) {
        let cents = Int64((abs(x) * 100).rounded())
        let fraction = cents % 100
        self = (x < 0 ? "-" : "") + String(cents / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
