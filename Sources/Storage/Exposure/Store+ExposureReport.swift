public import InventoryCore
public import InventoryPolicy
public import Planning

extension Store {
    /// The monthly excess exposure report of the database's data — `procura exposure --database`,
    /// `GET /api/v1/excess/exposure` and the page (docs/excess.md, "Monthly exposure report" and
    /// "Month-end closes"):
    ///
    /// - a `month` that was closed: its stored close, as closed (``Planning/ExposureReport/source``
    ///   `closed`, with who and when);
    /// - otherwise the report computed now (``Planning/ExposureReport/planned(snapshot:month:orders:progress:)``,
    ///   the stored purchase orders — ``orderLineFacts()`` — as the buyers' decisions) for the
    ///   valuation month, with the stored closes beside it
    ///   (``Planning/ExposureReport/comparing(closes:previous:)``); any other month is refused,
    ///   naming the closed months.
    ///
    /// `snapshot`: the database's data as already read (the web application's view); `nil` reads it.
    /// `computed`: the valuation month's report as already computed by this function (the web
    /// application's memo of `month: nil`); `nil` computes it when needed.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` for a bad month, a past month without a close or data
    ///   the excess calculation refuses.
    public func exposureReport(
        month: String?, snapshot: Snapshot? = nil, computed: ExposureReport? = nil,
        progress: any ProgressReporter = SilentProgress()
    ) async throws -> ExposureReport {
        if let month { try ExposureReport.checkMonth(month) }
        let closes = try await exposureCloses()
        if let month, closes.contains(where: { $0.month == month }), let stored = try await exposureClose(month: month) {
            return stored
        }
        var report: ExposureReport
        if let computed {
            report = computed
        } else {
            report = try await computedExposure(snapshot: snapshot, progress: progress)
        }
        if let month, month != report.month {
            let closed = closes.map(\.month)
            throw PolicyError(
                code: .invalidInput,
                message:
                    "month \(month) was not closed — the report is computed only for the valuation month \(report.month) (stock as of \(report.asOf)); closed months: \(closed.isEmpty ? "none (finance closes a month with procura exposure close)" : closed.joined(separator: ", "))"
            )
        }
        report = try await compared(report, closes: closes)
        return report
    }

    /// The report of the valuation month computed now, without closes.
    func computedExposure(snapshot: Snapshot?, progress: any ProgressReporter) async throws -> ExposureReport {
        let data: Snapshot
        if let snapshot {
            data = snapshot
        } else {
            data = try await loadSnapshot(settings: try await planningSettings())
        }
        let orders = try await orderLineFacts()
        return try await ExposureReport.planned(snapshot: data, month: nil, orders: orders, progress: progress)
    }

    /// `report` beside `closes`, compared with the last close of a month before its own.
    func compared(_ report: ExposureReport, closes: [ExposureClose]) async throws -> ExposureReport {
        var previous: ExposureReport?
        if let month = closes.map(\.month).filter({ $0 < report.month }).max() {
            previous = try await exposureClose(month: month)
        }
        return report.comparing(closes: closes, previous: previous)
    }
}
