public import InventoryPolicy

/// What of our forecast one supplier is shown (docs/sharing.md): which items, how far ahead, in
/// which buckets, at which level of detail, with what protection, and whether the figures ask for
/// a commitment. Never costs, prices, margins, other suppliers' shares or customer names: a shared
/// line holds an item or family, a location or none, a period and a quantity — nothing else.
public struct SharingProfile: Codable, Sendable, Hashable {
    /// The length of a shared period.
    public enum Bucket: String, Codable, Sendable, CaseIterable {
        /// ISO weeks (Monday first).
        case week
        /// Calendar months.
        case month
    }

    /// The level a shared line is summed to.
    public enum Aggregation: String, Codable, Sendable, CaseIterable {
        /// One line per item.
        case item
        /// One line per item family (the item's `category` in items.csv); no item id is shared.
        case family
    }

    /// Whether locations are shown or summed.
    public enum Locations: String, Codable, Sendable, CaseIterable {
        /// One line per location.
        case separate
        /// All locations summed into one line; no location is shared.
        case merged
    }

    /// What the shared quantities are.
    public enum Quantities: String, Codable, Sendable, CaseIterable {
        /// Figures the supplier is asked to commit to; it enters commitments against the version.
        case committed
        /// Indications only: no commitments are taken.
        case indication
    }

    /// Items shared: empty (with ``categories`` empty) means every item the supplier supplies.
    public var items: [String]
    /// Item families (categories) shared; combined with ``items`` as a union.
    public var categories: [String]
    /// Weeks ahead from the plan's forecast start (1 … ``maximumHorizonWeeks``).
    public var horizonWeeks: Int
    public var bucket: Bucket
    public var aggregation: Aggregation
    public var locations: Locations
    /// Each shared quantity is rounded to the nearest multiple of this (> 0); `nil`: to 0.01.
    public var roundTo: Double?
    /// Each shared quantity is multiplied by 1 + u · noise / 100, u uniform in [−1, 1] drawn per line
    /// from the published version's seed (so a re-download is identical); `nil`: no noise.
    public var noisePercent: Double?
    public var quantities: Quantities

    /// The longest horizon that can be shared: two years.
    public static let maximumHorizonWeeks = 104
    /// The widest noise band: ±50 %.
    public static let maximumNoisePercent = 50.0
    /// The largest rounding multiple.
    public static let maximumRoundTo = 1e9

    /// Creates a profile; ``checked(items:categories:horizonWeeks:bucket:aggregation:locations:roundTo:noisePercent:quantities:)``
    /// builds one from the text a person typed.
    public init(
        items: [String] = [], categories: [String] = [], horizonWeeks: Int, bucket: Bucket, aggregation: Aggregation,
        locations: Locations, roundTo: Double? = nil, noisePercent: Double? = nil, quantities: Quantities
    ) {
        self.items = items
        self.categories = categories
        self.horizonWeeks = horizonWeeks
        self.bucket = bucket
        self.aggregation = aggregation
        self.locations = locations
        self.roundTo = roundTo
        self.noisePercent = noisePercent
        self.quantities = quantities
    }

    /// A profile from its fields as given (API body, form, command line), every field checked.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError/Code/invalidInput`` naming the first field out of its
    ///   domain, its value and what is expected, e.g. `bucket 'fortnight' — expected week or month`.
    public static func checked(
        items: [String], categories: [String], horizonWeeks: Int, bucket: String, aggregation: String, locations: String,
        roundTo: Double?, noisePercent: Double?, quantities: String
    ) throws(PolicyError) -> SharingProfile {
        let profile = SharingProfile(
            items: items.filter { !$0.isEmpty }, categories: categories.filter { !$0.isEmpty }, horizonWeeks: horizonWeeks,
            bucket: try choice(bucket, "bucket"), aggregation: try choice(aggregation, "aggregation"),
            locations: try choice(locations, "locations"), roundTo: roundTo, noisePercent: noisePercent,
            quantities: try choice(quantities, "quantities"))
        try profile.check()
        return profile
    }

    /// Checks the numeric fields (the enumerations are checked by their type).
    ///
    /// - Throws: ``InventoryPolicy/PolicyError/Code/invalidInput`` naming the field.
    public func check() throws(PolicyError) {
        guard (1...Self.maximumHorizonWeeks).contains(horizonWeeks) else {
            throw PolicyError(
                code: .invalidInput,
                message: "horizon_weeks \(horizonWeeks) — expected a whole number of weeks from 1 to \(Self.maximumHorizonWeeks)")
        }
        if let roundTo, !(roundTo.isFinite && roundTo > 0 && roundTo <= Self.maximumRoundTo) {
            throw PolicyError(
                code: .invalidInput, message: "round_to \(roundTo) — expected a multiple > 0 and ≤ 1e9 (or none)")
        }
        if let noisePercent, !(noisePercent.isFinite && noisePercent > 0 && noisePercent <= Self.maximumNoisePercent) {
            throw PolicyError(
                code: .invalidInput, message: "noise_percent \(noisePercent) — expected a band > 0 and ≤ 50 (per cent, or none)")
        }
        for (field, list) in [("items", items), ("categories", categories)] where list.count > 10_000 {
            throw PolicyError(code: .invalidInput, message: "\(field) lists \(list.count) entries — expected at most 10000")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ text: String, _ field: String) throws(PolicyError) -> T
    where T.RawValue == String {
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue)
            throw PolicyError(
                code: .invalidInput,
                message:
                    "\(field) '\(text.prefix(40))' — expected \(allowed.dropLast().joined(separator: ", ")) or \(allowed.last ?? "")"
            )
        }
        return value
    }
}
