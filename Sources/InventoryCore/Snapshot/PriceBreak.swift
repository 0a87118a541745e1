/// An all-units quantity discount: from `minimumQuantity` purchase units on, every unit costs
/// `unitPrice`.
public struct PriceBreak: Hashable, Sendable {
    /// Smallest order, in purchase units, that gets this price.
    public var minimumQuantity: Double
    /// Price per purchase unit.
    public var unitPrice: Double

    /// Creates a price break.
    public init(minimumQuantity: Double, unitPrice: Double) {
        self.minimumQuantity = minimumQuantity
        self.unitPrice = unitPrice
    }
}
