public import InventoryCore

extension MasterDataChecks {
    /// The catalog's purchase unit must be the base unit or convert through `uom_conversions`,
    /// and its `units_per_purchase_uom` must agree with that conversion (error when it does not
    /// convert, warning when the two sizes differ).
    public func unitsThatDoNotConvert(_ snapshot: Snapshot) -> [MasterDataFinding] {
        var conversions: [Int32: [String: Double]] = [:]
        for c in snapshot.uomConversions { conversions[c.item, default: [:]][c.uom] = c.baseUnitsPerUOM }
        var findings: [MasterDataFinding] = []
        for rule in snapshot.sourcing {
            let item = snapshot.items[Int(rule.item)]
            let (location, supplier) = (snapshot.locations[Int(rule.location)].id, snapshot.suppliers[Int(rule.supplier)].id)
            let known: Double?
            if rule.purchaseUOM == item.baseUOM {
                known = 1
            } else {
                known = conversions[rule.item]?[rule.purchaseUOM]
            }
            guard let size = known else {
                let allowed = ([item.baseUOM] + (conversions[rule.item]?.keys.sorted() ?? [])).joined(separator: ", ")
                findings.append(
                    MasterDataFinding(
                        severity: .error, check: .unitDoesNotConvert, itemID: item.id, locationID: location, supplierID: supplier,
                        message:
                            "purchase unit '\(rule.purchaseUOM)' of \(item.id) from \(supplier) does not convert to base unit \(item.baseUOM) (known units: \(allowed))",
                        suggestedFix:
                            "add '\(item.id),\(rule.purchaseUOM),\(Self.number(rule.unitsPerPurchaseUOM))' to uom_conversions.csv, or set purchase_uom to a known unit in sourcing.csv"
                    ))
                continue
            }
            let tolerance = configuration.conversionTolerance * max(abs(size), abs(rule.unitsPerPurchaseUOM))
            if abs(size - rule.unitsPerPurchaseUOM) > tolerance {
                findings.append(
                    MasterDataFinding(
                        severity: .warning, check: .unitDoesNotConvert, itemID: item.id, locationID: location,
                        supplierID: supplier,
                        message:
                            "sourcing says 1 \(rule.purchaseUOM) of \(item.id) = \(Self.number(rule.unitsPerPurchaseUOM)) \(item.baseUOM), the inventory record says \(Self.number(size)) \(item.baseUOM)",
                        suggestedFix:
                            "correct units_per_purchase_uom in sourcing.csv or base_units_per_uom in uom_conversions.csv so both agree"
                    ))
            }
        }
        return findings
    }

    /// MOQ must be a multiple of the order multiple (both in purchase units, both > 0);
    /// suggests the next multiple up.
    public func moqNotMultipleOfOrderMultiple(_ snapshot: Snapshot) -> [MasterDataFinding] {
        snapshot.sourcing.compactMap { rule in
            guard rule.moq > 0, rule.orderMultiple > 0 else { return nil }
            let ratio = rule.moq / rule.orderMultiple
            guard abs(ratio - ratio.rounded()) > 1e-9 * max(1, ratio) else { return nil }
            let fixed = ratio.rounded(.up) * rule.orderMultiple
            let item = snapshot.items[Int(rule.item)].id
            return MasterDataFinding(
                severity: .warning, check: .moqNotMultiple, itemID: item, locationID: snapshot.locations[Int(rule.location)].id,
                supplierID: snapshot.suppliers[Int(rule.supplier)].id,
                message:
                    "MOQ \(Self.number(rule.moq)) \(rule.purchaseUOM) is not a multiple of the order multiple \(Self.number(rule.orderMultiple)) — the smallest orderable quantity is \(Self.number(fixed))",
                suggestedFix:
                    "set moq to \(Self.number(fixed)) (or the order multiple to a divisor of \(Self.number(rule.moq))) in sourcing.csv"
            )
        }
    }

    /// The price per base unit (`unit_price / units_per_purchase_uom`) more than
    /// ``Configuration/priceTolerance`` away from the item's standard cost (items with cost 0 are skipped).
    public func pricesFarFromCost(_ snapshot: Snapshot) -> [MasterDataFinding] {
        snapshot.sourcing.compactMap { rule in
            let item = snapshot.items[Int(rule.item)]
            guard item.unitCost > 0, rule.unitsPerPurchaseUOM > 0 else { return nil }
            let perBase = rule.unitPrice / rule.unitsPerPurchaseUOM
            let deviation = (perBase - item.unitCost) / item.unitCost
            guard abs(deviation) > configuration.priceTolerance else { return nil }
            let percent = Int((deviation * 100).rounded())
            return MasterDataFinding(
                severity: .warning, check: .priceFarFromCost, itemID: item.id,
                locationID: snapshot.locations[Int(rule.location)].id,
                supplierID: snapshot.suppliers[Int(rule.supplier)].id,
                message:
                    "price \(Self.number(perBase)) per \(item.baseUOM) is \(percent > 0 ? "+" : "")\(percent)% from the standard cost \(Self.number(item.unitCost))",
                suggestedFix:
                    "check unit_price and units_per_purchase_uom in sourcing.csv (a price per pack entered per piece?) or update unit_cost in items.csv"
            )
        }
    }

    /// Obsolete items that still have a sourcing rule.
    public func sourcingForInactiveItems(_ snapshot: Snapshot) -> [MasterDataFinding] {
        snapshot.sourcing.compactMap { rule in
            let item = snapshot.items[Int(rule.item)]
            guard item.lifecycle == .obsolete else { return nil }
            return MasterDataFinding(
                severity: .warning, check: .sourcingForInactiveItem, itemID: item.id,
                locationID: snapshot.locations[Int(rule.location)].id,
                supplierID: snapshot.suppliers[Int(rule.supplier)].id,
                message: "\(item.id) is obsolete but still sourced from \(snapshot.suppliers[Int(rule.supplier)].id)",
                suggestedFix: "remove the sourcing row (or set the item's lifecycle back to active if it is still bought)")
        }
    }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String((value * 1e6).rounded() / 1e6)
    }
}
