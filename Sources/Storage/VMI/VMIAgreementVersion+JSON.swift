import InventoryCore
public import Workflow

/// The one JSON form of a version (API, `procura vmi agreements --format json`): the terms flat,
/// under the column names of `agreements.csv` (the band as `band_kind`, `band_min`, `band_max`),
/// then the state and the approvals; approvals not given yet are omitted, and `waiting_for` lists
/// the sides a proposed version still needs (`ours`, `supplier`).
extension VMIAgreementVersion: Encodable {
    enum CodingKeys: String, CodingKey {
        case agreementId, version, state, supplierId, itemId, locationId, ownershipPasses, bandKind, bandMin, bandMax
        case reviewDays, inBandShare, maxStockoutDays, fillRate, onTimeShare, buybackShare, noticeDays, expiryHandling
        case validFrom, source, proposedBy, proposedAt, ourApprovalBy, ourApprovalAt, supplierApprovalBy
        case supplierApprovalAt, rejectedBy, reason, waitingFor
    }

    /// The sides a proposed version still needs (none for other states).
    public var waitingFor: [VMIAgreementSide] {
        state == .proposed ? VMIAgreementSide.allCases.filter { facts.approval($0) == nil } : []
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let t = terms
        try c.encode(t.agreementID, forKey: .agreementId)
        try c.encode(version, forKey: .version)
        try c.encode(state.rawValue, forKey: .state)
        try c.encode(t.supplierID, forKey: .supplierId)
        try c.encode(t.itemID, forKey: .itemId)
        try c.encode(t.locationID, forKey: .locationId)
        try c.encode(t.ownershipPasses.rawValue, forKey: .ownershipPasses)
        try c.encode(t.band.kind, forKey: .bandKind)
        try c.encode(t.band.minimum, forKey: .bandMin)
        try c.encode(t.band.maximum, forKey: .bandMax)
        try c.encode(t.reviewDays, forKey: .reviewDays)
        try c.encode(t.targetInBandShare, forKey: .inBandShare)
        try c.encode(t.targetMaxStockoutDays, forKey: .maxStockoutDays)
        try c.encode(t.targetFillRate, forKey: .fillRate)
        try c.encode(t.targetOnTimeShare, forKey: .onTimeShare)
        try c.encode(t.buybackShare, forKey: .buybackShare)
        try c.encode(t.noticeDays, forKey: .noticeDays)
        try c.encode(t.expiryHandling.rawValue, forKey: .expiryHandling)
        try c.encode(t.validFrom.description, forKey: .validFrom)
        try c.encode(source, forKey: .source)
        try c.encode(proposedBy, forKey: .proposedBy)
        try c.encode(proposedAt, forKey: .proposedAt)
        let optional: [(String, CodingKeys)] = [
            (ourApprovalBy, .ourApprovalBy), (ourApprovalAt, .ourApprovalAt), (supplierApprovalBy, .supplierApprovalBy),
            (supplierApprovalAt, .supplierApprovalAt), (rejectedBy, .rejectedBy), (reason, .reason),
        ]
        for (value, key) in optional where !value.isEmpty { try c.encode(value, forKey: key) }
        try c.encode(waitingFor.map(\.rawValue), forKey: .waitingFor)
    }
}
