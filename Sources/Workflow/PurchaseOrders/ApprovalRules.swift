public import InventoryCore

/// Who must approve a purchase order: the settings' `approval_thresholds`
/// (``InventoryCore/ApprovalThreshold``), read as an ascending chain of levels, raised by the
/// `approval_rules` escalations (``InventoryCore/ApprovalRuleSettings``).
///
/// Rule (levels sorted by limit, L₀ < L₁ < … < Lₙ; v the order value):
/// - the value's level is the first Lᵢ with limit ≥ v; no covering level → refused
///   (``WorkflowError/Code/beyondThresholds``);
/// - every escalation that matches the order names a level Lⱼ; the order needs the highest of the
///   value's level and the matched levels, Lₖ;
/// - k = 0: one approval at L₀ (a small order: a buyer other than its requester approves it);
/// - k > 0: one approval at each of L₁ … Lₖ, lowest first (multi-level: with the defaults, 20,000
///   needs an approver; 80,000 an approver and then finance).
///
/// The escalations (each checked per line, the budget per category): an ABC class or criticality
/// with a level (`by_class`, `by_criticality`); a first buy of the item-location; a price per base
/// unit more than `price_increase_percent` above the last price paid for the item; a quantity more
/// than `quantity_multiple` × the usual quantity (the median of the item-location's earlier order
/// lines); and the month's committed value of a category plus this order's lines of it above the
/// category's budget. These are the "non-routine purchase" controls of purchasing audit practice
/// (e.g. COSO internal-control guidance on purchasing: new vendors/items, price variances, unusual
/// quantities and budget overruns get a higher authority).
///
/// An approval at level Lₖ may be given by a role whose own level is Lₖ or higher — or by a
/// delegate holding such a level's delegation (``ApprovalDelegation``); one person gives at most
/// one approval of an order, and never for an order they created or changed (segregation of
/// duties, ``PurchaseOrderWorkflow``). A role without a threshold approves nothing.
public struct ApprovalRules: Sendable, Hashable {
    /// The levels, ascending by limit.
    public let levels: [ApprovalThreshold]
    /// The escalations beyond the value.
    public let escalations: ApprovalRuleSettings

    /// Rules of the given thresholds (sorted here; the settings reader sorts them too) and escalations.
    public init(thresholds: [ApprovalThreshold], escalations: ApprovalRuleSettings = ApprovalRuleSettings()) {
        levels = thresholds.sorted { $0.maximumValue < $1.maximumValue }
        self.escalations = escalations
    }

    /// The rules of a data set's settings.
    public init(settings: PlanningSettings) {
        self.init(thresholds: settings.approvalThresholds, escalations: settings.approvalRules)
    }

    /// The levels whose approval an order of `value` needs by its value alone, in the order they are given.
    ///
    /// - Throws: ``WorkflowError/Code/beyondThresholds`` when no level's limit covers `value`.
    public func chain(value: Double, orderID: String) throws(WorkflowError) -> [ApprovalThreshold] {
        try requirement(value: value, orderID: orderID, context: ApprovalContext()).chain
    }

    /// The levels an order needs and the rules that ask for them.
    ///
    /// - Throws: ``WorkflowError/Code/beyondThresholds`` when no level's limit covers `value`.
    public func requirement(value: Double, orderID: String, context: ApprovalContext) throws(WorkflowError)
        -> ApprovalRequirement
    {
        guard let covering = levels.firstIndex(where: { value <= $0.maximumValue }) else {
            let largest = levels.last.map { "\($0.role) up to \(Self.amount($0.maximumValue))" } ?? "none are set"
            throw WorkflowError(
                .beyondThresholds,
                "purchase order \(orderID) is worth \(Self.amount(value)), above every approval threshold (largest: \(largest)) — add a higher level to approval_thresholds in settings.yaml"
            )
        }
        var reasons = [
            ApprovalReason(
                rule: "value", level: levels[covering].role,
                text:
                    "value \(Self.amount(value)) is within \(levels[covering].role)'s limit of \(Self.amount(levels[covering].maximumValue))"
            )
        ]
        reasons += escalationReasons(context)
        let top = reasons.compactMap { rank(of: $0.level) }.max() ?? covering
        let chain = top == 0 ? [levels[0]] : Array(levels[1...top])
        return ApprovalRequirement(chain: chain, reasons: reasons)
    }

