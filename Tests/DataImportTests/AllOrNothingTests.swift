import DataImport
import Testing

@Suite("All or nothing, and the error limit")
struct AllOrNothingTests {
    @Test("an error in the last file read means no snapshot, and earlier warnings come along")
    func lateError() throws {
        let failure = try ImportTestFolder.failure(
            ImportTestFolder.minimal.merging([
                "items.csv": "item_id,unit_cost,colour\nA,2,red\nB,3,blue\n",
                "overrides.csv": "item_id,location_id,parameter,value,reason\nA,L1,min,3,\n",
            ]) { $1 })
        #expect(failure.errors.map(\.description) == ["overrides.csv:2:5: reason '' — expected a reason for the override"])
        #expect(failure.warnings.map(\.description) == ["items.csv:1:3: unknown column 'colour' ignored"])
        #expect(
            failure.description == """
                overrides.csv:2:5: reason '' — expected a reason for the override
                warning: items.csv:1:3: unknown column 'colour' ignored
                """)
    }

    @Test("errors in several files are all listed, in file order")
    func severalFiles() throws {
        let errors = try ImportTestFolder.errors([
            "items.csv": "item_id,unit_cost\nA,x\nB,3\n",
            "demand.csv": "date,item_id,location_id,quantity\n2024-01-01,A,L1,-1\n",
            "stockouts.csv": "date,item_id,location_id\nyesterday,A,L1\n",
        ])
        #expect(
            errors == [
                "items.csv:2:2: unit_cost 'x' — expected a number ≥ 0",
                "demand.csv:2:4: quantity '-1' — expected a number ≥ 0",
                "stockouts.csv:2:1: date 'yesterday' — expected a date YYYY-MM-DD",
            ])
    }

    @Test("past the error limit the rest are counted: … and N more errors")
    func limit() throws {
        var demand = "date,item_id,location_id,quantity\n"
        for i in 0..<25 { demand += "2024-01-01,A,L1,-\(i + 1)\n" }
        let failure = try ImportTestFolder.failure(
            ImportTestFolder.minimal.merging(["demand.csv": demand]) { $1 }, errorLimit: 10)
        #expect(failure.errors.count == 10)
        #expect(failure.omittedErrorCount == 15)
        #expect(failure.errorCount == 25)
        let lines = failure.description.split(separator: "\n")
        #expect(lines.count == 11)
        #expect(lines.first == "demand.csv:2:4: quantity '-1' — expected a number ≥ 0")
        #expect(lines.last == "… and 15 more errors")
    }
}
