import ArgumentParser
import InventoryCore
import Storage

/// `procura stock`: stock positions from the ledger.
struct StockCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stock",
        abstract: "Show stock positions (on hand by owner, in transit, on order, allocated), lots, or stock over time.",
        discussion: """
            Quantities are in base units, exact. Zero positions are left out. --lots lists the \
            receipt lots on hand with their value (ledger.valuation: fifo or moving_average); \
            --history --from DATE --to DATE gives on hand and value at the end of each day, walked \
            back from the count through the ledger and from stock_history.csv before it. Reads \
            the database, or the data folder DATA for --lots and --history.
            """)

    @Argument(help: "A data folder to read instead of the database (--lots, --history).") var data: String?
    @OptionGroup var db: DatabaseOptions
    @Flag(help: "The receipt lots on hand and their value.") var lots = false
    @Flag(help: "Stock on hand and value per day (needs --from and --to).") var history = false
    @Option(help: "First day of --history (YYYY-MM-DD).") var from: String?
    @Option(help: "Last day of --history (YYYY-MM-DD).") var to: String?
    @Option(help: "Only this item.") var item: String?
    @Option(help: "Only this location.") var location: String?
    @Option(help: "Output: table, csv or json.") var format: OutputFormat = .table

    static let columns = [
        "item_id", "location_id", "owner", "owner_supplier_id", "on_hand", "in_transit", "on_order", "allocated",
    ]

    func validate() throws {
        if lots, history { throw ValidationError("give --lots or --history, not both") }
        try db.refuseBoth(data: data)
        if data != nil, !lots, !history { throw ValidationError("a data folder is read with --lots or --history") }
        if history {
            for (flag, value) in [("--from", from), ("--to", to)] {
                guard let value else { throw ValidationError("--history needs \(flag) YYYY-MM-DD") }
                guard Day(iso: value) != nil else { throw ValidationError("\(flag) '\(value)' — expected YYYY-MM-DD") }
            }
            if let a = from.flatMap({ Day(iso: $0) }), let b = to.flatMap({ Day(iso: $0) }), b < a {
                throw ValidationError("--to '\(to!)' — expected a date on or after --from \(from!)")
            }
        } else if from != nil || to != nil {
            throw ValidationError("--from and --to go with --history")
        }
    }

    func run() async throws {
        if lots || history {
            let snapshot = try await db.snapshot(folder: data, quiet: true)
            let report: RowReport
            if lots {
                report = Self.lotReport(snapshot.stockPositions().lots.lines(itemID: item, locationID: location))
            } else {
                let days = try snapshot.stockHistory(
                    from: Day(iso: from!)!, to: Day(iso: to!)!, itemID: item, locationID: location
                ).days
                report = Self.historyReport(days)
            }
            StandardStreams.out(report.rendered(format, title: lots ? "Lots on hand" : "Stock at the end of each day"))
            return
        }
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

    /// `--lots`: item_id, location_id, owner, supplier_id, lot_id, received_date, expiry_date,
    /// quantity, unit_cost, value.
    static func lotReport(_ lines: [LotLine]) -> RowReport {
        RowReport(
            columns: [
                "item_id", "location_id", "owner", "supplier_id", "lot_id", "received_date", "expiry_date", "quantity",
                "unit_cost", "value",
            ],
            numeric: [7, 8, 9],
            rows: lines.map { line in
                [
                    line.position.itemID, line.position.locationID, line.position.owner.rawValue, line.lot.supplierID,
                    line.lot.lotID, line.lot.receivedDate.description, line.lot.expiryDate?.description ?? "",
                    FixedPoint.quantityText(line.lot.quantity), FixedPoint.unitCostText(line.lot.unitCost),
                    FixedPoint.moneyText(line.value),
                ]
            })
    }

    /// `--history`: date, item_id, location_id, owner, on_hand, value — one row per position and day.
    static func historyReport(_ days: [StockHistory.Day]) -> RowReport {
        RowReport(
            columns: ["date", "item_id", "location_id", "owner", "on_hand", "value"], numeric: [4, 5],
            rows: days.map { day in
                [
                    day.date.description, day.position.itemID, day.position.locationID, day.position.ownerText,
                    FixedPoint.quantityText(day.onHand), FixedPoint.moneyText(day.value),
                ]
            })
    }
}