    /// The escalations `context` matches, line by line, then the budgets.
    func escalationReasons(_ context: ApprovalContext) -> [ApprovalReason] {
        let rules = escalations
        var out: [ApprovalReason] = []
        for line in context.lines {
            let at = "line \(line.line) (item \(line.itemID))"
            if let cls = line.abcClass, let level = rules.byClass[cls] {
                out.append(ApprovalReason(rule: "class", level: level, text: "\(at): ABC class \(cls)"))
            }
            if let level = rules.byCriticality[line.criticality] {
                out.append(ApprovalReason(rule: "criticality", level: level, text: "\(at): criticality \(line.criticality)"))
            }
            if line.firstBuy, let level = rules.firstBuyLevel {
                out.append(ApprovalReason(rule: "first_buy", level: level, text: "\(at): first buy of the item at this location"))
            }
            if let percent = rules.priceIncreasePercent, let level = rules.priceIncreaseLevel, let last = line.lastUnitPrice,
                last > 0, line.unitPrice > last * (1 + percent / 100)
            {
                let rise = (line.unitPrice / last - 1) * 100
                out.append(
                    ApprovalReason(
                        rule: "price_increase", level: level,
                        text:
                            "\(at): price \(Self.amount(line.unitPrice)) is \(Self.amount(rise)) % above the last price \(Self.amount(last)) (limit \(Self.amount(percent)) %)"
                    ))
            }
            if let multiple = rules.quantityMultiple, let level = rules.quantityLevel, let usual = line.usualQuantity, usual > 0,
                line.quantity > usual * multiple
            {
                out.append(
                    ApprovalReason(
                        rule: "quantity", level: level,
                        text:
                            "\(at): quantity \(Self.amount(line.quantity)) is above \(Self.amount(multiple)) × the usual \(Self.amount(usual))"
                    ))
            }
        }
        if let level = rules.budgetLevel {
            var ordered: [String: Double] = [:]
            for line in context.lines where !line.category.isEmpty { ordered[line.category, default: 0] += line.value }
            for (category, value) in ordered.sorted(by: { $0.key < $1.key }) {
                guard let budget = rules.budgets[category] else { continue }
                let committed = context.committed[category] ?? 0
                if committed + value > budget + 1e-9 {
                    out.append(
                        ApprovalReason(
                            rule: "budget", level: level,
                            text:
                                "category \(category): \(Self.amount(committed)) committed in \(context.month) + \(Self.amount(value)) exceeds the monthly budget of \(Self.amount(budget))"
                        ))
                }
            }
        }
        return out
    }

    /// The position of `role`'s level (`nil`: the role has no threshold).
    public func rank(of role: String) -> Int? { levels.firstIndex { $0.role == role } }

    /// The thresholds as `buyer ≤ 5,000, approver ≤ 50,000, finance unlimited`.
    public var summary: String {
        levels.map { $0.maximumValue.isFinite ? "\($0.role) ≤ \(Self.amount($0.maximumValue))" : "\($0.role) unlimited" }
            .joined(separator: ", ")
    }

    /// A money amount with two decimals at most (`5000`, `1234.5`); amounts of a thousand billion and
    /// more (a price per base unit of a tiny quantity, a rise of many orders of magnitude) in the
    /// shortest exact form (`1.5e+20`) rather than through a fixed-width integer that would overflow.
    static func amount(_ value: Double) -> String {
        guard value.isFinite else { return "unlimited" }
        let cents = (value * 100).rounded()
        guard abs(cents) < 1e17 else { return JSONValue.text(of: value) }
        if cents.truncatingRemainder(dividingBy: 100) == 0 { return String(Int64(cents / 100)) }
        return String(format2: cents / 100)
    }
}

extension String {
    /// `x` (|x| < 10¹⁵) with exactly two decimals, without Foundation.
    fileprivate init(format2 x: Double) {
        let cents = Int64((abs(x) * 100).rounded())
        let fraction = cents % 100
        self = (x < 0 ? "-" : "") + String(cents / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
