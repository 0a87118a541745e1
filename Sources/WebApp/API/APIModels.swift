import Foundation
import InventoryCore
import Storage

/// The JSON shapes of the API (docs: Resources/openapi.yaml). Property names are the camel-case of
/// the snake-case keys. Optional properties that are `nil` are left out — that is how a supplier's
/// view omits costs and classes.

struct ItemLocationSummary: Codable, Sendable {
    var itemId: String
    var locationId: String
    var description: String
    var category: String
    var baseUom: String
    var criticality: String
    var lifecycle: String
    var pattern: String
    var annualQuantity: Double
    var onHand: Double
    var suppliers: [String]
    // Not for suppliers:
    var abc: String?
    var xyz: String?
    var strategy: String?
    var serviceLevel: Double?
    var unitCost: Double?
    var annualValue: Double?
    var onHandValue: Double?
    var policyType: String?
    var safetyStock: Double?
    var reorderPoint: Double?
    var flagged: Bool?
}

struct ItemLocationPage: Codable, Sendable {
    var items: [ItemLocationSummary]
    var total: Int
    var nextCursor: String?
    var runNumber: Int?
}

struct ItemDetail: Codable, Sendable {
    struct LocationEntry: Codable, Sendable {
        var locationId: String
        var onHand: Double
        var forecastPerBucket: Double?
        var classification: ClassificationPayload?
    }
    struct SourcingEntry: Codable, Sendable {
        var locationId: String
        var supplierId: String
        var purchaseUom: String
        var unitsPerPurchaseUom: Double
        var leadTimeDays: Double
        var leadTimeSdDays: Double
        var moq: Double
        var orderMultiple: Double
        var ownership: String
        var share: Double
        var unitPrice: Double?
    }
    var itemId: String
    var description: String
    var category: String
    var baseUom: String
    var criticality: String
    var lifecycle: String
    var unitCost: Double?
    var locations: [LocationEntry]
    var sourcing: [SourcingEntry]
}

struct ForecastResponse: Codable, Sendable {
    struct HistoryPoint: Codable, Sendable {
        var start: String
        var quantity: Double
        var stockoutDays: Int
    }
    struct ForecastPoint: Codable, Sendable {
        var start: String
        var value: Double
        var lower: Double?
        var upper: Double?
        var sigma: Double?
    }
    var itemId: String
    var locationId: String
    var runNumber: Int
    var model: String
    var bucket: String
    var intervalLevel: Double
    var oneStepErrorSigma: Double?
    var history: [HistoryPoint]
    var forecast: [ForecastPoint]
}

struct PositionResponse: Codable, Sendable {
    var itemId: String
    var locationId: String
    var owner: String
    var ownerSupplierId: String
    var onHand: Double
    var inTransit: Double
    var onOrder: Double
    var allocated: Double

    init(_ p: StockPosition) {
        itemId = p.key.itemID
        locationId = p.key.locationID
        owner = p.key.owner.rawValue
        ownerSupplierId = p.key.ownerSupplierID
        onHand = FixedPoint.quantityDouble(p.onHand)
        inTransit = FixedPoint.quantityDouble(p.inTransit)
        onOrder = FixedPoint.quantityDouble(p.onOrder)
        allocated = FixedPoint.quantityDouble(p.allocated)
    }
}

struct PositionPage: Codable, Sendable {
    var positions: [PositionResponse]
    var total: Int
    var nextCursor: String?
}

struct LedgerEntryResponse: Codable, Sendable {
    var entryId: Int64
    var key: String
    var type: String
    var date: String
    var itemId: String
    var locationId: String
    var toLocationId: String?
    var supplierId: String?
    var owner: String
    var quantity: Double
    var uom: String
    var uomQuantity: Double
    var unitCost: Double
    var value: Double
    var reason: String
    var reference: String
    var lotId: String
    var reversesEntryId: Int64?
    var intercompany: Bool
    var recordedAt: String

    init(_ e: LedgerEntryRecord) {
        entryId = e.entryID
        key = e.key
        type = e.type.rawValue
        date = e.date.description
        itemId = e.itemID
        locationId = e.locationID
        toLocationId = e.toLocationID
        supplierId = e.supplierID
        owner = e.owner.rawValue
        quantity = FixedPoint.quantityDouble(e.quantity)
        uom = e.uom
        uomQuantity = FixedPoint.quantityDouble(e.uomQuantity)
        unitCost = Double(e.unitCost) / Double(FixedPoint.unitCostScale)
        value = Double(e.value) / Double(FixedPoint.moneyScale)
        reason = e.reason
        reference = e.reference
        lotId = e.lotID
        reversesEntryId = e.reversesEntryID
        intercompany = e.intercompany
        recordedAt = e.recordedAt
    }
}

struct LedgerEntryPage: Codable, Sendable {
    var entries: [LedgerEntryResponse]
    var nextCursor: String?
}

struct PostingBody: Codable, Sendable {
    var type: String
    var itemId: String
    var locationId: String
    var quantity: Double
    var uom: String?
    var date: String?
    var toLocationId: String?
    var supplierId: String?
    var owner: String?
    var unitCost: Double?
    var reason: String?
    var reference: String?
    var lotId: String?
}

