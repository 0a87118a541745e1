/// A stocking location: plant, warehouse, store (`locations.csv`).
public struct Location: Hashable, Sendable {
    /// Unique key.
    public var id: String
    /// Display name.
    public var name: String
    /// Legal entity; transfers between companies are intercompany.
    public var companyID: String
    /// Region, for pre-positioning and pooling analysis.
    public var region: String

    /// Creates a location.
    public init(id: String, name: String = "", companyID: String = "", region: String = "") {
        self.id = id
        self.name = name
        self.companyID = companyID
        self.region = region
    }
}
