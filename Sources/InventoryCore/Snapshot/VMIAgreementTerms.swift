/// The terms of one vendor-managed-inventory agreement for one item-location (`agreements.csv`,
/// docs/vmi.md): when ownership passes, the band of stock the supplier must keep, how often it
/// reviews, the KPI targets and the liability clause for obsolete or expired stock.
///
/// The field rules live in ``problems()``, the one home the data-folder import, the API, the page
/// and the command line all call.
public struct VMIAgreementTerms: Hashable, Sendable {
    /// When ownership of the supplier's stock passes to us.
    public enum OwnershipPasses: String, Hashable, Sendable, CaseIterable {
        /// On receipt into our location (the VMI stock is ours once received).
        case receipt
        /// On consumption (the stock stays the supplier's until we use it).
        case consumption
    }

    /// Who carries expired stock.
    public enum ExpiryHandling: String, Hashable, Sendable, CaseIterable {
        /// The supplier takes it back at its cost.
        case supplier
        /// Carried by the buy-back share, as obsolete stock.
        case shared
        /// We carry it.
        case customer
    }

    /// The band the supplier must keep: on hand between a minimum and a maximum, in base units or
    /// in days of cover (on hand ÷ average daily demand).
    public enum Band: Hashable, Sendable {
        /// Units of the item's base unit of measure.
        case units(min: Double, max: Double)
        /// Days of cover.
        case days(min: Double, max: Double)

        /// The lower bound.
        public var minimum: Double {
            switch self {
            case .units(let min, _), .days(let min, _): return min
            }
        }

        /// The upper bound.
        public var maximum: Double {
            switch self {
            case .units(_, let max), .days(_, let max): return max
            }
        }

        /// `units` or `days`.
        public var kind: String {
            switch self {
            case .units: return "units"
            case .days: return "days"
            }
        }
    }

    /// The agreement id (`VMI-0001`); versions of one agreement share it.
    public var agreementID: String
    /// The supplier that manages the stock.
    public var supplierID: String
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// When ownership passes.
    public var ownershipPasses: OwnershipPasses
    /// The band the supplier keeps.
    public var band: Band
    /// Days between the supplier's reviews (its replenishment frequency), 1 to 365.
    public var reviewDays: Int
    /// Target share of days with on hand inside the band, 0 to 1.
    public var targetInBandShare: Double
    /// Most stock-out days accepted per month, 0 to 31.
    public var targetMaxStockoutDays: Int
    /// Target fill rate (share of demand served from stock), 0 to 1.
    public var targetFillRate: Double
    /// Target share of replenishments on time (within the review period), 0 to 1.
    public var targetOnTimeShare: Double
    /// Share of the value of obsolete stock at risk the supplier buys back, 0 to 1.
    public var buybackShare: Double
    /// Notice period in days: lots expiring within it are near expiry; 0 to 3,650.
    public var noticeDays: Int
    /// Who carries expired stock.
    public var expiryHandling: ExpiryHandling
    /// The first day the terms apply.
    public var validFrom: Day

    /// Creates terms.
    public init(
        agreementID: String, supplierID: String, itemID: String, locationID: String, ownershipPasses: OwnershipPasses,
        band: Band, reviewDays: Int, targetInBandShare: Double, targetMaxStockoutDays: Int, targetFillRate: Double,
        targetOnTimeShare: Double, buybackShare: Double, noticeDays: Int, expiryHandling: ExpiryHandling, validFrom: Day
    ) {
        self.agreementID = agreementID
        self.supplierID = supplierID
        self.itemID = itemID
        self.locationID = locationID
        self.ownershipPasses = ownershipPasses
        self.band = band
        self.reviewDays = reviewDays
        self.targetInBandShare = targetInBandShare
        self.targetMaxStockoutDays = targetMaxStockoutDays
        self.targetFillRate = targetFillRate
        self.targetOnTimeShare = targetOnTimeShare
        self.buybackShare = buybackShare
        self.noticeDays = noticeDays
        self.expiryHandling = expiryHandling
        self.validFrom = validFrom
    }

    /// A broken field rule: the column, what was expected and the value given.
    public struct Problem: Hashable, Sendable {
        /// The column (`agreements.csv`) or JSON field.
        public var field: String
        /// What was expected (`a share from 0 to 1`).
        public var expected: String
        /// The value given, as text.
        public var value: String

        /// `field: expected …, got …`.
        public var message: String { "\(field): expected \(expected), got \(value)" }
    }

    /// The largest band bound accepted (units or days).
    public static let maximumBand = 1e9
    /// The longest id accepted.
    public static let maximumIDLength = 64

    /// The field rules: ids of 1 to 64 characters without spaces; band bounds from 0 to 10^9 with
    /// the maximum above 0 and not below the minimum; `review_days` 1–365; the shares
    /// (`in_band_share`, `fill_rate`, `on_time_share`, `buyback_share`) from 0 to 1;
    /// `max_stockout_days` 0–31; `notice_days` 0–3,650. Every broken rule, in column order.
    /// A number as the messages show it: whole numbers without a decimal point.
    static func text(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : "\(x)" }

    public func problems() -> [Problem] {
        var found: [Problem] = []
        func id(_ value: String, _ field: String) {
            if value.isEmpty || value.count > Self.maximumIDLength || value.contains(where: \.isWhitespace) {
                found.append(
                    Problem(field: field, expected: "an id of 1 to 64 characters without spaces", value: "'\(value.prefix(40))'"))
            }
        }
        id(agreementID, "agreement_id")
        id(supplierID, "supplier_id")
        id(itemID, "item_id")
        id(locationID, "location_id")
        let (minField, maxField) = band.kind == "units" ? ("min_units", "max_units") : ("min_days", "max_days")
        if !(band.minimum >= 0 && band.minimum <= Self.maximumBand) {
            found.append(Problem(field: minField, expected: "a number from 0 to 10^9", value: Self.text(band.minimum)))
        }
        if !(band.maximum > 0 && band.maximum <= Self.maximumBand) {
            found.append(Problem(field: maxField, expected: "a number above 0 up to 10^9", value: Self.text(band.maximum)))
        } else if band.maximum < band.minimum {
            found.append(
                Problem(
                    field: maxField, expected: "a number not below \(minField) (\(Self.text(band.minimum)))",
                    value: Self.text(band.maximum)))
        }
        if !(1...365).contains(reviewDays) {
            found.append(Problem(field: "review_days", expected: "a whole number of days from 1 to 365", value: "\(reviewDays)"))
        }
        func share(_ value: Double, _ field: String) {
            if !(value >= 0 && value <= 1) {
                found.append(Problem(field: field, expected: "a share from 0 to 1", value: Self.text(value)))
            }
        }
        share(targetInBandShare, "in_band_share")
        if !(0...31).contains(targetMaxStockoutDays) {
            found.append(
                Problem(
                    field: "max_stockout_days", expected: "a whole number of days from 0 to 31", value: "\(targetMaxStockoutDays)"
                ))
        }
        share(targetFillRate, "fill_rate")
        share(targetOnTimeShare, "on_time_share")
        share(buybackShare, "buyback_share")
        if !(0...3_650).contains(noticeDays) {
            found.append(Problem(field: "notice_days", expected: "a whole number of days from 0 to 3650", value: "\(noticeDays)"))
        }
        return found
    }
}
