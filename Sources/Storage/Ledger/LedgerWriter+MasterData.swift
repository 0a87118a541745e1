import InventoryCore
import SQLKit

extension LedgerWriter {
    /// Reads the item (with its units), the locations and the supplier of a request in one query,
    /// into the transaction's caches; what is missing is reported by ``item(_:)`` and friends.
    func preload(_ request: PostingRequest) async throws {
        let needItem = cachedItem(request.itemID) == nil
        var locationIDs = [request.locationID]
        if let to = request.toLocationID, !to.isEmpty { locationIDs.append(to) }
        locationIDs.removeAll { cachedLocation($0) != nil }
        let supplier = request.supplierID.flatMap { $0.isEmpty || isKnownSupplier($0) ? nil : $0 }
        guard needItem || !locationIDs.isEmpty || supplier != nil else { return }
        var parts: [SQLQueryString] = []
        if needItem {
            parts.append(
                "SELECT 'item' AS kind, item_id AS id, base_uom AS info, unit_cost AS amount FROM items WHERE item_id = \(bind: request.itemID)"
            )
            parts.append(
                "SELECT 'uom' AS kind, uom AS id, '' AS info, base_units_per_uom AS amount FROM uom_conversions WHERE item_id = \(bind: request.itemID)"
            )
        }
        for id in locationIDs {
            parts.append(
                "SELECT 'location' AS kind, location_id AS id, company_id AS info, allow_negative AS amount FROM locations WHERE location_id = \(bind: id)"
            )
        }
        if let supplier {
            parts.append(
                "SELECT 'supplier' AS kind, supplier_id AS id, '' AS info, 0 AS amount FROM suppliers WHERE supplier_id = \(bind: supplier)"
            )
        }
        var item: ItemRecord? = nil
        var conversions: [String: Int64] = [:]
        for row in try await db.raw(parts.joined(separator: " UNION ALL ")).all() {
            let id = try row.decode(column: "id", as: String.self)
            let info = try row.decode(column: "info", as: String.self)
            let amount = try row.decode(column: "amount", as: Int64.self)
            switch try row.decode(column: "kind", as: String.self) {
            case "item": item = ItemRecord(baseUOM: info, unitCost: amount, conversions: [:])
            case "uom": conversions[id] = amount
            case "location": cache(id, LocationRecord(companyID: info, allowNegative: amount != 0))
            default: rememberSupplier(id)
            }
        }
        if var item {
            item.conversions = conversions
            cache(request.itemID, item)
        }
    }

    func item(_ itemID: String) async throws -> ItemRecord {
        if let cached = cachedItem(itemID) { return cached }
        guard let row = try await db.raw("SELECT base_uom, unit_cost FROM items WHERE item_id = \(bind: itemID)").first() else {
            throw StorageError(.unknownItem, "item '\(itemID)' is not in the database — import it first (items.csv)")
        }
        var conversions: [String: Int64] = [:]
        for c in try await db.raw("SELECT uom, base_units_per_uom FROM uom_conversions WHERE item_id = \(bind: itemID)").all() {
            conversions[try c.decode(column: "uom", as: String.self)] = try c.decode(column: "base_units_per_uom", as: Int64.self)
        }
        let record = ItemRecord(
            baseUOM: try row.decode(column: "base_uom", as: String.self),
            unitCost: try row.decode(column: "unit_cost", as: Int64.self),
            conversions: conversions)
        cache(itemID, record)
        return record
    }

    func location(_ locationID: String) async throws -> LocationRecord {
        if let cached = cachedLocation(locationID) { return cached }
        guard
            let row = try await db.raw(
                "SELECT company_id, allow_negative FROM locations WHERE location_id = \(bind: locationID)"
            ).first()
        else {
            throw StorageError(
                .unknownLocation, "location '\(locationID)' is not in the database — import it first (locations.csv)")
        }
        let record = LocationRecord(
            companyID: try row.decode(column: "company_id", as: String.self),
            allowNegative: try row.decode(column: "allow_negative", as: Int.self) != 0)
        cache(locationID, record)
        return record
    }

