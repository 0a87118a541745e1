import Forecasting
import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("statsforecast 2.1.1 reference forecasts (forecast_statsforecast.json)")
struct StatsforecastReferenceTests {
    static let cases: [JSONValue] = (try? ReferenceFile("forecast_statsforecast.json").cases) ?? []
    static let ids: [String] = cases.compactMap { $0["id"].string }

    @Test("every case is covered by a Procura model")
    func coverage() throws {
        let series = try ReferenceSeries.all()
        #expect(Self.cases.count == 73)
        for c in Self.cases {
            let s = try #require(series[c["series"].string ?? ""])
            #expect(
                procuraModel(forStatsforecast: c["model"].string ?? "", params: c["params"], seasonLength: s.seasonLength) != nil)
        }
    }

    @Test("12-step forecasts agree at each case's tolerance", arguments: ids)
    func forecast(_ id: String) throws {
        let c = try #require(Self.cases.first { $0["id"].string == id })
        let series = try ReferenceSeries.all()
        let s = try #require(series[c["series"].string ?? ""])
        let label = try #require(c["model"].string)
        let model = try #require(procuraModel(forStatsforecast: label, params: c["params"], seasonLength: s.seasonLength))
        let fit = try model.fit(s.y)
        let expected = c["expected"]["forecast"].doubles
        let actual = fit.forecast(h: expected.count)
        let tolerance = Tolerance(c["tolerance"])
        for (h, (a, e)) in zip(actual, expected).enumerated() {
            expectClose(a, e, tolerance, "\(c["id"].string ?? "") h=\(h + 1)")
        }
        if let method = c["fitted_model"]["method"].string {
            #expect(fit.method == method, "\(c["id"].string ?? ""): model form")
        }
    }

    @Test("ETS forecasts reproduce from the reference final state by the forecast recursion (1e-8)")
    func etsRecursion() throws {
        var checked = 0
        for c in Self.cases where !c["fitted_model"]["final_state"].isNull {
            let f = c["fitted_model"]
            let components = Array(try #require(f["components"].string))
            func component(_ ch: Character) -> ETSSpecification.Component {
                ch == "A" ? .additive : ch == "M" ? .multiplicative : .none
            }
            let spec = ETSSpecification(
                error: component(components[0]), trend: component(components[1]), season: component(components[2]),
                damped: components[3] == "D")
            let state = f["final_state"].doubles
            let m = spec.season == .none ? 1 : (c["params"]["season_length"].int ?? 1)
            let offset = spec.trend == .none ? 1 : 2
            let ets = ETSState(
                specification: spec, seasonLength: m, phi: spec.damped ? (f["phi"].double ?? 1) : 1, level: state[0],
                trend: spec.trend == .none ? 0 : state[1], seasonal: Array(state[offset...]))
            let expected = c["expected"]["forecast"].doubles
            for (a, e) in zip(ets.forecast(h: expected.count), expected) {
                expectClose(a, e, relative: 1e-8, "\(c["id"].string ?? "") recursion")
            }
            checked += 1
        }
        #expect(checked == 13)
    }

    @Test("ETS fits land on statsforecast's parameters (smoothing weights within 1e-4)")
    func etsParameters() throws {
        let series = try ReferenceSeries.all()
        for c in Self.cases where !c["fitted_model"]["final_state"].isNull {
            let s = try #require(series[c["series"].string ?? ""])
            let model = try #require(
                procuraModel(forStatsforecast: c["model"].string ?? "", params: c["params"], seasonLength: s.seasonLength))
            let fit = try model.fit(s.y)
            for name in ["alpha", "beta", "gamma", "phi"] {
                let expected = c["fitted_model"][name]
                guard !expected.isNull, let e = expected.double else {
                    #expect(fit.parameters[name] == nil, "\(c["id"].string ?? ""): \(name) should be absent")
                    continue
                }
                let a = try #require(fit.parameters[name], "\(c["id"].string ?? ""): \(name)")
                expectClose(a, e, relative: 0, absolute: 1e-4, "\(c["id"].string ?? "") \(name)")
            }
            expectClose(
                try #require(fit.statistics["aicc"]), try #require(c["fitted_model"]["aicc"].double), relative: 1e-6, "AICc")
        }
    }
}
