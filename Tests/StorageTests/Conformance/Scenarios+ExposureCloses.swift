import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import SQLKit
import Testing
import Workflow

@testable import Storage

/// Issue 16 item 7 on both databases: month-end closes of the exposure report — stored whole and
/// read back as computed, closed once, finance or admin only, audited; a past month is its close or
/// refused naming the closed months; the valuation month compared with the last close.
extension StorageScenario {
    static let exposureCloses: [StorageScenario] = [
        StorageScenario(
            name:
                "an exposure close: stored whole and read back as computed, closed once by finance or admin, audited; a past month without a close refused naming the closed months"
        ) { store in
            _ = try await store.importSnapshot(provisionSnapshot())
            let fin = Authorization.Principal(userID: "fin", role: .finance)
            let pia = Authorization.Principal(userID: "pia", role: .planner)
            let computed = try await store.exposureReport(month: nil)
            let month = computed.month
            #expect(computed.source == "computed" && computed.closedAt == nil && computed.lines.map(\.itemId) == ["OLD"])
            #expect(computed.total.exposureValue == 300, "OLD's 100 units at 3")
            await #expect {
                _ = try await store.exposureReport(month: "2001-01")
            } throws: {
                ($0 as? PolicyError)?.message
                    == "month 2001-01 was not closed — the report is computed only for the valuation month \(month) (stock as of \(computed.asOf)); closed months: none (finance closes a month with procura exposure close)"
            }

            do {
                _ = try await store.closeExposure(month: month, by: pia)
                Issue.record("a planner closed a month")
            } catch let error as WorkflowError {
                #expect(error.code == .notPermitted)
                #expect(error.message == "pia (planner) may not close the exposure report of \(month) — finance or admin may")
            }
            await #expect {
                _ = try await store.closeExposure(month: "2001-01", by: fin)
            } throws: {
                ($0 as? PolicyError)?.message
                    == "month 2001-01 — only the valuation month \(month) (stock as of \(computed.asOf)) can be closed: a close stores the report as computed now"
            }
            #expect(try await store.exposureCloses().isEmpty, "nothing stored")

            let closed = try await store.closeExposure(month: month, by: fin)
            #expect(closed.source == "closed" && closed.closedBy == "fin")
            let closedAt = try #require(closed.closedAt)
            // The whole report as computed at the close, to the cent (here: exactly).
            var unmarked = closed
            unmarked.source = "computed"
            unmarked.closedAt = nil
            unmarked.closedBy = nil
            #expect(unmarked == computed, "totals, groups, lines, causes and trend as computed")
            let stored = try #require(try await store.exposureClose(month: month))
            #expect(stored == closed, "read back as stored")
            #expect(try await store.exposureReport(month: month) == closed, "the closed month is its close")
            let list = try await store.exposureCloses()
            #expect(list == [ExposureClose(closed)])
            #expect(list.first?.closedAt == closedAt && list.first?.exposureValue == 300 && list.first?.itemLocations == 1)

            // Closed once.
            do {
                _ = try await store.closeExposure(month: month, by: Authorization.Principal(userID: "root", role: .admin))
                Issue.record("a month was closed twice")
            } catch let error as WorkflowError {
                #expect(error.code == .invalidTransition)
                #expect(
                    error.message
                        == "the exposure report of \(month) was closed by fin at \(closedAt) and is final — a month is closed once"
                )
            }
            #expect(try await store.exposureClose(month: month) == closed, "the close unchanged")
            await #expect {
                _ = try await store.exposureReport(month: "2001-01")
            } throws: {
                ($0 as? PolicyError)?.message
                    == "month 2001-01 was not closed — the report is computed only for the valuation month \(month) (stock as of \(computed.asOf)); closed months: \(month)"
            }
            // The valuation month without month: computed now, the close in its trend.
            let now = try await store.exposureReport(month: nil)
            #expect(now.source == "computed" && now.sinceClose == nil, "no close before the month")
            #expect(now.trend.first { $0.month == month }?.closedExposureValue == 300)

            let audit = try await store.auditLog(actionPrefix: "exposure.")
            #expect(audit.count == 1)
            #expect(audit.first?.actor == "fin" && audit.first?.subject == "exposure_close:\(month)")
            #expect(audit.first?.detail == "closed: 1 item-locations, exposure 300.00 \(computed.currency), new this month 0.00")
        },
        StorageScenario(
            name: "an exposure close compares with the last close before its month: new since that close per item-location"
        ) { store in
            _ = try await store.importSnapshot(provisionSnapshot())
            let computed = try await store.exposureReport(month: nil)
            // A close of the month before, by hand: OLD at 120 then (now 300).
            let (y, m) = (Int(computed.month.prefix(4)) ?? 0, Int(computed.month.suffix(2)) ?? 0)
            let before = m == 1 ? "\(y - 1)-12" : "\(y)-\(m <= 10 ? "0" : "")\(m - 1)"
            let months = [before, computed.month]
            var earlier = computed
            earlier.month = months[0]
            earlier.lines[0].exposureValue = 120
            earlier.total.exposureValue = 120
            let stored = earlier.closed(at: "2026-01-01T00:00:00Z", by: "fay")
            try await store.backend.transaction { db in try await ExposureCloseRows.insert(stored, db) }

            let closed = try await store.closeExposure(month: computed.month, by: .init(userID: "fin", role: .finance))
            let since = try #require(closed.sinceClose)
            #expect(since.month == months[0] && since.closedAt == "2026-01-01T00:00:00Z" && since.exposureAtCloseValue == 120)
            #expect(since.newSinceCloseValue == 180 && since.releasedSinceCloseValue == 0 && since.itemLocationsIncreased == 1)
            #expect(closed.lines[0].exposureAtCloseValue == 120 && closed.lines[0].newSinceCloseValue == 180)
            #expect(closed.trend.first { $0.month == months[0] }?.closedExposureValue == 120)
            #expect(try await store.exposureClose(month: computed.month) == closed, "the comparison is stored with the close")
            #expect(try await store.exposureCloses().map(\.month) == [computed.month, months[0]], "latest month first")
        },
    ]
}
