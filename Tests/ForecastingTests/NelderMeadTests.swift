import Forecasting
import ProcuraTestSupport
import Testing

@Suite("Bounded Nelder–Mead")
struct NelderMeadTests {
    @Test("Rosenbrock's valley: converges to (1, 1) from (−1.2, 1)")
    func rosenbrock() {
        let config = NelderMead.Configuration(tolerance: 1e-14, maxIterations: 5000)
        let r = NelderMead.minimize([-1.2, 1], lower: [-5, -5], upper: [5, 5], configuration: config) { x in
            let a = 1 - x[0]
            let b = x[1] - x[0] * x[0]
            return a * a + 100 * b * b
        }
        expectClose(r.x[0], 1, relative: 0, absolute: 1e-3, "x")
        expectClose(r.x[1], 1, relative: 0, absolute: 1e-3, "y")
    }

    @Test("bounds hold: the minimum of (x − 3)² on [0, 2] is at the bound 2")
    func bounded() {
        let r = NelderMead.minimize([1], lower: [0], upper: [2]) { x in (x[0] - 3) * (x[0] - 3) }
        #expect(r.x[0] <= 2 && r.x[0] >= 0)
        expectClose(r.x[0], 2, relative: 0, absolute: 1e-3, "x")
    }

    @Test("deterministic: the same start gives the same iterates")
    func deterministic() {
        func run() -> [Double] {
            NelderMead.minimize([0.5, 0.5, 0.9], lower: [0, 0, 0.8], upper: [1, 1, 0.98]) { x in
                (x[0] - 0.3) * (x[0] - 0.3) + (x[1] - 0.1) * (x[1] - 0.1) + x[2] * 0.01
            }.x
        }
        #expect(run() == run())
    }
}
