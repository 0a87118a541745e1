import InventoryCore

/// One difference planted in the demo company's supplier statements: the line of the supplier's
/// statement that does not agree with the company's own books, and how
/// (`procura reconcile consignment` reports exactly these).
public struct DemoStatementDifference: Hashable, Sendable, CustomStringConvertible {
    /// The supplier whose statement has it.
    public var supplierID: String
    /// The item.
    public var itemID: String
    /// The location.
    public var locationID: String
    /// `differs` (the statement says one unit more), `missing_on_statement` (the supplier left a
    /// line out) or `missing_in_ledger` (the statement lists stock the books do not hold).
    public var status: String

    /// Creates a difference.
    public init(supplierID: String, itemID: String, locationID: String, status: String) {
        self.supplierID = supplierID
        self.itemID = itemID
        self.locationID = locationID
        self.status = status
    }

    /// `SUPPLIER ITEM@LOCATION status`.
    public var description: String { "\(supplierID) \(itemID)@\(locationID) \(status)" }
}

/// The consignment/VMI stock statements of the demo company, one per supplier that owns stock
/// there: the supplier's own stock per item-location after the count and every posting (the
/// primary supplier's, as `inventory.csv` and `transactions.csv` name it), with three planted
/// differences — one each of ``DemoStatementDifference/status``'s kinds, on the first three
/// suppliers by key that have at least two lines.
struct DemoStatements {
    /// One statement line: item-location index and base units in ticks.
    struct Line {
        var itemLocation: Int
        var ticks: Int64
    }

    /// Lines per supplier index, ordered by supplier key then item and location.
    var statements: [(supplier: Int32, lines: [Line])]
    /// The planted differences.
    var planted: [DemoStatementDifference]

    init(company: DemoCompany, ledger: DemoLedger) {
        var bySupplier: [Int32: [Line]] = [:]
        for (index, ticks) in ledger.supplierStock.sorted(by: { $0.key < $1.key }) where ticks > 0 {
            bySupplier[company.primarySupplier(index), default: []].append(Line(itemLocation: index, ticks: ticks))
        }
        func ids(_ index: Int) -> (String, String) {
            let itemLocation = company.itemLocations[index]
            return (company.items[Int(itemLocation.item)].id, company.locations[Int(itemLocation.location)].id)
        }
        var statements = bySupplier.sorted { company.suppliers[Int($0.key)].id < company.suppliers[Int($1.key)].id }
            .map { (supplier: $0.key, lines: $0.value) }
        var planted: [DemoStatementDifference] = []
        let candidates = statements.indices.filter { statements[$0].lines.count >= 2 }
        if candidates.count >= 1 {
            // The supplier counts one unit more than the books hold.
            let s = candidates[0]
            let line = statements[s].lines[0]
            statements[s].lines[0].ticks += company.itemProfiles[Int(company.itemLocations[line.itemLocation].item)].quantityScale
            let (item, location) = ids(line.itemLocation)
            planted.append(
                .init(
                    supplierID: company.suppliers[Int(statements[s].supplier)].id, itemID: item, locationID: location,
                    status: "differs"))
        }
        if candidates.count >= 2 {
            // The supplier leaves a line out.
            let s = candidates[1]
            let line = statements[s].lines.removeLast()
            let (item, location) = ids(line.itemLocation)
            planted.append(
                .init(
                    supplierID: company.suppliers[Int(statements[s].supplier)].id, itemID: item, locationID: location,
                    status: "missing_on_statement"))
        }
        if candidates.count >= 3,
            let owned = company.itemLocations.indices.first(where: { company.itemLocations[$0].ownership == .owned })
        {
            // The supplier lists stock at an item-location where the books hold none of theirs.
            let s = candidates[2]
            let scale = company.itemProfiles[Int(company.itemLocations[owned].item)].quantityScale
            statements[s].lines.append(Line(itemLocation: owned, ticks: 5 * scale))
            let (item, location) = ids(owned)
            planted.append(
                .init(
                    supplierID: company.suppliers[Int(statements[s].supplier)].id, itemID: item, locationID: location,
                    status: "missing_in_ledger"))
        }
        self.statements = statements
        self.planted = planted
    }
}
