import InventoryCore
import ProcuraTestSupport
import Testing

@Suite("Standard normal: density, cdf, tail, quantile")
struct StandardNormalTests {
    @Test("scipy norm.ppf from 1e-300 to 1 − 1e-12 (1e-9 relative)")
    func quantileAgainstScipy() throws {
        let fixture = try ScipyFixture.load()
        let cases = fixture["normal_quantile"].array
        #expect(cases.count >= 40)
        for c in cases {
            let p = try #require(c["p"].double)
            let z = try #require(c["z"].double)
            expectClose(StandardNormal.quantile(p), z, ScipyFixture.quantile, "Φ⁻¹(\(p))")
        }
    }

    @Test("scipy norm.pdf, cdf, sf from z = −38 to 38 (1e-10 relative)")
    func pointsAgainstScipy() throws {
        let fixture = try ScipyFixture.load()
        for c in fixture["normal_points"].array {
            let z = try #require(c["z"].double)
            expectClose(StandardNormal.pdf(z), try #require(c["pdf"].double), ScipyFixture.value, "φ(\(z))")
            expectClose(StandardNormal.cdf(z), try #require(c["cdf"].double), ScipyFixture.value, "Φ(\(z))")
            expectClose(StandardNormal.survival(z), try #require(c["sf"].double), ScipyFixture.value, "1−Φ(\(z))")
        }
    }

    @Test("safety_stock_csl.json: z = Φ⁻¹(α) for every case")
    func zForCycleServiceLevel() throws {
        let file = try ReferenceFile("safety_stock_csl.json")
        for c in file.cases {
            let alpha = try #require(c["args"]["cycle_service_level"].double)
            let z = try #require(c["expected"]["z"].double)
            expectClose(StandardNormal.quantile(alpha), z, file.tolerance, c["id"].string ?? "")
        }
    }

    @Test("quantile edges: p ≤ 0 → −∞, p ≥ 1 → +∞, NaN → NaN, Φ(Φ⁻¹(p)) = p")
    func quantileEdges() {
        #expect(StandardNormal.quantile(0) == -.infinity)
        #expect(StandardNormal.quantile(-1) == -.infinity)
        #expect(StandardNormal.quantile(1) == .infinity)
        #expect(StandardNormal.quantile(.nan).isNaN)
        #expect(StandardNormal.quantile(0.5) == 0)
        for p in [1e-200, 1e-20, 0.001, 0.3, 0.7, 0.97] {
            // Φ amplifies a relative error δ in z by z² (≈ 900 at p = 1e-200).
            expectClose(StandardNormal.cdf(StandardNormal.quantile(p)), p, relative: 1e-12, "Φ(Φ⁻¹(\(p)))")
        }
    }
}

@Suite("Standard normal loss functions")
struct StandardNormalLossTests {
    @Test("stockpyl_loss_functions.json: standard normal first- and second-order loss")
    func stockpylStandardNormal() throws {
        let file = try ReferenceFile("stockpyl_loss_functions.json")
        let first = file.cases(function: ".standard_normal_loss")
        let second = file.cases(function: ".standard_normal_second_loss")
        #expect(first.count == 11 && second.count == 3)
        for c in first {
            let z = try #require(c["args"]["z"].double)
            expectClose(StandardNormal.loss(z), try #require(c["expected"]["loss"].double), file.tolerance, "G(\(z))")
            expectClose(
                StandardNormal.complementaryLoss(z), try #require(c["expected"]["complementary_loss"].double),
                file.tolerance, "Ḡ(\(z))")
        }
        for c in second {
            let z = try #require(c["args"]["z"].double)
            expectClose(
                StandardNormal.secondLoss(z), try #require(c["expected"]["second_loss"].double), file.tolerance,
                "G²(\(z))")
            expectClose(
                StandardNormal.complementarySecondLoss(z),
                try #require(c["expected"]["complementary_second_loss"].double), file.tolerance, "Ḡ²(\(z))")
        }
    }

    @Test("the continued-fraction branch (z ≥ 3) joins the closed form without a jump")
    func continuity() {
        // Just below 3 the closed forms are used; their cancellation costs < 1e-13 there.
        let below = 3.0.nextDown
        expectClose(StandardNormal.loss(3), StandardNormal.loss(below), relative: 1e-13, "G at 3")
        expectClose(StandardNormal.secondLoss(3), StandardNormal.secondLoss(below), relative: 1e-12, "G² at 3")
    }

    @Test("G′(z) = Φ(z) − 1 and (G⁽²⁾)′ = −G, by central differences, incl. the far tail")
    func derivatives() {
        for z in [-6.0, -2.0, 0.0, 0.7, 2.9, 3.1, 5.0, 8.0, 12.0] {
            let h = 1e-5
            let dG = (StandardNormal.loss(z + h) - StandardNormal.loss(z - h)) / (2 * h)
            expectClose(dG, -StandardNormal.survival(z), relative: 1e-6, "G′(\(z))")
            let dG2 = (StandardNormal.secondLoss(z + h) - StandardNormal.secondLoss(z - h)) / (2 * h)
            expectClose(dG2, -StandardNormal.loss(z), relative: 1e-6, "G²′(\(z))")
        }
    }

    @Test("far tail: G(z) ~ φ(z)/z²·(1 − 3/z² + 15/z⁴ − 105/z⁶), relative error below the series' remainder")
    func asymptotic() {
        for z in [20.0, 30.0] {
            let z2 = z * z
            let series = StandardNormal.pdf(z) / z2 * (1 - 3 / z2 + 15 / (z2 * z2) - 105 / (z2 * z2 * z2))
            expectClose(StandardNormal.loss(z), series, relative: 945 / (z2 * z2 * z2 * z2), "G(\(z))")
        }
    }

    @Test("symmetries: Ḡ(z) = z + G(z), G⁽²⁾(z) + G⁽²⁾(−z) = ½(z² + 1)")
    func identities() {
        for z in [-3.0, -1.2, 0.0, 0.4, 2.2] {
            expectClose(StandardNormal.complementaryLoss(z), z + StandardNormal.loss(z), relative: 1e-14, absolute: 1e-15)
            expectClose(
                StandardNormal.secondLoss(z) + StandardNormal.secondLoss(-z), 0.5 * (z * z + 1), relative: 1e-14)
        }
    }

    @Test("fill_rate_safety_factor.json: k = G⁻¹((1 − β)Q/σ) for every case")
    func inverseLossReference() throws {
        let file = try ReferenceFile("fill_rate_safety_factor.json")
        #expect(file.cases.count == 12)
        for c in file.cases {
            let target = try #require(c["expected"]["G_target"].double)
            let k = try #require(c["expected"]["k"].double)
            expectClose(StandardNormal.inverseLoss(target), k, file.tolerance, c["id"].string ?? "")
        }
    }

    @Test("inverse loss round-trips from g = 1e-300 to 1e6, and handles its edges")
    func inverseLossRoundTrip() {
        for g in [1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.1, 0.3989, 0.39894228040143268, 0.5, 2, 50, 1e6] {
            let k = StandardNormal.inverseLoss(g)
            expectClose(StandardNormal.loss(k), g, relative: 1e-12, "G(G⁻¹(\(g)))")
        }
        #expect(StandardNormal.inverseLoss(0) == .infinity)
        #expect(StandardNormal.inverseLoss(-1).isNaN)
        #expect(StandardNormal.inverseLoss(.nan).isNaN)
    }
}
