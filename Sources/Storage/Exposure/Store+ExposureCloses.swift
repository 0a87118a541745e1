public import InventoryCore
import InventoryPolicy
public import Planning
import SQLKit
public import Workflow

extension Store {
    /// Closes `month`'s exposure report (docs/excess.md, "Month-end closes"): computes the report of
    /// the valuation month as ``exposureReport(month:snapshot:computed:progress:)`` does (with the closes
    /// before it beside it), marks it closed by `principal` now and stores all of it — totals,
    /// groups, lines, causes, trend — immutably. Finance or admin only (``Workflow/ExposureCloseRules``);
    /// only the valuation month can be closed, and a month only once. One `exposure.close` audit entry.
    ///
    /// `snapshot`: the database's data as already read (the web application's view); `nil` reads it.
    /// `computed`: the valuation month's report as ``exposureReport(month:snapshot:computed:progress:)``
    /// computed it (the web application's memo); `nil` computes it.
    ///
    /// - Throws: ``Workflow/WorkflowError`` (`not_permitted` for another role, `invalid_transition`
    ///   for a month already closed); ``InventoryPolicy/PolicyError`` for a month not written
    ///   `YYYY-MM`, not the valuation month, or data the calculation refuses.
    public func closeExposure(
        month: String, by principal: Authorization.Principal, snapshot: Snapshot? = nil, computed: ExposureReport? = nil,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> ExposureReport {
        try ExposureCloseRules.checkClose(month: month, by: principal)
        try ExposureReport.checkMonth(month)
        if let existing = try await exposureCloses().first(where: { $0.month == month }) {
            throw Self.alreadyClosed(existing)
        }
        let base: ExposureReport
        if let computed, computed.source == ExposureReport.computedSource {
            base = computed
        } else {
            base = try await computedExposure(snapshot: snapshot, progress: progress)
        }
        guard base.month == month else {
            throw PolicyError(
                code: .invalidInput,
                message:
                    "month \(month) — only the valuation month \(base.month) (stock as of \(base.asOf)) can be closed: a close stores the report as computed now"
            )
        }
        let now = clock.now().iso8601
        let withCloses = try await compared(base, closes: try await exposureCloses())
        let report = withCloses.closed(at: now, by: principal.userID)
        let close = ExposureClose(report)
        let exposure = ProvisionRun.amountText(try ProvisionRun.cents(close.exposureValue, field: "exposure"))
        let new = ProvisionRun.amountText(try ProvisionRun.cents(close.newExposureValue, field: "new exposure"))
        let detail =
            "closed: \(close.itemLocations) item-locations, exposure \(exposure) \(close.currency), new this month \(new)"
        let after = try JSONValueEncoder().encode(close).minified
        return try await backend.transaction { db in
            if let existing = try await ExposureCloseRows.all(db).first(where: { $0.month == month }) {
                throw Self.alreadyClosed(existing)
            }
            try await ExposureCloseRows.insert(report, db)
            try await Store.writeAudit(
                at: now,
                AuditEntry(
                    actor: principal.userID, action: "exposure.close", subject: "exposure_close:\(month)", detail: detail,
                    before: "", after: after), db)
            return report
        }
    }

    /// The refusal of closing `existing`'s month again.
    static func alreadyClosed(_ existing: ExposureClose) -> WorkflowError {
        WorkflowError(
            .invalidTransition,
            "the exposure report of \(existing.month) was closed by \(existing.closedBy) at \(existing.closedAt) and is final — a month is closed once"
        )
    }

    /// Every stored close without its report, the latest month first.
    public func exposureCloses() async throws -> [ExposureClose] {
        try await backend.read { db in try await ExposureCloseRows.all(db) }
    }

    /// The stored report of `month`'s close, as closed; `nil` when the month was not closed.
    public func exposureClose(month: String) async throws -> ExposureReport? {
        try await backend.read { db in try await ExposureCloseRows.report(month, db) }
    }
}
