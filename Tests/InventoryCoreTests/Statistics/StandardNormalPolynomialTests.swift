import Foundation
import Testing

@testable import InventoryCore

@Suite("Standard normal quantile: written-out polynomials")
struct StandardNormalPolynomialTests {
    /// AS 241 evaluated with Horner loops over the coefficient arrays (the form before the
    /// polynomials were written out).
    static func reference(_ p: Double) -> Double {
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * StandardNormal.horner(r, StandardNormal.a) / StandardNormal.horner(r, StandardNormal.b)
        }
        var r = q < 0 ? p : 1 - p
        r = (-log(r)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = StandardNormal.horner(r, StandardNormal.c) / StandardNormal.horner(r, StandardNormal.d)
        } else {
            r -= 5
            value = StandardNormal.horner(r, StandardNormal.e) / StandardNormal.horner(r, StandardNormal.f)
        }
        return q < 0 ? -value : value
    }

    @Test("bit for bit the same as the coefficient loops, across the centre and both tails")
    func sameBits() {
        var points: [Double] = (1..<20_000).map { Double($0) / 20_000 }
        for exponent in stride(from: -300.0, through: -1, by: 0.5) {
            let tail = pow(10, exponent)
            points += [tail, 1 - tail]
        }
        for p in points where p > 0 && p < 1 {
            #expect(StandardNormal.quantile(p).bitPattern == Self.reference(p).bitPattern, "p = \(p)")
        }
    }
}
