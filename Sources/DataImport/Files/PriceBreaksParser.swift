import InventoryCore

/// Parses `price_breaks`: `min_qty:price;min_qty:price`, quantities in purchase units, strictly
/// increasing, prices ≥ 0 (all-units discounts).
enum PriceBreaksParser {
    static let expected = "min_qty:price pairs separated by ';' with increasing min_qty, e.g. 100:9.50;500:9.00"

    /// The breaks of a row's field; `[]` when blank; a bad value is logged on the row.
    static func parse(_ row: inout CSVRow, _ field: CSVField) -> [PriceBreak] {
        let raw = ByteNumber.trimmed(row.bytes(field))
        if raw.isEmpty { return [] }
        guard let breaks = parse(raw) else {
            row.reject(field, expected: expected)
            return []
        }
        return breaks
    }

    /// The breaks written in `bytes`, or `nil` when malformed.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> [PriceBreak]? {
        guard let base = bytes.baseAddress else { return [] }
        var breaks: [PriceBreak] = []
        var segmentStart = 0
        for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: ";") {
            let segment = UnsafeBufferPointer(start: base + segmentStart, count: i - segmentStart)
            segmentStart = i + 1
            if i == bytes.count, ByteText.isBlank(segment), !breaks.isEmpty { break }  // trailing ';'
            guard let colon = segment.firstIndex(of: UInt8(ascii: ":")) else { return nil }
            let quantityBytes = UnsafeBufferPointer(rebasing: segment[..<colon])
            let priceBytes = UnsafeBufferPointer(rebasing: segment[(colon + 1)...])
            guard let quantity = ByteNumber.double(quantityBytes), quantity >= 0,
                let price = ByteNumber.double(priceBytes), price >= 0
            else { return nil }
            if let last = breaks.last, quantity <= last.minimumQuantity { return nil }
            breaks.append(PriceBreak(minimumQuantity: quantity, unitPrice: price))
        }
        return breaks
    }
}
