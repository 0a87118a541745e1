import InventoryCore
import InventoryPolicy
import ProcuraTestSupport
import Testing

@Suite("Risk pooling (risk_pooling.json)")
struct RiskPoolingTests {
    @Test("every reference case: z, pooled σ, safety stock per location, decentralised, centralised, saving")
    func referenceCases() throws {
        let file = try ReferenceFile("risk_pooling.json")
        let cases = file.cases.map(ReferenceCase.init)
        #expect(cases.count >= 8)
        for c in cases {
            let result = try RiskPooling.compare(try CaseFile.input(c, as: RiskPoolingInput.self))
            try CaseFile.expectMatches(result, c, file: file)
        }
    }

    @Test("the square-root law: n independent identical locations save 1 − 1/√n (Eppen 1979)", arguments: [1, 2, 4, 9, 25])
    func squareRootLaw(locations n: Int) throws {
        let result = try RiskPooling.compare(
            RiskPoolingInput(
                means: Array(repeating: 50, count: n), sds: Array(repeating: 7, count: n), leadTime: .common(3),
                cycleServiceLevel: 0.97))
        expectClose(result.savingShare, 1 - 1 / Double(n).squareRoot(), relative: 1e-12, absolute: 1e-15, "share")
        expectClose(result.safetyStockCentralised, result.safetyStockDecentralised / Double(n).squareRoot(), relative: 1e-12)
    }

    @Test("perfectly correlated locations save nothing; no correlation given means independent")
    func correlationExtremes() throws {
        let full = try RiskPooling.compare(
            RiskPoolingInput(
                means: [10, 20, 30], sds: [3, 4, 5], correlation: Array(repeating: [1, 1, 1], count: 3), leadTime: .common(4),
                cycleServiceLevel: 0.9))
        expectClose(full.savingUnits, 0, relative: 0, absolute: 1e-12, "saving")
        let independent = try RiskPooling.compare(
            RiskPoolingInput(means: [10, 20], sds: [3, 4], leadTime: .common(1), cycleServiceLevel: 0.5))
        #expect(independent.sigmaPooledPerPeriod == 5)
        #expect(independent.safetyStockDecentralised == 0)
        #expect(independent.savingShare.isNaN)
    }

    @Test("a longer central lead time can make pooling cost safety stock (negative saving)")
    func longCentralLeadTime() throws {
        let result = try RiskPooling.compare(
            RiskPoolingInput(
                means: [10, 10], sds: [4, 4], leadTime: .perLocation([1, 1]), centralLeadTime: 9, cycleServiceLevel: 0.95))
        #expect(result.savingUnits < 0)
        expectClose(result.savingShare, 1 - 3 * (32.0).squareRoot() / 8, relative: 1e-12)
        #expect(result.meanLeadTimeDemandCentralised == 180)
        #expect(result.meanLeadTimeDemandDecentralised == 20)
    }

    @Test("bad input is refused with the field named")
    func refusals() {
        let corr = [[1.0, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]
        expectPolicyError("sds[1] must be ≥ 0, got -2.0") {
            _ = try RiskPooling.compare(.init(means: [1, 2], sds: [1, -2], leadTime: .common(2), cycleServiceLevel: 0.9))
        }
        // Inputs of extreme magnitude printed "inf" for every figure (exit 0).
        expectPolicyError(
            "sigma_pooled_per_period = √(Σᵢⱼ ρᵢⱼ σᵢ σⱼ) is inf for these inputs — beyond the range of a double (±1.8e308); expected inputs of smaller magnitude"
        ) {
            _ = try RiskPooling.compare(
                .init(means: [1, 1], sds: [1e308, 1e308], leadTime: .common(1), cycleServiceLevel: 0.95))
        }
        expectPolicyError(
            "mean_lead_time_demand_decentralised = Σᵢ μᵢ·Lᵢ is inf for these inputs — beyond the range of a double (±1.8e308); expected inputs of smaller magnitude"
        ) {
            _ = try RiskPooling.compare(
                .init(means: [1e308, 1e308], sds: [1, 1], leadTime: .common(4), cycleServiceLevel: 0.95))
        }
        expectPolicyError("means[0] must be ≥ 0, got -1.0") {
            _ = try RiskPooling.compare(.init(means: [-1], sds: [1], leadTime: .common(2), cycleServiceLevel: 0.9))
        }
        expectPolicyError("sds has 1 entries — expected 2, one per location of means") {
            _ = try RiskPooling.compare(.init(means: [1, 2], sds: [1], leadTime: .common(2), cycleServiceLevel: 0.9))
        }
        expectPolicyError("cycle_service_level must be strictly between 0 and 1, got 1.0") {
            _ = try RiskPooling.compare(.init(means: [1], sds: [1], leadTime: .common(2), cycleServiceLevel: 1))
        }
        expectPolicyError("central_lead_time is missing — it is required when lead_time lists one lead time per location") {
            _ = try RiskPooling.compare(
                .init(means: [1, 2], sds: [1, 1], leadTime: .perLocation([1, 2]), cycleServiceLevel: 0.9))
        }
        expectPolicyError("correlation[0][0] must be 1 (a diagonal entry), got 0.5") {
            _ = try RiskPooling.compare(
                .init(
                    means: [1, 2], sds: [1, 1], correlation: [[0.5, 0], [0, 1]], leadTime: .common(1), cycleServiceLevel: 0.9))
        }
        expectPolicyError("correlation is not symmetric: correlation[1][0] = 0.2 but correlation[0][1] = 0.1") {
            _ = try RiskPooling.compare(
                .init(
                    means: [1, 2], sds: [1, 1], correlation: [[1, 0.1], [0.2, 1]], leadTime: .common(1), cycleServiceLevel: 0.9))
        }
        expectPolicyError(
            "correlation is not positive semi-definite (no set of demands can have these correlations; the check fails at row 2) — correct the entries"
        ) {
            _ = try RiskPooling.compare(
                .init(means: [1, 1, 1], sds: [1, 1, 1], correlation: corr, leadTime: .common(1), cycleServiceLevel: 0.9))
        }
        expectPolicyError("lead_time[1] must be ≥ 0, got -1.0") {
            _ = try RiskPooling.compare(
                .init(means: [1, 2], sds: [1, 1], leadTime: .perLocation([1, -1]), centralLeadTime: 1, cycleServiceLevel: 0.9))
        }
    }

    @Test("lead_time reads a number or a list; a list with a wrong element names it")
    func leadTimeDecoding() throws {
        let one = try JSONValueDecoder().decode(
            RiskPoolingInput.self, fromText: #"{"means":[1],"sds":[1],"lead_time":2,"cycle_service_level":0.9}"#)
        #expect(one.leadTime == .common(2))
        let list = try JSONValueDecoder().decode(
            RiskPoolingInput.self,
            fromText: #"{"means":[1,2],"sds":[1,1],"lead_time":[2,3],"central_lead_time":1,"cycle_service_level":0.9}"#)
        #expect(list.leadTime == .perLocation([2, 3]))
        do {
            _ = try JSONValueDecoder().decode(
                RiskPoolingInput.self, fromText: #"{"means":[1,2],"sds":[1,1],"lead_time":[2,"x"],"cycle_service_level":0.9}"#)
            Issue.record("decoded a string lead time")
        } catch let error as DecodingError {
            #expect(JSONValueDecoder.describe(error) == "lead_time[1]: expected Double, found the string 'x'")
        }
    }
}
