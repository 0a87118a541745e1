import InventoryCore

/// The columns of `open_orders.csv`.
enum OpenOrdersColumn: String, CSVColumn {
    case orderID = "order_id"
    case itemID = "item_id"
    case locationID = "location_id"
    case supplierID = "supplier_id"
    case fromLocationID = "from_location_id"
    case quantity
    case dueDate = "due_date"

    var isRequired: Bool {
        switch self {
        case .orderID, .itemID, .locationID, .quantity, .dueDate: return true
        default: return false
        }
    }
}

/// Order, item and location of an open-order line (its unique key).
struct OpenOrderKey: Hashable {
    var orderID: String
    var item: Int32
    var location: Int32
}

extension ImportRun {
    /// Reads `open_orders.csv`: one line per order, item and location; outstanding quantity ≥ 0.
    mutating func readOpenOrders() {
        guard case .table(let table) = open(.openOrders, OpenOrdersColumn.self) else { return }
        let orderField = table.field(.orderID)
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let supplierField = table.field(.supplierID)
        let fromField = table.field(.fromLocationID)
        let quantityField = table.field(.quantity)
        let dueField = table.field(.dueDate)
        var lineOfKey: [OpenOrderKey: Int] = [:]
        rowCounts[.openOrders] = table.forEachRow { row in
            let orderID = row.requiredText(orderField, expected: "an order number")
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let supplier = row.optionalReference(supplierField, in: &supplierKeys)
            let from = row.optionalReference(fromField, in: &locationKeys)
            let quantity = row.number(quantityField, .nonNegative)
            let due = row.day(dueField)
            guard !row.failed else { return }
            let key = OpenOrderKey(orderID: orderID, item: item, location: location)
            if let line = lineOfKey[key] {
                row.reject(
                    orderField, expected: "one line per order_id, item_id and location_id (line \(line) has it too)",
                    code: .duplicateKey
                )
                return
            }
            lineOfKey[key] = row.line
            openOrders.append(
                OpenOrder(
                    orderID: orderID, item: item, location: location, supplier: supplier, fromLocation: from,
                    quantity: quantity, dueDate: due
                )
            )
        }
    }
}
