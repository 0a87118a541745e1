// Exact decimal arithmetic for the kanban ceiling.
//
// Goal: ⌈D·L·(1 + α)/C⌉ must not round an exact integer quotient up again (120 × 2.5 × 1.1 / 25 is
// 13.2, but 250 × 1.0 × 1.1 / 275 is exactly 1, while binary floating point may give 1.0000000000000002).
// Each input is taken as the decimal the user wrote — the shortest decimal that reads back as the
// same binary64 (Swift's `description`, Steele & White / Ryu) — and the comparison n·C ≥ D·L·(1 + α)
// is made on exact integers (base-10⁹ limbs), as the reference generator did with rationals.

/// A non-negative decimal number held exactly: significand (base-10⁹ limbs, least significant
/// first) × 10^exponent.
struct ExactDecimal: Sendable, Equatable {
    private var limbs: [UInt64]
    private var exponent: Int

    private static let base: UInt64 = 1_000_000_000

    /// The decimal that `value` (finite, ≥ 0) was written as.
    init(_ value: Double) {
        precondition(value.isFinite && value >= 0, "ExactDecimal takes finite numbers ≥ 0")
        let text = value.description
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = parts.count == 2 ? Int(parts[1])! : 0
        var digits: [UInt8] = []
        var seenPoint = false
        for character in parts[0] {
            if character == "." {
                seenPoint = true
            } else if let digit = character.wholeNumberValue {
                digits.append(UInt8(digit))
                if seenPoint { exponent -= 1 }
            }
        }
        self.init(digits: digits, exponent: exponent)
    }

    /// A whole number.
    init(_ value: Int) {
        precondition(value >= 0)
        self.init(digits: String(value).compactMap { $0.wholeNumberValue.map(UInt8.init) }, exponent: 0)
    }

    private init(digits: [UInt8], exponent: Int) {
        var limbs: [UInt64] = []
        var end = digits.count
        while end > 0 {
            let start = max(0, end - 9)
            limbs.append(digits[start..<end].reduce(0) { $0 * 10 + UInt64($1) })
            end = start
        }
        self.limbs = limbs
        self.exponent = exponent
        normalise()
    }

    private init(limbs: [UInt64], exponent: Int) {
        self.limbs = limbs
        self.exponent = exponent
        normalise()
    }

    private mutating func normalise() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
        if limbs.isEmpty { exponent = 0 }
    }

    static func * (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        if a.limbs.isEmpty || b.limbs.isEmpty { return ExactDecimal(limbs: [], exponent: 0) }
        var product = Array(repeating: UInt64(0), count: a.limbs.count + b.limbs.count)
        for (i, x) in a.limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, y) in b.limbs.enumerated() {
                let t = product[i + j] + x * y + carry
                product[i + j] = t % base
                carry = t / base
            }
            var k = i + b.limbs.count
            while carry > 0 {
                let t = product[k] + carry
                product[k] = t % base
                carry = t / base
                k += 1
            }
        }
        return ExactDecimal(limbs: product, exponent: a.exponent + b.exponent)
    }

    static func + (a: ExactDecimal, b: ExactDecimal) -> ExactDecimal {
        let e = min(a.exponent, b.exponent)
        let x = a.significand(atExponent: e)
        let y = b.significand(atExponent: e)
        var sum = Array(repeating: UInt64(0), count: max(x.count, y.count) + 1)
        var carry: UInt64 = 0
        for k in 0..<sum.count {
            let t = (k < x.count ? x[k] : 0) + (k < y.count ? y[k] : 0) + carry
            sum[k] = t % base
            carry = t / base
        }
        return ExactDecimal(limbs: sum, exponent: e)
    }

    /// Whether self ≥ other.
    func isAtLeast(_ other: ExactDecimal) -> Bool {
        let e = min(exponent, other.exponent)
        let x = significand(atExponent: e)
        let y = other.significand(atExponent: e)
        if x.count != y.count { return x.count > y.count }
        for k in stride(from: x.count - 1, through: 0, by: -1) where x[k] != y[k] { return x[k] > y[k] }
        return true
    }

    /// The significand rescaled to a smaller exponent `e` (times 10^(exponent − e)), without
    /// trailing zero limbs.
    private func significand(atExponent e: Int) -> [UInt64] {
        if limbs.isEmpty { return [] }
        var shift = exponent - e
        var result = Array(repeating: UInt64(0), count: shift / 9) + limbs
        shift %= 9
        if shift > 0 {
            var factor: UInt64 = 1
            for _ in 0..<shift { factor *= 10 }
            var carry: UInt64 = 0
            for k in result.indices {
                let t = result[k] * factor + carry
                result[k] = t % ExactDecimal.base
                carry = t / ExactDecimal.base
            }
            if carry > 0 { result.append(carry) }
        }
        while let last = result.last, last == 0 { result.removeLast() }
        return result
    }
}

extension ExactDecimal {
    /// ⌈numerator/denominator⌉ for a whole `denominator` ≥ 1, exactly: the smallest n ≥ 0 with
    /// n·denominator ≥ numerator, searched from the floating-point `estimate`. `nil` above 2⁵³.
    static func ceilingOfQuotient(_ numerator: ExactDecimal, by denominator: Int, estimate: Double) -> Int? {
        guard estimate.isFinite, estimate < 9.0e15 else { return nil }
        var n = max(0, Int(estimate.rounded(.up)))
        let d = ExactDecimal(denominator)
        while n > 0, (ExactDecimal(n - 1) * d).isAtLeast(numerator) { n -= 1 }
        while !(ExactDecimal(n) * d).isAtLeast(numerator) { n += 1 }
        return n
    }
}
