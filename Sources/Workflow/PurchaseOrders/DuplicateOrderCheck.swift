/// Duplicate-order prevention when an order is raised by hand (a manual purchase order, an
/// emergency buy): before a new order for an item-location is created, what is already coming —
/// open proposals, open purchase orders, transfers in transit, receipts of the recent-receipt window
/// (``IncomingSupply``) — is shown, and the order goes through only when the buyer confirms with a
/// reason (kept in the audit log). Pure: Storage gathers the supply and applies the outcome in the
/// transaction that creates the order.
public enum DuplicateOrderCheck {
    /// The buyer's reason for ordering although supply is coming: 1 to 500 characters on one line.
    public static let reasonField = TextField(name: "reason", maximumLength: 500)

    /// Decides whether an order of `itemID` at `locationID` may be created.
    ///
    /// - Parameters:
    ///   - incoming: what is already coming (or just came) for the item-location.
    ///   - confirmation: the buyer's reason to order anyway (empty: none given).
    /// - Returns: the confirmation reason when supply is coming and the buyer confirmed (for the
    ///   audit log); `nil` when nothing is coming (a reason given then is not needed and not kept).
    /// - Throws: ``WorkflowError/Code/alreadyComing`` listing the supply when something is coming
    ///   and no reason was given; ``WorkflowError/Code/invalidReason`` for a reason too long or with a
    ///   control character.
    public static func check(itemID: String, locationID: String, incoming: [IncomingSupply], confirmation: String)
        throws(WorkflowError) -> String?
    {
        let reason: String
        do {
            reason = try reasonField.check(confirmation)
        } catch {
            throw WorkflowError(.invalidReason, "the confirmation of a duplicate order: \(error.message)")
        }
        guard !incoming.isEmpty else { return nil }
        guard reason.isEmpty else { return reason }
        throw WorkflowError(
            .alreadyComing,
            "\(itemID) at \(locationID) is already coming — \(summary(incoming)) — to order more, confirm with a reason")
    }

    /// The supply as one line: `open order PO-000003 (approved): 24 EA due 2026-12-01; recent receipt R7: 5 EA on 2026-11-30`.
    public static func summary(_ incoming: [IncomingSupply]) -> String {
        incoming.map(\.description).joined(separator: "; ")
    }
}
