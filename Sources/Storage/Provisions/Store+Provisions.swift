public import InventoryCore
public import Planning
import SQLKit
public import Workflow

extension Store {
    /// Computes the write-down provision of `month` on the database's data and stores it as the
    /// month's draft run (docs/excess.md, "Monthly provision run"): ``Planning/ExcessExposure`` on
    /// the stored data with the stored settings, every provision rounded to the cent
    /// (``Planning/ProvisionRun/lines(_:previous:)``), the change measured against the last
    /// approved run of an earlier month. A draft of the same month is replaced (its `version`
    /// raised); an approved month is final and refused, and so is a month before the latest
    /// approved one. One `provision.run` audit entry.
    ///
    /// `computed`: the excess document of the stored data when the caller holds it already (the web
    /// application's memo of `GET /api/v1/excess`, read on the data the server's plan view holds);
    /// `nil` reads the data and computes it.
    ///
    /// - Throws: ``Workflow/WorkflowError`` (`not_permitted` for a role that may not run it,
    ///   `invalid_transition` for an approved or earlier month); ``InventoryPolicy/PolicyError`` for a
    ///   month not written `YYYY-MM` or data the calculation refuses.
    public func runProvisions(
        month text: String, computed: ExcessDocument? = nil, by principal: Authorization.Principal,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> ProvisionRun {
        try ProvisionRules.checkRun(by: principal)
        let month = try ProvisionRun.month(text)
        let settings = try await planningSettings()
        let document: ExcessDocument
        if let computed {
            document = computed
        } else {
            document = try await ExcessExposure.planned(snapshot: try await loadSnapshot(settings: settings), progress: progress)
        }
        let now = clock.now().iso8601
        let runID = ProvisionRun.runID(month: month)
        let user = principal.userID
        return try await backend.transaction { db in
            let existing = try await ProvisionRows.load(runID, lines: false, db)
            if let existing, existing.state == .approved {
                throw WorkflowError(
                    .invalidTransition,
                    "provision run \(runID) was approved by \(existing.approvedBy) at \(existing.approvedAt) and is final — an approved month is not run again"
                )
            }
            let latestApproved = try await ProvisionRows.latestApproved(before: nil, db)
            if let latestApproved, latestApproved.month > month {
                throw WorkflowError(
                    .invalidTransition,
                    "\(month) is before the latest approved month \(latestApproved.month) (\(latestApproved.runID)) — run \(latestApproved.month) or a later month"
                )
            }
            let previous = try await ProvisionRows.latestApproved(before: month, db)
            var previousLines: [ProvisionRun.Line] = []
            if let previous { previousLines = try await ProvisionRows.lines(previous.runID, db) }
            let run = ProvisionRun(
                runID: runID, month: month, state: .draft, asOf: document.asOf, account: settings.excess.provisionAccount,
                currency: settings.currency, createdBy: user, createdAt: now, previousRunID: previous?.runID,
                version: (existing?.version ?? 0) + 1, lines: try ProvisionRun.lines(document, previous: previousLines))
            if existing != nil {
                try await db.raw("DELETE FROM provision_lines WHERE run_id = \(bind: runID)").run()
                try await db.raw("DELETE FROM provision_runs WHERE run_id = \(bind: runID) AND state = 'draft'").run()
            }
            try await ProvisionRows.insert(run, db)
            try await Store.writeAudit(
                at: now,
                AuditEntry(
                    actor: user, action: "provision.run", subject: "provision_run:\(runID)",
                    detail:
                        "\(existing == nil ? "draft" : "draft replaced (version \(run.version))"): \(run.lines.count) item-locations, provision \(ProvisionRun.amountText(run.totalCents)), change \(ProvisionRun.amountText(run.changeCents))",
                    before: existing.map { ProvisionExport.summary($0).compact } ?? "",
                    after: ProvisionExport.summary(run).compact), db)
            return run
        }
    }

    /// Approves the draft run `runID`: it becomes final and immutable. Finance only, never the
    /// person who ran it (``Workflow/ProvisionRules``); the draft must still be the one read
    /// (`version`) and its previous approved run still the latest before its month, else it is
    /// refused (re-run the month). One `provision.approve` audit entry.
    ///
    /// - Throws: ``StorageError/Code/unknownProvisionRun``; ``Workflow/WorkflowError``
    ///   (`not_permitted`, `segregation_of_duties`, `invalid_transition`);
    ///   ``StorageError/Code/concurrentChange`` when the draft was re-run meanwhile.
    public func approveProvisionRun(_ runID: String, by principal: Authorization.Principal) async throws -> ProvisionRun {
        let now = clock.now().iso8601
        return try await backend.transaction { db in
            guard var run = try await ProvisionRows.load(runID, lines: true, db) else {
                throw StorageError(.unknownProvisionRun, "no provision run '\(runID)' — procura provisions list shows the runs")
            }
            guard run.state == .draft else {
                throw WorkflowError(
                    .invalidTransition,
                    "provision run \(runID) was already approved by \(run.approvedBy) at \(run.approvedAt) — it is final")
            }
            try ProvisionRules.checkApprove(runID: runID, createdBy: run.createdBy, by: principal)
            let previous = try await ProvisionRows.latestApproved(before: run.month, db)
            guard previous?.runID == run.previousRunID else {
                throw WorkflowError(
                    .invalidTransition,
                    "provision run \(runID) compares with \(run.previousRunID ?? "no run"), but the latest approved run before \(run.month) is now \(previous?.runID ?? "none") — run \(run.month) again, then approve"
                )
            }
            let changed = try await db.raw(
                """
                UPDATE provision_runs SET state = 'approved', approved_by = \(bind: principal.userID), \
                approved_at = \(bind: now) WHERE run_id = \(bind: runID) AND state = 'draft' \
                AND version = \(bind: Int64(run.version)) RETURNING run_id
                """
            ).all()
            guard changed.count == 1 else {
                throw StorageError(
                    .concurrentChange,
                    "provision run \(runID) was run again while you approved it — nothing was approved; look at it again")
            }
            let before = ProvisionExport.summary(run).compact
            run.state = .approved
            run.approvedBy = principal.userID
            run.approvedAt = now
            try await Store.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "provision.approve", subject: "provision_run:\(runID)",
                    detail:
                        "draft → approved: \(run.lines.count) item-locations, provision \(ProvisionRun.amountText(run.totalCents))",
                    before: before, after: ProvisionExport.summary(run).compact), db)
            return run
        }
    }

    /// The run `runID` with its lines.
    ///
    /// - Throws: ``StorageError/Code/unknownProvisionRun``.
    public func provisionRun(_ runID: String) async throws -> ProvisionRun {
        let run = try await backend.read { db in try await ProvisionRows.load(runID, lines: true, db) }
        guard let run else {
            throw StorageError(.unknownProvisionRun, "no provision run '\(runID)' — procura provisions list shows the runs")
        }
        return run
    }

    /// Every run without its lines (``ProvisionRun/lines`` empty; totals in
    /// ``ProvisionRunSummary``), the latest month first.
    public func provisionRuns() async throws -> [ProvisionRunSummary] {
        try await backend.read { db in try await ProvisionRows.summaries(db) }
    }
}

/// A provision run as listed: the run without lines and its totals in cents.
public struct ProvisionRunSummary: Sendable, Hashable {
    /// The run (``ProvisionRun/lines`` empty).
    public var run: ProvisionRun
    /// Σ provision, in cents.
    public var totalCents: Int64
    /// Σ previous provision, in cents.
    public var previousTotalCents: Int64
    /// Item-locations.
    public var lineCount: Int
}
