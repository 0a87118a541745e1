import InventoryCore

/// The columns of `receipts.csv`.
enum ReceiptsColumn: String, CSVColumn {
    case orderID = "order_id"
    case itemID = "item_id"
    case locationID = "location_id"
    case supplierID = "supplier_id"
    case orderDate = "order_date"
    case dueDate = "due_date"
    case receiptDate = "receipt_date"
    case quantity
    case orderedQuantity = "ordered_quantity"
    case unitPrice = "unit_price"

    var isRequired: Bool {
        switch self {
        case .dueDate, .orderedQuantity, .unitPrice: return false
        default: return true
        }
    }
}

extension ImportRun {
    /// Reads `receipts.csv`: quantity > 0, goods received on or after the order date.
    mutating func readReceipts() {
        guard case .table(let table) = open(.receipts, ReceiptsColumn.self) else { return }
        let orderField = table.field(.orderID)
        let itemField = table.field(.itemID)
        let locationField = table.field(.locationID)
        let supplierField = table.field(.supplierID)
        let orderDateField = table.field(.orderDate)
        let dueField = table.field(.dueDate)
        let receiptField = table.field(.receiptDate)
        let quantityField = table.field(.quantity)
        let orderedField = table.field(.orderedQuantity)
        let priceField = table.field(.unitPrice)
        rowCounts[.receipts] = table.forEachRow { row in
            let orderID = row.requiredText(orderField, expected: "an order number")
            let item = row.reference(itemField, in: &itemKeys)
            let location = row.reference(locationField, in: &locationKeys)
            let supplier = row.reference(supplierField, in: &supplierKeys)
            let ordered = row.day(orderDateField)
            let due = row.optionalDay(dueField)
            let received = row.day(receiptField)
            let quantity = row.number(quantityField, .positive)
            let orderedQuantity = row.optionalNumber(orderedField, .nonNegative)
            let price = row.optionalNumber(priceField, .nonNegative)
            guard !row.failed else { return }
            if received < ordered {
                row.reject(receiptField, expected: "a date on or after order_date \(ordered)")
                return
            }
            receipts.append(
                Receipt(
                    orderID: orderID, item: item, location: location, supplier: supplier, orderDate: ordered,
                    dueDate: due, receiptDate: received, quantity: quantity, orderedQuantity: orderedQuantity,
                    unitPrice: price
                )
            )
        }
    }
}
