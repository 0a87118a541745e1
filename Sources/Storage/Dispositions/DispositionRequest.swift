public import InventoryPolicy

/// A disposition case as its creator asks for it (`procura disposition create`, `POST
/// /api/v1/dispositions`; JSON keys in snake case): the excess stock, the chosen option with what it
/// needs (a destination for a transfer, the supplier of a return — default: the item's supplier at
/// the location), the figures the option values need, and for a spare the hold-or-dispose terms.
public struct DispositionRequest: Sendable, Hashable, Codable {
    /// The item.
    public var itemID: String
    /// The location holding the excess.
    public var locationID: String
    /// The lot disposed of (empty or `nil`: first in, first out).
    public var lotID: String?
    /// The quantity in base units (> 0).
    public var quantity: Double
    /// The option chosen.
    public var option: DispositionOption
    /// For a transfer: the receiving location (a location with demand).
    public var toLocationID: String?
    /// For a return: the supplier (default: the item's first supplier at the location).
    public var supplierID: String?
    /// Expected recovery per unit when sold (default 0).
    public var recoveryPerUnit: Double?
    /// Cost of the transfer, for the whole quantity (default 0).
    public var transferCost: Double?
    /// Cost of scrapping the whole quantity (default 0).
    public var scrapCost: Double?
    /// Restocking-fee rate (default `excess.restocking_fee_rate`).
    public var restockingFeeRate: Double?
    /// A note for the signers (at most 500 characters).
    public var note: String?
    /// For a spare: the hold-or-dispose terms (`nil`: not a spare).
    public var spare: DispositionAnalysis.SpareTerms?

    /// Creates a request.
    public init(
        itemID: String, locationID: String, lotID: String? = nil, quantity: Double, option: DispositionOption,
        toLocationID: String? = nil, supplierID: String? = nil, recoveryPerUnit: Double? = nil, transferCost: Double? = nil,
        scrapCost: Double? = nil, restockingFeeRate: Double? = nil, note: String? = nil,
        spare: DispositionAnalysis.SpareTerms? = nil
    ) {
        self.itemID = itemID
        self.locationID = locationID
        self.lotID = lotID
        self.quantity = quantity
        self.option = option
        self.toLocationID = toLocationID
        self.supplierID = supplierID
        self.recoveryPerUnit = recoveryPerUnit
        self.transferCost = transferCost
        self.scrapCost = scrapCost
        self.restockingFeeRate = restockingFeeRate
        self.note = note
        self.spare = spare
    }
}
