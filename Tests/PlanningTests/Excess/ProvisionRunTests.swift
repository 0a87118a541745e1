import InventoryCore
import InventoryPolicy
import Planning
import ProcuraTestSupport
import Testing

@Suite("Age buckets from settings, no movement, and the provision run's lines and export")
struct ProvisionRunTests {
    /// ``ExcessExposureTests/snapshot()`` (as of 2026-11-30) with `settings` applied.
    static func document(_ change: (inout ExcessSettings) -> Void = { _ in }) async throws -> ExcessDocument {
        var snapshot = ExcessExposureTests.snapshot()
        change(&snapshot.settings.excess)
        return try await ExcessExposure.planned(snapshot: snapshot)
    }

    @Test("configured buckets: 0–365 days at 0 %, 366+ at 80 % — the values and the provision follow them")
    func configuredBuckets() async throws {
        let d = try await Self.document {
            $0.ageBucketMaxDays = [365]
            $0.ageBucketRates = [0, 0.8]
        }
        #expect(d.ageBuckets == ["0–365 days", "366+ days"] && d.ageRates == [0, 0.8])
        // OLD 100 × 3 (2024-01-01) and HEAVY's 600 × 3 (2025-03-01) are older than 365 days;
        // STEADY 200 × 3 and HEAVY's 400 × 3 (October 2026) younger.
        #expect(d.total.agedValueByBucket == [1_800, 2_100])
        let heavy = try #require(d.lines.first { $0.itemId == "HEAVY" })
        // The 600 old units at max(80 %, 50 %) = 80 %; excess beyond them (from the young lot) at 50 %.
        let expected = 600 * 3 * 0.8 + max(0, heavy.excessQty - 600) * 3 * 0.5
        expectClose(heavy.provisionValue, expected, relative: 1e-12, "HEAVY provision")
        let old = try #require(d.lines.first { $0.itemId == "OLD" })
        #expect(old.provisionValue == 300, "obsolete: 100 %")
    }

    @Test("no movement: the latest posting or lot receipt older than no_movement_after_months months")
    func noMovement() async throws {
        let six = try await Self.document()
        #expect(six.noMovementAfterMonths == 6)
        let old = try #require(six.lines.first { $0.itemId == "OLD" })
        #expect(old.noMovement && old.lastMovement == "2024-01-01")
        #expect(six.total.noMovementItemLocations == 1 && six.total.noMovementValue == 300)
        #expect(six.lines.first { $0.itemId == "HEAVY" }?.noMovement == false, "received 2026-10-15")
        // One month before 2026-11-30 is 2026-10-30: STEADY (2026-10-01) and HEAVY (2026-10-15) are still.
        let one = try await Self.document { $0.noMovementAfterMonths = 1 }
        #expect(one.total.noMovementItemLocations == 3 && one.total.noMovementValue == 300 + 600 + 3_000)
        #expect(one.lines.first { $0.itemId == "STEADY" }?.lastMovement == "2026-10-01")
    }

    @Test("lines: each provision to the cent, the change against the previous run, a released provision kept at 0")
    func lines() async throws {
        let d = try await Self.document()
        let previous = [
            ProvisionRun.Line(
                itemID: "OLD", locationID: "DC", category: "", abcClass: "C", basis: "obsolete", grossCents: 30_000,
                provisionCents: 25_000, previousCents: 0),
            ProvisionRun.Line(
                itemID: "GONE", locationID: "DC", category: "", abcClass: "C", basis: "age", grossCents: 1_000,
                provisionCents: 1_000, previousCents: 0),
        ]
        let lines = try ProvisionRun.lines(d, previous: previous)
        #expect(lines.map(\.itemID) == ["GONE", "HEAVY", "OLD"])
        let gone = lines[0]
        #expect(gone.basis == "none" && gone.provisionCents == 0 && gone.changeCents == -1_000)
        let heavy = lines[1]
        let heavyLine = try #require(d.lines.first { $0.itemId == "HEAVY" })
        #expect(heavy.provisionCents == Int64((heavyLine.provisionValue * 100).rounded()) && heavy.previousCents == 0)
        #expect(heavy.basis == "excess")
        let old = lines[2]
        #expect(old.basis == "obsolete" && old.provisionCents == 30_000 && old.changeCents == 5_000)

        let run = ProvisionRun(
            runID: "PR-2026-11", month: "2026-11", state: .approved, asOf: d.asOf, account: "1390", currency: "EUR",
            createdBy: "pia", createdAt: "2026-12-01T08:00:00Z", approvedBy: "fin", approvedAt: "2026-12-01T09:00:00Z",
            previousRunID: "PR-2026-10", version: 1, lines: lines)
        #expect(run.totalCents == heavy.provisionCents + 30_000)
        #expect(run.previousTotalCents == 26_000 && run.changeCents == run.totalCents - 26_000)
        let csv = ProvisionExport.csv(run).split(separator: "\n")
        #expect(csv.count == 4)
        #expect(csv[0] == "month,run_id,account,currency,item_id,location_id,category,class,basis,amount,previous_amount,change")
        #expect(csv[1] == "2026-11,PR-2026-11,1390,EUR,GONE,DC,,C,none,0.00,10.00,-10.00")
        #expect(csv[3] == "2026-11,PR-2026-11,1390,EUR,OLD,DC,(none),\(old.abcClass),obsolete,300.00,250.00,50.00")
        let json = ProvisionExport.json(run)
        #expect(json["total"] == .number(Double(run.totalCents) / 100))
        #expect(json["lines"].array.count == 3)
    }

    @Test("months, amounts: YYYY-MM only; cents half away from zero; text with two decimals")
    func formats() throws {
        #expect(try ProvisionRun.month("2026-11") == "2026-11")
        for bad in ["2026-13", "2026-1", "26-11", "2026-00", "2026/11", "", "２０２６-11"] {
            #expect(throws: PolicyError.self) { try ProvisionRun.month(bad) }
        }
        #expect(throws: PolicyError(code: .invalidInput, message: "month '2026-13' is not a month YYYY-MM (e.g. 2026-11)")) {
            try ProvisionRun.month("2026-13")
        }
        #expect(try ProvisionRun.cents(0.125, field: "x") == 13 && ProvisionRun.cents(-0.125, field: "x") == -13)
        #expect(throws: PolicyError.self) { try ProvisionRun.cents(.infinity, field: "x") }
        #expect(ProvisionRun.amountText(123_456) == "1234.56" && ProvisionRun.amountText(-5) == "-0.05")
        #expect(ProvisionRun.amountText(0) == "0.00" && ProvisionRun.amountText(100) == "1.00")
    }
}
