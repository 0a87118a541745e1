import ArgumentParser
import InventoryCore
import Storage

/// `procura stock`: stock positions from the ledger.
struct StockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock",
        abstract: "Show stock positions: on hand by owner, in transit, on order, allocated.",
        discussion: "Quantities are in base units, exact. Zero positions are left out.")

    @OptionGroup var db: DatabaseOptions
    @Option(help: "Only this item.") var item: String?
    @Option(help: "Only this location.") var location: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    static let columns = [
        "item_id", "location_id", "owner", "owner_supplier_id", "on_hand", "in_transit", "on_order", "allocated",
    ]

    func run() async throws {
        let positions = try await db.withStore { try await $0.positions(itemID: item, locationID: location) }
        func cells(_ p: StockPosition) -> [String] {
            [p.key.itemID, p.key.locationID, p.key.owner.rawValue, p.key.ownerSupplierID]
                + [p.onHand, p.inTransit, p.onOrder, p.allocated].map(FixedPoint.quantityText)
        }
        switch format {
        case .csv:
            var csv = CSVOutput()
            csv.row(Self.columns)
            for p in positions { csv.row(cells(p)) }
            StandardStreams.out(csv.text)
        case .json:
            let rows: [JSONValue] = positions.map { p in
                .object([
                    ("item_id", .string(p.key.itemID)), ("location_id", .string(p.key.locationID)),
                    ("owner", .string(p.key.owner.rawValue)),
                    ("owner_supplier_id", .string(p.key.ownerSupplierID)),
                    ("on_hand", .number(FixedPoint.quantityDouble(p.onHand))),
                    ("in_transit", .number(FixedPoint.quantityDouble(p.inTransit))),
                    ("on_order", .number(FixedPoint.quantityDouble(p.onOrder))),
                    ("allocated", .number(FixedPoint.quantityDouble(p.allocated))),
                ])
            }
            StandardStreams.out(JSONValue.array(rows).pretty + "\n")
        case .table:
            var table = TextTable([
                ("item", .left), ("location", .left), ("owner", .left), ("supplier", .left), ("on hand", .right),
                ("in transit", .right),
                ("on order", .right), ("allocated", .right),
            ])
            for p in positions { table.append(cells(p)) }
            StandardStreams.out(positions.isEmpty ? "no stock positions\n" : table.rendered)
        }
    }
}
