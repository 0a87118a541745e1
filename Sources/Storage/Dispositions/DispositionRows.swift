import InventoryCore
import InventoryPolicy
import SQLKit
import Workflow

/// The SQL of disposition cases inside an open transaction or read.
enum DispositionRows {
    static let columns = """
        case_id, item_id, location_id, lot_id, quantity, unit_cost, chosen_option, to_location_id, supplier_id, \
        required_roles, spare, analysis, note, state, created_by, created_at, executed_by, executed_at, closed_by, \
        closed_at, cancel_reason, entry_keys, version
        """

    /// The case `caseID` with its sign-offs, or `nil`.
    static func load(_ caseID: String, _ db: any SQLDatabase) async throws -> DispositionCase? {
        guard
            let row = try await db.raw("SELECT \(unsafeRaw: columns) FROM disposition_cases WHERE case_id = \(bind: caseID)")
                .first()
        else { return nil }
        return try decode(row, signOffs: try await signOffs(caseID, db))
    }

    /// Every case (of `state` when given), the newest first, with their sign-offs.
    static func all(state: DispositionState?, _ db: any SQLDatabase) async throws -> [DispositionCase] {
        var query = SQLQueryString("SELECT \(unsafeRaw: columns) FROM disposition_cases")
        if let state { query += " WHERE state = \(bind: state.rawValue)" }
        query += " ORDER BY case_id DESC"
        let rows = try await db.raw(query).all()
        var byCase: [String: [DispositionSignOff]] = [:]
        for row in try await db.raw(
            "SELECT case_id, role, user_id, signed_at FROM disposition_sign_offs ORDER BY signed_at, role"
        )
        .all() {
            byCase[try row.decode(column: "case_id", as: String.self), default: []].append(try signOff(row))
        }
        return try rows.map { row in try decode(row, signOffs: byCase[try row.decode(column: "case_id", as: String.self)] ?? []) }
    }

    static func signOffs(_ caseID: String, _ db: any SQLDatabase) async throws -> [DispositionSignOff] {
        try await db.raw(
            "SELECT case_id, role, user_id, signed_at FROM disposition_sign_offs WHERE case_id = \(bind: caseID) ORDER BY signed_at, role"
        ).all().map(signOff)
    }