struct PostingResponse: Codable, Sendable {
    struct Movement: Codable, Sendable {
        var itemId: String
        var locationId: String
        var owner: String
        var ownerSupplierId: String
        var bucket: String
        var quantity: Double
    }
    var entryId: Int64
    var key: String
    var status: String
    var type: String
    var quantity: Double
    var value: Double
    var intercompany: Bool
    /// Dated before the stock count: moved neither on hand nor on order.
    var history: Bool
    /// Base units received beyond the named open order's outstanding quantity.
    var overReceipt: Double
    var movements: [Movement]

    init(_ r: PostingResult) {
        entryId = r.entryID
        key = r.key
        status = r.replayed ? "replayed" : "posted"
        type = r.type.rawValue
        quantity = FixedPoint.quantityDouble(r.quantity)
        value = Double(r.value) / Double(FixedPoint.moneyScale)
        intercompany = r.intercompany
        history = r.isHistory
        overReceipt = FixedPoint.quantityDouble(r.overReceipt)
        movements = r.movements.map {
            Movement(
                itemId: $0.position.itemID, locationId: $0.position.locationID, owner: $0.position.owner.rawValue,
                ownerSupplierId: $0.position.ownerSupplierID, bucket: $0.bucket.rawValue,
                quantity: FixedPoint.quantityDouble($0.quantity))
        }
    }
}

struct PlanRunResponse: Codable, Sendable {
    var runNumber: Int
    var createdAt: String
    var asOf: String
    var label: String
    var status: String
    var resultCount: Int
    var summary: PlanSummaryJSON.Summary?

    init(_ r: PlanRunRecord, withSummary: Bool) throws {
        runNumber = r.runNumber
        createdAt = r.createdAt
        asOf = r.asOf.description
        label = r.label
        status = r.status
        resultCount = r.resultCount
        summary = withSummary ? try PlanSummaryJSON.decode(r.summary, run: r.runNumber) : nil
    }
}

struct PlanRunPage: Codable, Sendable {
    var runs: [PlanRunResponse]
    var total: Int
    var nextCursor: String?
}

struct PlanRunBody: Codable, Sendable {
    var label: String?
}

struct PlanComparison: Codable, Sendable {
    struct Change: Codable, Sendable {
        var itemId: String
        var locationId: String
        var parameter: String
        var base: Double?
        var other: Double?
        var difference: Double?
    }
    struct Totals: Codable, Sendable {
        var itemLocationsBase: Int
        var itemLocationsOther: Int
        var changedItemLocations: Int
        var safetyStockValueBase: Double
        var safetyStockValueOther: Double
        var policyValueBase: Double
        var policyValueOther: Double
    }
    var base: Int
    var other: Int
    var totals: Totals
    var changes: [Change]
    var total: Int
    var nextCursor: String?
}

struct OverrideResponse: Codable, Sendable {
    var overrideId: String
    var itemId: String
    var locationId: String
    var parameter: String
    var value: Double
    var reason: String
    var author: String
    var validFrom: String?
    var validTo: String?
    var active: Bool

    init(_ o: OverrideRecord, today: Day) {
        overrideId = OverrideID.encode(o)
        itemId = o.itemID
        locationId = o.locationID
        parameter = o.parameter
        value = o.value
        reason = o.reason
        author = o.author
        validFrom = o.validFrom?.description
        validTo = o.validTo?.description
        active = o.isValid(on: today)
    }
}

struct OverridePage: Codable, Sendable {
    var overrides: [OverrideResponse]
    var total: Int
    var nextCursor: String?
}

struct OverrideBody: Codable, Sendable {
    var itemId: String
    var locationId: String
    var parameter: String
    var value: Double
    var reason: String
    var validFrom: String?
    var validTo: String?
}

struct MeResponse: Codable, Sendable {
    var userId: String
    var displayName: String
    var role: String
    var supplierId: String?
    var permissions: [String]
}

struct TokenBody: Codable, Sendable {
    var name: String
    var expiresInDays: Int?
}

struct TokenResponse: Codable, Sendable {
    var tokenId: String
    var name: String
    var createdAt: String
    var expiresAt: String?
    var revokedAt: String?
    var token: String?
}

struct AuditEntryResponse: Codable, Sendable {
    var auditId: Int64
    var at: String
    var actor: String
    var action: String
    var subject: String
    var detail: String
    var before: String
    var after: String

    init(_ e: AuditEntry) {
        auditId = e.auditID
        at = e.at
        actor = e.actor
        action = e.action
        subject = e.subject
        detail = e.detail
        before = e.before
        after = e.after
    }
}

struct AuditEntryPage: Codable, Sendable {
    var entries: [AuditEntryResponse]
    var nextCursor: String?
}

/// Opaque override ids: the key (item, location, parameter, valid from) in URL-safe base64.
enum OverrideID {
    static func encode(_ o: OverrideRecord) -> String {
        let key = [o.itemID, o.locationID, o.parameter, o.validFrom?.description ?? ""].joined(separator: "\u{1F}")
        return Data(key.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(
            of: "/", with: "_"
        )
        .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ id: String) -> (item: String, location: String, parameter: String, validFrom: Day?)? {
        var text = id.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text), let key = String(data: data, encoding: .utf8) else { return nil }
        let parts = key.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 4 else { return nil }
        if parts[3].isEmpty { return (parts[0], parts[1], parts[2], nil) }
        guard let day = Day(iso: parts[3]) else { return nil }
        return (parts[0], parts[1], parts[2], day)
    }
}
