/// One item-location an alert names, with the numbers behind it.
public struct KPIAlert: Codable, Sendable, Hashable {
    /// Item id.
    public var itemId: String
    /// Location id.
    public var locationId: String
    /// The value at stake (for the order of the list), in the data set's currency.
    public var value: Double
    /// What is wrong, in words and numbers.
    public var text: String
}

/// The item-locations of one kind of alert: how many, and the ten with the most value at stake.
public struct KPIAlertList: Codable, Sendable, Hashable {
    /// `reorder`, `stockout`, `excess` or `flagged`.
    public var kind: String
    /// A heading.
    public var title: String
    /// Item-locations with this alert.
    public var count: Int
    /// The ten largest by value.
    public var top: [KPIAlert]
}
