/// Who owns stock or who manages its replenishment.
public enum Ownership: String, Sendable, CaseIterable, Codable {
    /// Bought and owned by us.
    case owned
    /// Held by us, owned by the supplier until consumed.
    case consignment
    /// Replenished by the supplier under a vendor-managed-inventory agreement.
    case vmi
}
