public import InventoryCore
import InventoryPolicy
import SQLKit

extension Store {
    /// Overrides, optionally of one item and/or location, ordered by item, location, parameter, start.
    public func overrides(itemID: String? = nil, locationID: String? = nil) async throws -> [OverrideRecord] {
        try await backend.read { db in
            var query = SQLQueryString(
                "SELECT item_id, location_id, parameter, valid_from, valid_to, value, reason, author FROM overrides WHERE 1 = 1")
            if let itemID { query += " AND item_id = \(bind: itemID)" }
            if let locationID { query += " AND location_id = \(bind: locationID)" }
            query += " ORDER BY item_id, location_id, parameter, valid_from"
            return try await db.raw(query).all().map(Self.overrideRecord(row:))
        }
    }

    /// Saves an override (insert, or replace the one with the same key) with the audit entry
    /// (`override.create` / `override.replace`, before and after) in one transaction.
    ///
    /// - Throws: ``StorageError/Code/invalidOverride`` when the override breaks a rule of
    ///   ``OverrideRules`` (parameter, value domain, reason and author length, validity);
    ///   ``StorageError/Code/unknownItem`` / ``StorageError/Code/unknownLocation`` for keys not in
    ///   the database.
    /// - Returns: the override it replaced, if any.
    @discardableResult
    public func saveOverride(_ record: OverrideRecord, actor: String) async throws -> OverrideRecord? {
        do {
            try OverrideRules.validate(
                itemID: record.itemID, locationID: record.locationID, parameter: record.parameter, value: record.value,
                reason: record.reason, author: record.author, validFrom: record.validFrom, validTo: record.validTo)
        } catch {
            throw StorageError(error)
        }
        return try await backend.transaction { db in
            if try await db.raw("SELECT item_id FROM items WHERE item_id = \(bind: record.itemID)").first() == nil {
                throw StorageError(.unknownItem, "item '\(record.itemID)' is not in the database — import it first (items.csv)")
            }
            if try await db.raw("SELECT location_id FROM locations WHERE location_id = \(bind: record.locationID)").first() == nil
            {
                throw StorageError(
                    .unknownLocation, "location '\(record.locationID)' is not in the database — import it first (locations.csv)")
            }
            let before = try await Self.override(
                itemID: record.itemID, locationID: record.locationID, parameter: record.parameter, validFrom: record.validFrom, db
            )
            let from = record.validFrom?.description ?? ""
            let to = record.validTo?.description ?? ""
            if before == nil {
                try await db.raw(
                    """
                    INSERT INTO overrides (item_id, location_id, parameter, valid_from, valid_to, value, reason, author) VALUES \
                    (\(bind: record.itemID), \(bind: record.locationID), \(bind: record.parameter), \(bind: from), \(bind: to), \
                    \(bind: record.value), \(bind: record.reason), \(bind: record.author))
                    """
                ).run()
            } else {
                try await db.raw(
                    """
                    UPDATE overrides SET valid_to = \(bind: to), value = \(bind: record.value), reason = \(bind: record.reason), \
                    author = \(bind: record.author) WHERE item_id = \(bind: record.itemID) AND location_id = \(bind: record.locationID) \
                    AND parameter = \(bind: record.parameter) AND valid_from = \(bind: from)
                    """
                ).run()
            }
            try await Self.writeAudit(
                at: clock.now().iso8601,
                AuditEntry(
                    actor: actor, action: before == nil ? "override.create" : "override.replace", subject: record.subject,
                    detail: "\(record.parameter) = \(record.value): \(record.reason)", before: before?.auditJSON ?? "",
                    after: record.auditJSON), db)
            return before
        }
    }

    /// Ends an override: it applies up to the day before `day` and no longer (`valid_to = day − 1`;
    /// one that starts on or after `day` then never applies). `override.expire` in the audit log.
    ///
    /// - Throws: ``StorageError/Code/unknownOverride`` when there is no such override.
    /// - Returns: the override as it is now.
    @discardableResult
    public func expireOverride(
        itemID: String, locationID: String, parameter: String, validFrom: Day?, on day: Day, actor: String
    ) async throws -> OverrideRecord {
        try await backend.transaction { db in
            guard
                let before = try await Self.override(
                    itemID: itemID, locationID: locationID, parameter: parameter, validFrom: validFrom, db)
            else {
                throw StorageError(
                    .unknownOverride,
                    "no override of \(parameter) for \(itemID) at \(locationID)\(validFrom.map { " from \($0)" } ?? "") — list them with GET /api/v1/overrides"
                )
            }
            var after = before
            let end = day.adding(days: -1)
            if let to = before.validTo, to <= end { return before }  // already over by then
            after.validTo = end
            try await db.raw(
                """
                UPDATE overrides SET valid_to = \(bind: end.description) WHERE item_id = \(bind: itemID) AND location_id = \(bind: locationID) \
                AND parameter = \(bind: parameter) AND valid_from = \(bind: validFrom?.description ?? "")
                """
            ).run()
            try await Self.writeAudit(
                at: clock.now().iso8601,
                AuditEntry(
                    actor: actor, action: "override.expire", subject: before.subject, detail: "ends \(end)",
                    before: before.auditJSON, after: after.auditJSON), db)
            return after
        }
    }

    static func override(
        itemID: String, locationID: String, parameter: String, validFrom: Day?, _ db: any SQLDatabase
    ) async throws -> OverrideRecord? {
        try await db.raw(
            """
            SELECT item_id, location_id, parameter, valid_from, valid_to, value, reason, author FROM overrides WHERE item_id = \(bind: itemID) \
            AND location_id = \(bind: locationID) AND parameter = \(bind: parameter) AND valid_from = \(bind: validFrom?.description ?? "")
            """
        ).first().map(overrideRecord(row:))
    }

    static func overrideRecord(row: any SQLRow) throws -> OverrideRecord {
        OverrideRecord(
            itemID: try row.decode(column: "item_id", as: String.self),
            locationID: try row.decode(column: "location_id", as: String.self),
            parameter: try row.decode(column: "parameter", as: String.self),
            value: try row.decode(column: "value", as: Double.self),
            reason: try row.decode(column: "reason", as: String.self), author: try row.decode(column: "author", as: String.self),
            validFrom: Day(iso: try row.decode(column: "valid_from", as: String.self)),
            validTo: Day(iso: try row.decode(column: "valid_to", as: String.self)))
    }
}
