import InventoryCore
import InventoryPolicy
public import Planning
import SQLKit
public import Workflow

/// Forecast sharing with suppliers (docs/sharing.md): a profile per supplier, published versions,
/// the log of every view by a supplier user, and the supplier's commitments. Planners and admins
/// set profiles and publish (``Workflow/Authorization/Action/shareForecasts``); whoever sees
/// planning data reads everything; a supplier user reads only its own supplier's profile and
/// versions — another supplier's answer as if they did not exist.
extension Store {
    /// The sharing profile of `supplierID`.
    ///
    /// - Throws: ``StorageError/Code/unknownSharing`` when it has none (or the principal is another
    ///   supplier's user).
    public func sharingProfile(supplierID: String, by principal: Authorization.Principal) async throws -> StoredSharingProfile {
        try Self.requireSharingRead(principal, supplierID)
        guard let stored = try await backend.read({ db in try await Self.storedProfile(supplierID, db) }) else {
            throw StorageError(
                .unknownSharing,
                "supplier '\(supplierID.prefix(60))' has no sharing profile — set one with procura sharing profile set")
        }
        return stored
    }

    /// Sets the sharing profile of `supplierID` (version + 1), audited as `sharing_profile.set`
    /// with the profile before and after.
    ///
    /// - Throws: ``StorageError/Code/unknownSupplier``; ``StorageError/Code/invalidSharing`` for a
    ///   field out of its domain or an item or family the supplier does not supply;
    ///   ``Workflow/WorkflowError/Code/notPermitted`` for a role that may not share forecasts.
    public func saveSharingProfile(
        _ profile: SharingProfile, supplierID: String, by principal: Authorization.Principal
    ) async throws -> StoredSharingProfile {
        try Self.requireSharingManage(principal)
        do { try profile.check() } catch { throw StorageError(.invalidSharing, error.message) }
        let now = clock.now().iso8601
        let json = try PlanRecorder.json(profile)
        return try await backend.transaction { db in
            try await Self.requireSupplier(supplierID, db)
            let supplied = try await Self.suppliedItems(supplierID, db)
            let families = Set(supplied.values)
            if let item = profile.items.first(where: { supplied[$0] == nil }) {
                throw StorageError(
                    .invalidSharing, "items: '\(item.prefix(60))' is not an item supplier \(supplierID) supplies")
            }
            if let family = profile.categories.first(where: { !families.contains($0) }) {
                throw StorageError(
                    .invalidSharing,
                    "categories: '\(family.prefix(60))' is not the family of any item supplier \(supplierID) supplies")
            }
            let before = try await Self.storedProfile(supplierID, db)
            if before == nil {
                try await db.raw(
                    """
                    INSERT INTO sharing_profiles (supplier_id, profile, version, updated_at, updated_by) VALUES \
                    (\(bind: supplierID), \(bind: json), 1, \(bind: now), \(bind: principal.userID))
                    """
                ).run()
            } else {
                try await db.raw(
                    """
                    UPDATE sharing_profiles SET profile = \(bind: json), version = version + 1, updated_at = \(bind: now), \
                    updated_by = \(bind: principal.userID) WHERE supplier_id = \(bind: supplierID)
                    """
                ).run()
            }
            guard let stored = try await Self.storedProfile(supplierID, db) else {
                throw StorageError(.database, "the sharing profile of \(supplierID) was not stored")
            }
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "sharing_profile.set", subject: "sharing_profile:\(supplierID)",
                    detail: "version \(stored.version)", before: try before.map { try PlanRecorder.json($0.profile) } ?? "",
                    after: json), db)
            return stored
        }
    }

    /// Publishes the latest plan run's forecasts of the item-locations `supplierID` supplies
    /// through its profile (``Planning/SharedForecast/build(_:profile:seed:)``) as its next version,
    /// audited as `sharing.publish`.
    ///
    /// - Throws: ``StorageError/Code/unknownSharing`` without a profile; ``StorageError/Code/invalidSharing``
    ///   without a plan run or when the profile selects no forecast; ``Workflow/WorkflowError/Code/notPermitted``.
    public func publishSharedForecast(supplierID: String, by principal: Authorization.Principal) async throws
        -> SharedVersionRecord
    {
        try Self.requireSharingManage(principal)
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            try await Self.requireSupplier(supplierID, db)
            guard let stored = try await Self.storedProfile(supplierID, db) else {
                throw StorageError(
                    .unknownSharing,
                    "supplier '\(supplierID.prefix(60))' has no sharing profile — set one with procura sharing profile set")
            }
            let profile = stored.profile
            let newest = try await db.raw("SELECT MAX(run_number) AS n FROM plan_runs").first()
            guard let run = try newest?.decode(column: "n", as: Int?.self) else {
                throw StorageError(.invalidSharing, "there is no plan run to share — run a plan first (procura plan)")
            }
            let supplied = try await Self.suppliedItems(supplierID, db)
            let pairs = Set(
                try await db.raw("SELECT item_id, location_id FROM sourcing WHERE supplier_id = \(bind: supplierID)").all().map {
                    (try $0.decode(column: "item_id", as: String.self)) + "\u{1F}"
                        + (try $0.decode(column: "location_id", as: String.self))
                })
            let everything = profile.items.isEmpty && profile.categories.isEmpty
            let items = Set(profile.items)
            let families = Set(profile.categories)
            var inputs: [SharedForecast.Input] = []
            let rows = try await db.raw(
                """
                SELECT p.item_id, p.location_id, p.payload FROM plan_results p JOIN plan_runs r ON r.run_id = p.run_id \
                JOIN sourcing s ON s.item_id = p.item_id AND s.location_id = p.location_id \
                WHERE r.run_number = \(bind: run) AND p.kind = 'forecast' AND s.supplier_id = \(bind: supplierID) \
                ORDER BY p.item_id, p.location_id
                """
            ).all()
            var seen: Set<String> = []
            for row in rows {
                let item = try row.decode(column: "item_id", as: String.self)
                let location = try row.decode(column: "location_id", as: String.self)
                let key = item + "\u{1F}" + location
                guard pairs.contains(key), seen.insert(key).inserted, let family = supplied[item] else { continue }
                guard everything || items.contains(item) || families.contains(family) else { continue }
                let payload = try PlanRecorder.decode(
                    ForecastPayload.self, from: try row.decode(column: "payload", as: String.self))
                guard let start = Day(iso: payload.start), let size = BucketSize(rawValue: payload.bucket) else { continue }
                inputs.append(
                    SharedForecast.Input(
                        itemID: item, family: family, locationID: location, start: start, bucketSize: size,
                        values: payload.values))
            }
            guard !inputs.isEmpty else {
                throw StorageError(
                    .invalidSharing,
                    "the profile of \(supplierID) selects no forecast of plan run \(run) — check its items and categories")
            }
            let version =
                (try await db.raw("SELECT MAX(version) AS v FROM shared_versions WHERE supplier_id = \(bind: supplierID)")
                    .first()?.decode(column: "v", as: Int?.self) ?? 0) + 1
            let seed = SharedForecast.seed(supplierID: supplierID, version: version)
            let forecast = SharedForecast.build(inputs, profile: profile, seed: seed)
            try await db.raw(
                """
                INSERT INTO shared_versions (supplier_id, version, published_at, published_by, plan_run, profile, payload, seed) \
                VALUES (\(bind: supplierID), \(bind: version), \(bind: now), \(bind: principal.userID), \(bind: run), \
                \(bind: try PlanRecorder.json(profile)), \(bind: try PlanRecorder.json(forecast)), \(bind: String(seed)))
                """
            ).run()
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "sharing.publish", subject: "shared_version:\(supplierID)/\(version)",
                    detail:
                        "plan run \(run), \(forecast.lines.count) line(s), \(profile.bucket.rawValue)/\(profile.aggregation.rawValue)"
                ),
                db)
            return SharedVersionRecord(
                supplierId: supplierID, version: version, publishedAt: now, publishedBy: principal.userID, planRun: run,
                profile: profile, lineCount: forecast.lines.count, forecast: forecast)
        }
    }

    /// The published versions of `supplierID`, newest first, without their payloads.
    public func sharedVersions(supplierID: String, by principal: Authorization.Principal) async throws -> [SharedVersionRecord] {
        try Self.requireSharingRead(principal, supplierID)
        return try await backend.read { db in
            try await db.raw(
                """
                SELECT supplier_id, version, published_at, published_by, plan_run, profile, payload FROM shared_versions \
                WHERE supplier_id = \(bind: supplierID) ORDER BY version DESC
                """
            ).all().map { try Self.versionRecord($0, withForecast: false) }
        }
    }

    /// One published version with its payload. A view by a supplier user is logged (who, when,
    /// version, `format`) in the same transaction.
    ///
    /// - Throws: ``StorageError/Code/unknownSharing`` for a version that does not exist (or is
    ///   another supplier's).
    public func sharedVersion(
        supplierID: String, version: Int, format: String, by principal: Authorization.Principal
    ) async throws -> SharedVersionRecord {
        try Self.requireSharingRead(principal, supplierID)
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            let record = try await Self.version(supplierID, version, db)
            if principal.role.isSupplierScoped {
                try await db.raw(
                    """
                    INSERT INTO shared_version_views (supplier_id, version, user_id, viewed_at, format) VALUES \
                    (\(bind: supplierID), \(bind: version), \(bind: principal.userID), \(bind: now), \(bind: format))
                    """
                ).run()
            }
            return record
        }
    }

    /// Views and downloads of published versions by supplier users, newest first (at most
    /// `limit`); `supplierID` nil: every supplier's. For those who see planning data.
    public func sharedVersionViews(
        supplierID: String?, limit: Int = 1000, by principal: Authorization.Principal
    ) async throws -> [SharedVersionView] {
        guard Authorization.permits(principal, .viewPlanning) else {
            throw WorkflowError(
                .notPermitted, "\(principal.userID) (role \(principal.role.rawValue)) may not read the sharing view log")
        }
        return try await backend.read { db in
            var query: SQLQueryString = "SELECT supplier_id, version, user_id, viewed_at, format FROM shared_version_views"
            if let supplierID { query += " WHERE supplier_id = \(bind: supplierID)" }
            query += " ORDER BY view_id DESC LIMIT \(bind: limit)"
            return try await db.raw(query).all().map { row in
                SharedVersionView(
                    supplierId: try row.decode(column: "supplier_id", as: String.self),
                    version: try row.decode(column: "version", as: Int.self),
                    userId: try row.decode(column: "user_id", as: String.self),
                    viewedAt: try row.decode(column: "viewed_at", as: String.self),
                    format: try row.decode(column: "format", as: String.self))
            }
        }
    }

    /// Every supplier with a profile or a published version: profile version, newest version, views.
    public func sharingOverview(by principal: Authorization.Principal) async throws -> [SharingOverviewRow] {
        guard Authorization.permits(principal, .viewPlanning) else {
            throw WorkflowError(
                .notPermitted, "\(principal.userID) (role \(principal.role.rawValue)) may not see every supplier's sharing")
        }
        return try await backend.read { db in
            try await db.raw(
                """
                SELECT s.supplier_id, \
                (SELECT version FROM sharing_profiles p WHERE p.supplier_id = s.supplier_id) AS profile_version, \
                (SELECT MAX(version) FROM shared_versions v WHERE v.supplier_id = s.supplier_id) AS latest_version, \
                (SELECT MAX(published_at) FROM shared_versions v WHERE v.supplier_id = s.supplier_id) AS latest_at, \
                (SELECT COUNT(*) FROM shared_version_views w WHERE w.supplier_id = s.supplier_id) AS views \
                FROM (SELECT supplier_id FROM sharing_profiles UNION SELECT supplier_id FROM shared_versions) s \
                ORDER BY s.supplier_id
                """
            ).all().map { row in
                SharingOverviewRow(
                    supplierId: try row.decode(column: "supplier_id", as: String.self),
                    profileVersion: try row.decode(column: "profile_version", as: Int?.self),
                    latestVersion: try row.decode(column: "latest_version", as: Int?.self),
                    latestPublishedAt: try row.decode(column: "latest_at", as: String?.self),
                    views: try row.decode(column: "views", as: Int.self))
            }
        }
    }

    /// Enters the supplier's commitments against version `version` (replacing any it entered
    /// before), audited as `sharing.commit`; idempotent by `key` (the same request again answers
    /// as now; another request under the key is refused).
    ///
    /// - Throws: ``Workflow/WorkflowError/Code/notPermitted`` for anyone but the supplier's own
    ///   users; ``StorageError/Code/unknownSharing``; ``StorageError/Code/invalidSharing`` for a
    ///   version shared as an indication or a line, quantity or comment out of its domain;
    ///   ``StorageError/Code/idempotencyConflict``. Nothing is stored then.
    public func submitCommitments(
        _ commitments: [Commitment], supplierID: String, version: Int, by principal: Authorization.Principal,
        key: String? = nil
    ) async throws -> SharedVersionComparison {
        try Self.requireSharingRead(principal, supplierID)
        guard Authorization.permits(principal, .commitToForecast(supplierID: supplierID)) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not commit for supplier \(supplierID) — only its own users enter commitments"
            )
        }
        let now = clock.now().iso8601
        var fields = ["sharing.commit", supplierID, String(version)]
        for c in commitments { fields += [String(c.line), JSONValue.text(of: c.quantity), c.comment] }
        let fingerprint = fields.joined(separator: "\u{1F}")
        return try await backend.transaction { db in
            let record = try await Self.version(supplierID, version, db)
            guard let forecast = record.forecast else { throw StorageError(.database, "version \(version) has no payload") }
            if let key, try await PurchaseOrderRows.claim(key: key, fingerprint: fingerprint, at: now, db) != nil {
                return try await Self.comparison(record, forecast, db)
            }
            guard record.profile.quantities == .committed else {
                throw StorageError(
                    .invalidSharing,
                    "version \(version) of \(supplierID) is shared as an indication — commitments are taken only against versions shared as committed"
                )
            }
            do { try CommitmentComparison.check(commitments, against: forecast) } catch let error as PolicyError {
                throw StorageError(.invalidSharing, error.message)
            }
            try await db.raw(
                "DELETE FROM shared_commitments WHERE supplier_id = \(bind: supplierID) AND version = \(bind: version)"
            ).run()
            for c in commitments {
                try await db.raw(
                    """
                    INSERT INTO shared_commitments (supplier_id, version, line, quantity, comment, entered_at, entered_by) VALUES \
                    (\(bind: supplierID), \(bind: version), \(bind: c.line), \(bind: c.quantity), \(bind: c.comment), \
                    \(bind: now), \(bind: principal.userID))
                    """
                ).run()
            }
            if let key { try await PurchaseOrderRows.finish(key: key, ids: ["\(supplierID)/\(version)"], db) }
            try await Self.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "sharing.commit", subject: "shared_version:\(supplierID)/\(version)",
                    detail: "\(commitments.count) line(s) committed"), db)
            return try await Self.comparison(record, forecast, db)
        }
    }

    /// Shared against committed for one version (``Planning/CommitmentComparison``).
    public func commitmentComparison(
        supplierID: String, version: Int, by principal: Authorization.Principal
    ) async throws -> SharedVersionComparison {
        try Self.requireSharingRead(principal, supplierID)
        return try await backend.read { db in
            let record = try await Self.version(supplierID, version, db)
            guard let forecast = record.forecast else { throw StorageError(.database, "version \(version) has no payload") }
            return try await Self.comparison(record, forecast, db)
        }
    }

    // MARK: Rows

    static func comparison(_ record: SharedVersionRecord, _ forecast: SharedForecast, _ db: any SQLDatabase) async throws
        -> SharedVersionComparison
    {
        let rows = try await db.raw(
            """
            SELECT line, quantity, comment, entered_at, entered_by FROM shared_commitments \
            WHERE supplier_id = \(bind: record.supplierId) AND version = \(bind: record.version) ORDER BY line
            """
        ).all()
        let commitments = try rows.map {
            Commitment(
                line: try $0.decode(column: "line", as: Int.self), quantity: try $0.decode(column: "quantity", as: Double.self),
                comment: try $0.decode(column: "comment", as: String.self))
        }
        return SharedVersionComparison(
            supplierId: record.supplierId, version: record.version, quantities: record.profile.quantities.rawValue,
            committedAt: try rows.first?.decode(column: "entered_at", as: String.self),
            committedBy: try rows.first?.decode(column: "entered_by", as: String.self),
            comparison: CommitmentComparison.compare(forecast, commitments: commitments))
    }

    static func version(_ supplierID: String, _ version: Int, _ db: any SQLDatabase) async throws -> SharedVersionRecord {
        guard
            let row = try await db.raw(
                """
                SELECT supplier_id, version, published_at, published_by, plan_run, profile, payload FROM shared_versions \
                WHERE supplier_id = \(bind: supplierID) AND version = \(bind: version)
                """
            ).first()
        else {
            throw StorageError(
                .unknownSharing, "supplier '\(supplierID.prefix(60))' has no published version \(version) of a shared forecast")
        }
        return try versionRecord(row, withForecast: true)
    }

    static func versionRecord(_ row: any SQLRow, withForecast: Bool) throws -> SharedVersionRecord {
        let forecast = try PlanRecorder.decode(SharedForecast.self, from: try row.decode(column: "payload", as: String.self))
        return SharedVersionRecord(
            supplierId: try row.decode(column: "supplier_id", as: String.self),
            version: try row.decode(column: "version", as: Int.self),
            publishedAt: try row.decode(column: "published_at", as: String.self),
            publishedBy: try row.decode(column: "published_by", as: String.self),
            planRun: try row.decode(column: "plan_run", as: Int.self),
            profile: try PlanRecorder.decode(SharingProfile.self, from: try row.decode(column: "profile", as: String.self)),
            lineCount: forecast.lines.count, forecast: withForecast ? forecast : nil)
    }

    static func storedProfile(_ supplierID: String, _ db: any SQLDatabase) async throws -> StoredSharingProfile? {
        try await db.raw(
            """
            SELECT supplier_id, profile, version, updated_at, updated_by FROM sharing_profiles \
            WHERE supplier_id = \(bind: supplierID)
            """
        ).first().map { row in
            StoredSharingProfile(
                supplierId: try row.decode(column: "supplier_id", as: String.self),
                profile: try PlanRecorder.decode(SharingProfile.self, from: try row.decode(column: "profile", as: String.self)),
                version: try row.decode(column: "version", as: Int.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self),
                updatedBy: try row.decode(column: "updated_by", as: String.self))
        }
    }

    /// The items `supplierID` has a sourcing rule for, with their family (category).
    static func suppliedItems(_ supplierID: String, _ db: any SQLDatabase) async throws -> [String: String] {
        var families: [String: String] = [:]
        for row in try await db.raw(
            """
            SELECT DISTINCT i.item_id, i.category FROM sourcing s JOIN items i ON i.item_id = s.item_id \
            WHERE s.supplier_id = \(bind: supplierID)
            """
        ).all() {
            families[try row.decode(column: "item_id", as: String.self)] = try row.decode(column: "category", as: String.self)
        }
        return families
    }

    static func requireSupplier(_ supplierID: String, _ db: any SQLDatabase) async throws {
        guard try await db.raw("SELECT supplier_id FROM suppliers WHERE supplier_id = \(bind: supplierID)").first() != nil else {
            throw StorageError(.unknownSupplier, "supplier '\(supplierID.prefix(60))' is not in the database")
        }
    }

    /// Readers: whoever sees planning data, and the supplier's own users; another supplier's user
    /// is told there is nothing (as if it did not exist).
    static func requireSharingRead(_ principal: Authorization.Principal, _ supplierID: String) throws {
        guard Authorization.permits(principal, .viewSupply(supplierID: supplierID)) else {
            if principal.role.isSupplierScoped {
                throw StorageError(
                    .unknownSharing, "supplier '\(supplierID.prefix(60))' has no published version of a shared forecast")
            }
            throw WorkflowError(
                .notPermitted, "\(principal.userID) (role \(principal.role.rawValue)) may not see shared forecasts")
        }
    }

    static func requireSharingManage(_ principal: Authorization.Principal) throws(WorkflowError) {
        guard Authorization.permits(principal, .shareForecasts) else {
            throw WorkflowError(
                .notPermitted,
                "\(principal.userID) (role \(principal.role.rawValue)) may not set sharing profiles or publish forecasts — planners and admins may"
            )
        }
    }
}
