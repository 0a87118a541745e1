import ProcuraTestSupport
import Testing

@testable import Forecasting

@Suite("ETS kernels")
struct ETSKernelTests {
    @Test(
        "the two-steps-at-a-time linear form gives the recursion's criterion (1e-10)",
        arguments: [
            (0.2, 0.05, 0.9), (0.5, 0.3, 0.98), (0.01, 0.001, 1.0), (0.9, 0.6, 0.8),
        ])
    func linearForm(_ alpha: Double, _ beta: Double, _ phi: Double) throws {
        let series = try ReferenceSeries.all()
        for id in ["trend_monthly", "erratic_monthly", "intermittent_weekly", "seasonal_weekly"] {
            let y = try #require(series[id]).y
            for count in [y.count, y.count - 1] {  // even and odd lengths
                let part = Array(y.prefix(count))
                let recursive = part.withBuffer {
                    ETSKernel.criterionAdditiveNonSeasonal(
                        $0, level: part[0], trend: 1.5, hasTrend: true, alpha: alpha, beta: beta, phi: phi)
                }
                let linear = part.withBuffer {
                    ETSKernel.criterionDampedTrendLinear($0, level: part[0], trend: 1.5, alpha: alpha, beta: beta, phi: phi)
                }
                expectClose(linear, recursive, relative: 1e-10, "\(id) n=\(count)")
            }
        }
    }

    @Test("the branch-free additive kernel equals the general filter bit for bit")
    func fastPathExact() throws {
        let y = try #require(try ReferenceSeries.all()["trend_monthly"]).y
        let spec = ETSSpecification(error: .additive, trend: .additive, season: .none, damped: true)
        var ring = [0.0]
        let general = y.withBuffer { yb in
            [40.0, 2.0].withBuffer { ib in
                ring.withUnsafeMutableBufferPointer {
                    ETSKernel.filter(
                        yb, initial: ib, specification: spec, alpha: 0.3, beta: 0.1, gamma: 0, phi: 0.95, m: 1,
                        ring: $0.baseAddress!,
                        residuals: nil
                    ).criterion
                }
            }
        }
        let fast = y.withBuffer {
            ETSKernel.criterionAdditiveNonSeasonal($0, level: 40, trend: 2, hasTrend: true, alpha: 0.3, beta: 0.1, phi: 0.95)
        }
        #expect(fast == general)
    }
}
