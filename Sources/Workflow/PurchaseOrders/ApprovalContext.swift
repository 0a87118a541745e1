public import InventoryCore

/// What the approval rules need to know of an order beyond its value: per line the item's class,
/// criticality and category, and its buying history; per category what is already committed in
/// the month. Storage reads them in the decision's transaction (``ApprovalRules/requirement(value:orderID:context:)``).
public struct ApprovalContext: Sendable, Hashable {
    /// The order's lines.
    public var lines: [Line]
    /// The calendar month the budget rule counts (`2026-12`).
    public var month: String
    /// Category → value of other orders committed (approved, not cancelled) in ``month``.
    public var committed: [String: Double]

    /// One line's facts.
    public struct Line: Sendable, Hashable {
        /// The line number.
        public var line: Int
        /// The item.
        public var itemID: String
        /// The item's ABC class in the latest plan run (`nil`: never classified).
        public var abcClass: String?
        /// The item's criticality (`V`, `E`, `D`).
        public var criticality: String
        /// The item's category (empty: none).
        public var category: String
        /// Base units ordered.
        public var quantity: Double
        /// Price per base unit.
        public var unitPrice: Double
        /// The line's value.
        public var value: Double
        /// No earlier order (other than cancelled ones) and no receipt of the item at the location.
        public var firstBuy: Bool
        /// Price per base unit of the item's latest earlier order line (`nil`: none).
        public var lastUnitPrice: Double?
        /// Median base quantity of the item-location's earlier order lines (`nil`: none).
        public var usualQuantity: Double?

        /// Creates a line's facts.
        public init(
            line: Int, itemID: String, abcClass: String?, criticality: String, category: String, quantity: Double,
            unitPrice: Double, value: Double, firstBuy: Bool, lastUnitPrice: Double?, usualQuantity: Double?
        ) {
            self.line = line
            self.itemID = itemID
            self.abcClass = abcClass
            self.criticality = criticality
            self.category = category
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.value = value
            self.firstBuy = firstBuy
            self.lastUnitPrice = lastUnitPrice
            self.usualQuantity = usualQuantity
        }
    }

    /// Creates a context.
    public init(lines: [Line] = [], month: String = "", committed: [String: Double] = [:]) {
        self.lines = lines
        self.month = month
        self.committed = committed
    }
}

/// Why an order needs a level: one rule that matched.
public struct ApprovalReason: Sendable, Hashable {
    /// The rule: `value`, `class`, `criticality`, `first_buy`, `price_increase`, `quantity`, `budget`.
    public var rule: String
    /// The level it asks for.
    public var level: String
    /// What matched, for people (`line 2: item P-100 was never bought at DC1`).
    public var text: String

    /// Creates a reason.
    public init(rule: String, level: String, text: String) {
        self.rule = rule
        self.level = level
        self.text = text
    }
}

/// The approvals an order needs and why.
public struct ApprovalRequirement: Sendable, Hashable {
    /// The levels whose approval it needs, lowest first.
    public var chain: [ApprovalThreshold]
    /// Every rule that matched (the value's first).
    public var reasons: [ApprovalReason]

    /// Creates a requirement.
    public init(chain: [ApprovalThreshold], reasons: [ApprovalReason]) {
        self.chain = chain
        self.reasons = reasons
    }
}