    func requireSupplier(_ supplierID: String) async throws {
        if isKnownSupplier(supplierID) { return }
        guard try await db.raw("SELECT supplier_id FROM suppliers WHERE supplier_id = \(bind: supplierID)").first() != nil else {
            throw StorageError(
                .unknownSupplier, "supplier '\(supplierID)' is not in the database — import it first (suppliers.csv)")
        }
        rememberSupplier(supplierID)
    }

    /// The quantity of a request in millionths of the item's base unit (signed for adjustments):
    /// `given` (millionths of the request's unit) converted by ``LedgerRules/baseQuantity(_:quantity:baseUnitsPerUOM:)``;
    /// a unit that is neither the base unit nor in `uom_conversions` is refused. Units match
    /// case-insensitively, as in the data-folder import (`ea` is `EA`).
    func baseQuantity(_ request: PostingRequest, given: Int64, item: ItemRecord) throws(StorageError) -> Int64 {
        guard let uom = request.uom?.uppercased(), !uom.isEmpty, uom != item.baseUOM.uppercased() else { return given }
        guard let factor = item.conversions[uom] ?? item.conversions.first(where: { $0.key.uppercased() == uom })?.value else {
            let allowed = ([item.baseUOM] + item.conversions.keys.sorted()).joined(separator: ", ")
            throw StorageError(
                .unknownUnit,
                "unit '\(request.uom ?? uom)' does not convert for item \(request.itemID) (posting '\(request.key)') — allowed units: \(allowed); add the unit to uom_conversions.csv or post in one of these"
            )
        }
        do {
            return try LedgerRules.baseQuantity(request, quantity: given, baseUnitsPerUOM: factor)
        } catch {
            throw StorageError(error)
        }
    }

    /// The shipping location of a transfer_in posted at its receiving location: the location of
    /// the transfer_out with the same reference and item to this location (`nil` when none).
    func shippingLocation(of request: PostingRequest, receiving: String) async throws -> String? {
        guard !request.reference.isEmpty else { return nil }
        return try await db.raw(
            """
            SELECT location_id FROM ledger_entries WHERE posting_type = 'transfer_out' AND reference = \(bind: request.reference) \
            AND item_id = \(bind: request.itemID) AND to_location_id = \(bind: receiving) ORDER BY entry_id LIMIT 1
            """
        ).first()?.decode(column: "location_id", as: String.self)
    }

    /// For a consumption that names no owner: the supplier's consignment stock if it has some at
    /// the location, else its VMI stock, else consignment.
    func consumptionOwner(_ request: PostingRequest) async throws -> Ownership {
        guard request.owner == nil || request.owner == .owned else { return request.owner ?? .consignment }
        let supplier = request.supplierID ?? ""
        func onHand(_ kind: Ownership) async throws -> Int64 {
            try await balance(
                PositionKey(itemID: request.itemID, locationID: request.locationID, owner: kind, ownerSupplierID: supplier),
                .onHand)
        }
        return LedgerRules.consumptionOwner(
            requested: request.owner, consignmentOnHand: try await onHand(.consignment), vmiOnHand: try await onHand(.vmi))
    }

    /// The price of consumed supplier-owned stock per base unit: the sourcing price of the item at
    /// the location from that supplier (`unit_price / units_per_purchase_uom`), else `fallback`.
    func consumptionPrice(_ request: PostingRequest, owner: Ownership, fallback: Int64) async throws -> Int64 {
        if request.unitCost != nil { return fallback }
        guard
            let row = try await db.raw(
                """
                SELECT unit_price, units_per_purchase_uom FROM sourcing WHERE item_id = \(bind: request.itemID) \
                AND location_id = \(bind: request.locationID) AND supplier_id = \(bind: request.supplierID ?? "")
                """
            ).first()
        else { return fallback }
        let price = try row.decode(column: "unit_price", as: Int64.self)
        let units = try row.decode(column: "units_per_purchase_uom", as: Int64.self)
        guard units > 0 else { return fallback }
        guard let perBaseUnit = FixedPoint.multiply(price, FixedPoint.quantityScale, dividingBy: units) else {
            throw StorageError(
                .valueOutOfRange,
                "the sourcing price \(FixedPoint.unitCostText(price)) per \(FixedPoint.quantityText(units)) base units of \(request.itemID) at \(request.locationID) from \(request.supplierID ?? "") is out of range per base unit — correct sourcing.csv"
            )
        }
        return perBaseUnit
    }
}
