/// A supplier (`suppliers.csv`).
public struct Supplier: Hashable, Sendable {
    /// Unique key.
    public var id: String
    /// Display name.
    public var name: String
    /// Country of origin.
    public var country: String

    /// Creates a supplier.
    public init(id: String, name: String = "", country: String = "") {
        self.id = id
        self.name = name
        self.country = country
    }
}
