import Workflow

/// The JSON of a purchase order — `GET /api/v1/purchase-orders/{po_id}`, `procura po list
/// --format json` and `procura po export --format json` write the same — with every key present
/// (empty texts and missing values as `null`).
extension PurchaseOrderRecord: Encodable {
    enum CodingKeys: String, CodingKey {
        case poId, supplierId, locationId, state, allowedActions, currency, value, releaseDate, planRun, createdBy, createdAt
        case changedBy, changedAt, approvedBy, approvedAt, reason, confirmedDate, lines, approvals
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        func text(_ value: String, _ key: CodingKeys) throws {
            if value.isEmpty { try c.encodeNil(forKey: key) } else { try c.encode(value, forKey: key) }
        }
        try c.encode(poID, forKey: .poId)
        try c.encode(supplierID, forKey: .supplierId)
        try c.encode(locationID, forKey: .locationId)
        try c.encode(state.rawValue, forKey: .state)
        try c.encode(PurchaseOrderLifecycle.allowedActions(from: state).map(\.rawValue), forKey: .allowedActions)
        try c.encode(currency, forKey: .currency)
        try c.encode(value, forKey: .value)
        try c.encode(releaseDate, forKey: .releaseDate)
        if let planRun { try c.encode(planRun, forKey: .planRun) } else { try c.encodeNil(forKey: .planRun) }
        try c.encode(createdBy, forKey: .createdBy)
        try c.encode(createdAt, forKey: .createdAt)
        try text(changedBy, .changedBy)
        try text(changedAt, .changedAt)
        try text(approvedBy, .approvedBy)
        try text(approvedAt, .approvedAt)
        try text(reason, .reason)
        try text(confirmedDate, .confirmedDate)
        try c.encode(lines, forKey: .lines)
        try c.encode(
            approvals.map { ApprovalJSON(userId: $0.userID, level: $0.level, onBehalfOf: $0.onBehalfOf ?? "") },
            forKey: .approvals)
    }

    private struct ApprovalJSON: Encodable {
        var userId: String
        var level: String
        /// The delegator whose authority the approval used (empty: the approver's own).
        var onBehalfOf: String
    }
}

extension PurchaseOrderLineRecord: Encodable {
    enum CodingKeys: String, CodingKey {
        case line, itemId, quantity, baseUom, purchaseQuantity, purchaseUom, unitPrice, value, dueDate, releaseDate, received
        case requirement, confirmedDate, confirmedQuantity
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(line, forKey: .line)
        try c.encode(itemID, forKey: .itemId)
        try c.encode(quantity, forKey: .quantity)
        try c.encode(baseUOM, forKey: .baseUom)
        try c.encode(purchaseQuantity, forKey: .purchaseQuantity)
        try c.encode(purchaseUOM, forKey: .purchaseUom)
        try c.encode(unitPrice, forKey: .unitPrice)
        try c.encode(value, forKey: .value)
        try c.encode(dueDate, forKey: .dueDate)
        try c.encode(releaseDate, forKey: .releaseDate)
        try c.encode(received, forKey: .received)
        if let requirement { try c.encode(requirement, forKey: .requirement) } else { try c.encodeNil(forKey: .requirement) }
        if confirmedDate.isEmpty {
            try c.encodeNil(forKey: .confirmedDate)
        } else {
            try c.encode(confirmedDate, forKey: .confirmedDate)
        }
        if let confirmedQuantity {
            try c.encode(confirmedQuantity, forKey: .confirmedQuantity)
        } else {
            try c.encodeNil(forKey: .confirmedQuantity)
        }
    }
}

extension PurchaseOrderEvent: Encodable {
    enum CodingKeys: String, CodingKey {
        case seq, at, actor, action, fromState, toState, reason, detail
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(seq, forKey: .seq)
        try c.encode(at, forKey: .at)
        try c.encode(actor, forKey: .actor)
        try c.encode(action, forKey: .action)
        if fromState.isEmpty { try c.encodeNil(forKey: .fromState) } else { try c.encode(fromState, forKey: .fromState) }
        try c.encode(toState, forKey: .toState)
        if reason.isEmpty { try c.encodeNil(forKey: .reason) } else { try c.encode(reason, forKey: .reason) }
        try c.encode(detail, forKey: .detail)
    }
}
