public import InventoryCore
public import InventoryPolicy

/// A monthly write-down provision run (docs/excess.md, "Monthly provision run"): the provision of
/// every item-location of ``ExcessExposure`` rounded to the cent, and its change since the last
/// approved run. Amounts are whole cents (exact sums: the total is the sum of the lines, and the
/// general-ledger export is the lines as they are).
///
/// Source of the provision: IAS 2 *Inventories* §§28–33 (write-down to net realisable value), by the
/// rates of `excess.age_buckets`, `excess.excess_provision_rate` and `excess.obsolete_provision_rate`.
public struct ProvisionRun: Sendable, Hashable {
    /// The states of a run: a draft may be re-run (replaced); an approved run is final.
    public enum State: String, Sendable, Hashable, CaseIterable {
        case draft, approved
    }

    /// One item-location's provision.
    public struct Line: Sendable, Hashable {
        public var itemID: String
        public var locationID: String
        public var category: String
        public var abcClass: String
        /// Why there is a provision: `obsolete`, `excess` or `age` (`none` when only the previous run had one).
        public var basis: String
        /// The owned stock's value at cost, in cents.
        public var grossCents: Int64
        /// The provision this month, in cents.
        public var provisionCents: Int64
        /// The provision of the last approved run, in cents (0 when it had none).
        public var previousCents: Int64
        /// provision − previous.
        public var changeCents: Int64 { provisionCents - previousCents }

        /// Creates a line.
        public init(
            itemID: String, locationID: String, category: String, abcClass: String, basis: String, grossCents: Int64,
            provisionCents: Int64, previousCents: Int64
        ) {
            self.itemID = itemID
            self.locationID = locationID
            self.category = category
            self.abcClass = abcClass
            self.basis = basis
            self.grossCents = grossCents
            self.provisionCents = provisionCents
            self.previousCents = previousCents
        }
    }

    /// `PR-YYYY-MM`: one run per month.
    public var runID: String
    /// The month it provisions (`YYYY-MM`).
    public var month: String
    public var state: State
    /// The valuation day of the stock.
    public var asOf: String
    /// The general-ledger account the provision is booked to (`excess.provision_account`).
    public var account: String
    /// The data's currency (`currency` in settings).
    public var currency: String
    public var createdBy: String
    public var createdAt: String
    public var approvedBy: String
    public var approvedAt: String
    /// The last approved run before it, whose provisions the changes are measured against.
    public var previousRunID: String?
    /// Times the draft was computed (1 for the first run of the month).
    public var version: Int
    /// Every item-location with a provision now or in the previous run, by item and location.
    public var lines: [Line]

    /// Σ provision of the lines, in cents.
    public var totalCents: Int64 { lines.reduce(0) { $0 + $1.provisionCents } }
    /// Σ previous provision of the lines, in cents.
    public var previousTotalCents: Int64 { lines.reduce(0) { $0 + $1.previousCents } }
    /// Σ change, in cents.
    public var changeCents: Int64 { totalCents - previousTotalCents }

    /// Creates a run.
    public init(
        runID: String, month: String, state: State, asOf: String, account: String, currency: String, createdBy: String,
        createdAt: String,
        approvedBy: String = "", approvedAt: String = "", previousRunID: String?, version: Int, lines: [Line]
    ) {
        self.runID = runID
        self.month = month
        self.state = state
        self.asOf = asOf
        self.account = account
        self.currency = currency
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.approvedBy = approvedBy
        self.approvedAt = approvedAt
        self.previousRunID = previousRunID
        self.version = version
        self.lines = lines
    }

    /// The run id of a month: `PR-2026-11`.
    public static func runID(month: String) -> String { "PR-" + month }

    /// Checks a month written `YYYY-MM` (month 01 … 12, year 2000 … 2999) and returns it.
    public static func month(_ text: String) throws(PolicyError) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let year = Int(parts[0]), let month = Int(parts[1]),
            (2000...2999).contains(year), (1...12).contains(month), text.allSatisfy({ $0.isASCII })
        else {
            throw PolicyError(code: .invalidInput, message: "month '\(text)' is not a month YYYY-MM (e.g. 2026-11)")
        }
        return text
    }

    /// An amount in cents from a value in currency units, rounded half away from zero.
    public static func cents(_ value: Double, field: String) throws(PolicyError) -> Int64 {
        let scaled = (value * 100).rounded(.toNearestOrAwayFromZero)
        guard scaled.isFinite, abs(scaled) < 9e15 else {
            throw PolicyError(code: .invalidInput, message: "\(field) \(value) is beyond the amounts a provision run holds")
        }
        return Int64(scaled)
    }

    /// Cents as text with two decimals: `-1234.05`.
    public static func amountText(_ cents: Int64) -> String {
        let sign = cents < 0 ? "-" : ""
        let magnitude = cents.magnitude
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }

    /// The lines of a new run: every item-location of `document` with a provision, and every one of
    /// `previous` (the last approved run's lines) that has none now (its provision released), by
    /// item and location.
    public static func lines(_ document: ExcessDocument, previous: [Line]) throws(PolicyError) -> [Line] {
        var before: [String: Line] = [:]
        for line in previous { before[line.itemID + "\u{1F}" + line.locationID] = line }
        var lines: [Line] = []
        for l in document.lines where l.provisionValue > 0 {
            let key = l.itemId + "\u{1F}" + l.locationId
            let basis = l.obsolete ? "obsolete" : l.excessQty > 0 ? "excess" : "age"
            lines.append(
                Line(
                    itemID: l.itemId, locationID: l.locationId, category: l.category, abcClass: l.class, basis: basis,
                    grossCents: try cents(l.grossValue, field: "gross value of \(l.itemId) at \(l.locationId)"),
                    provisionCents: try cents(l.provisionValue, field: "provision of \(l.itemId) at \(l.locationId)"),
                    previousCents: before.removeValue(forKey: key)?.provisionCents ?? 0))
        }
        for old in before.values where old.provisionCents != 0 {
            lines.append(
                Line(
                    itemID: old.itemID, locationID: old.locationID, category: old.category, abcClass: old.abcClass,
                    basis: "none", grossCents: 0, provisionCents: 0, previousCents: old.provisionCents))
        }
        return lines.sorted { ($0.itemID, $0.locationID) < ($1.itemID, $1.locationID) }
    }
}