    static func signOff(_ row: any SQLRow) throws -> DispositionSignOff {
        let text = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: text) else {
            throw StorageError(.database, "disposition_sign_offs has the unknown role '\(text)' — use a newer procura")
        }
        return DispositionSignOff(
            role: role, userID: try row.decode(column: "user_id", as: String.self),
            at: try row.decode(column: "signed_at", as: String.self))
    }

    /// The next case id: `DSP-` and six digits, one above the highest.
    static func nextID(_ db: any SQLDatabase) async throws -> String {
        let last = try await db.raw("SELECT case_id FROM disposition_cases ORDER BY case_id DESC LIMIT 1").first()
            .map { try $0.decode(column: "case_id", as: String.self) }
        let number = (last.flatMap { Int($0.dropFirst(4)) } ?? 0) + 1
        let digits = String(number)
        return "DSP-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    static func insert(_ c: DispositionCase, _ db: any SQLDatabase) async throws {
        let quantity = try FixedPoint.quantity(c.quantity)
        let unitCost = try FixedPoint.unitCost(c.unitCost)
        try await db.raw(
            """
            INSERT INTO disposition_cases (\(unsafeRaw: columns)) VALUES (\(bind: c.caseID), \(bind: c.itemID), \
            \(bind: c.locationID), \(bind: c.lotID), \(bind: quantity), \(bind: unitCost), \(bind: c.option.rawValue), \
            \(bind: c.toLocationID), \(bind: c.supplierID), \(bind: c.requiredRoles.map(\.rawValue).joined(separator: ",")), \
            \(bind: c.spare ? 1 : 0), \(bind: try JSONValueEncoder().encode(c.analysis).minified), \(bind: c.note), \
            \(bind: c.state.rawValue), \(bind: c.createdBy), \(bind: c.createdAt), '', '', '', '', '', '', 1)
            """
        ).run()
    }

    /// Moves the case from the state and version read to `state`, setting `columns`; `false` when
    /// someone changed it meanwhile.
    static func update(
        _ c: DispositionCase, to state: DispositionState, set: [(String, String)], _ db: any SQLDatabase
    ) async throws -> Bool {
        var query = SQLQueryString("UPDATE disposition_cases SET state = \(bind: state.rawValue), version = version + 1")
        for (column, value) in set { query += ", \(unsafeRaw: column) = \(bind: value)" }
        query +=
            " WHERE case_id = \(bind: c.caseID) AND state = \(bind: c.state.rawValue) AND version = \(bind: Int64(c.version)) RETURNING case_id"
        return try await db.raw(query).all().count == 1
    }

    static func decode(_ row: any SQLRow, signOffs: [DispositionSignOff]) throws -> DispositionCase {
        let id = try row.decode(column: "case_id", as: String.self)
        let stateText = try row.decode(column: "state", as: String.self)
        let optionText = try row.decode(column: "chosen_option", as: String.self)
        guard let state = DispositionState(rawValue: stateText), let option = DispositionOption(rawValue: optionText) else {
            throw StorageError(
                .database,
                "disposition case \(id) has the unknown state '\(stateText)' or option '\(optionText)' — use a newer procura")
        }
        var roles: [Role] = []
        for name in try row.decode(column: "required_roles", as: String.self).split(separator: ",") {
            guard let role = Role(rawValue: String(name)) else {
                throw StorageError(.database, "disposition case \(id) needs the unknown role '\(name)' — use a newer procura")
            }
            roles.append(role)
        }
        let analysisText = try row.decode(column: "analysis", as: String.self)
        let analysis: DispositionAnalysis
        do {
            analysis = try JSONValueDecoder().decode(DispositionAnalysis.self, fromText: analysisText)
        } catch {
            throw StorageError(.database, "disposition case \(id): its stored analysis does not read (\(error))")
        }
        let keys = try row.decode(column: "entry_keys", as: String.self)
        var c = DispositionCase(
            caseID: id, itemID: try row.decode(column: "item_id", as: String.self),
            locationID: try row.decode(column: "location_id", as: String.self),
            lotID: try row.decode(column: "lot_id", as: String.self),
            quantity: FixedPoint.quantityDouble(try row.decode(column: "quantity", as: Int64.self)),
            unitCost: Double(try row.decode(column: "unit_cost", as: Int64.self)) / Double(FixedPoint.unitCostScale),
            option: option, toLocationID: try row.decode(column: "to_location_id", as: String.self),
            supplierID: try row.decode(column: "supplier_id", as: String.self),
            spare: try row.decode(column: "spare", as: Int.self) != 0, analysis: analysis,
            note: try row.decode(column: "note", as: String.self), state: state, requiredRoles: roles, signOffs: signOffs,
            missingRoles: [], createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: try row.decode(column: "created_at", as: String.self),
            executedBy: try row.decode(column: "executed_by", as: String.self),
            executedAt: try row.decode(column: "executed_at", as: String.self),
            closedBy: try row.decode(column: "closed_by", as: String.self),
            closedAt: try row.decode(column: "closed_at", as: String.self),
            cancelReason: try row.decode(column: "cancel_reason", as: String.self),
            entryKeys: keys.isEmpty ? [] : keys.split(separator: ",").map(String.init),
            version: Int(try row.decode(column: "version", as: Int64.self)))
        c.missingRoles = c.facts.missingRoles
        return c
    }

    // MARK: Idempotency (the API's Idempotency-Key, as purchase_order_requests)

    /// Claims `key` for a call with `fingerprint`; returns the case of an earlier call with the same
    /// key and fingerprint (a replay), `nil` when the key is new.
    static func claim(key: String, fingerprint: String, at: String, _ db: any SQLDatabase) async throws -> String? {
        let claimed = try await db.raw(
            """
            INSERT INTO disposition_requests (idempotency_key, fingerprint, case_id, at) VALUES (\(bind: key), \
            \(bind: fingerprint), '', \(bind: at)) ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key
            """
        ).first()
        if claimed != nil { return nil }
        guard
            let row = try await db.raw(
                "SELECT fingerprint, case_id FROM disposition_requests WHERE idempotency_key = \(bind: key)"
            ).first()
        else {
            throw StorageError(.database, "idempotency key '\(key)' is neither new nor stored — try again")
        }
        let caseID = try row.decode(column: "case_id", as: String.self)
        guard try row.decode(column: "fingerprint", as: String.self) == fingerprint else {
            throw StorageError(
                .idempotencyConflict,
                "idempotency key '\(key)' was already used for a different request (disposition case \(caseID.isEmpty ? "none" : caseID)) — use a new key for a new request"
            )
        }
        return caseID
    }

    /// Records the case a claimed key created or changed.
    static func finish(key: String, caseID: String, _ db: any SQLDatabase) async throws {
        try await db.raw(
            "UPDATE disposition_requests SET case_id = \(bind: caseID) WHERE idempotency_key = \(bind: key)"
        ).run()
    }
}
