// Exact decimal-number parsing from CSV bytes, without allocating.
//
// Goals: (1) exactly the double that the decimal text denotes (correct rounding), (2) a strict
// grammar — `[+-]digits[.digits][(e|E)[+-]digits]` with at least one digit, nothing else (no
// `nan`, `inf`, hex, thousands separators or decimal commas), (3) speed on the common short forms.
//
// Short numbers (≤ 19 significant digits, |decimal exponent| ≤ 22, mantissa ≤ 2^53) take Clinger's
// fast path: the mantissa and the power of ten are both exact doubles, so one IEEE multiplication
// or division rounds correctly. Everything else goes to the C library's `strtod`, which rounds
// correctly (glibc), on a NUL-terminated copy in a small stack buffer.
//
// Source: W. D. Clinger, "How to read floating point numbers accurately", PLDI 1990,
// doi:10.1145/93542.93557.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Parses numbers from UTF-8 bytes.
enum ByteNumber {
    /// Exact powers of ten 10⁰ … 10²².
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ]

    /// The bytes without leading and trailing spaces and tabs.
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        guard let base = bytes.baseAddress else { return bytes }
        var s = 0
        var e = bytes.count
        while s < e, bytes[s] == 0x20 || bytes[s] == 0x09 { s += 1 }
        while e > s, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x09 { e -= 1 }
        return UnsafeBufferPointer(start: base + s, count: e - s)
    }

    /// The finite double written in `bytes` (surrounding spaces allowed), or `nil` when the text
    /// is not a plain decimal number or overflows.
    static func double(_ raw: UnsafeBufferPointer<UInt8>) -> Double? {
        let bytes = trimmed(raw)
        let n = bytes.count
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var exponent = 0
        var exact = true
        while i < n, let d = digit(bytes[i]) {
            accumulate(d, &mantissa, &significant, &exact, &exponent, fraction: false)
            digits += 1
            i += 1
        }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < n, let d = digit(bytes[i]) {
                accumulate(d, &mantissa, &significant, &exact, &exponent, fraction: true)
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            var exponentNegative = false
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var value = 0
            var exponentDigits = 0
            while i < n, let d = digit(bytes[i]) {
                if value < 100_000 { value = value * 10 + d }
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            exponent += exponentNegative ? -value : value
        }
        guard i == n else { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if exact, mantissa <= (1 << 53), exponent >= -22, exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return negative ? -value : value
        }
        return libraryDouble(bytes)
    }

    /// A whole number (`[+-]digits`, at most 18 digits, surrounding spaces allowed), or `nil`.
    static func integer(_ raw: UnsafeBufferPointer<UInt8>) -> Int? {
        let bytes = trimmed(raw)
        var i = 0
        var negative = false
        if bytes.count > 0, bytes[0] == UInt8(ascii: "+") || bytes[0] == UInt8(ascii: "-") {
            negative = bytes[0] == UInt8(ascii: "-")
            i = 1
        }
        guard bytes.count > i, bytes.count - i <= 18 else { return nil }
        var value = 0
        while i < bytes.count {
            guard let d = digit(bytes[i]) else { return nil }
            value = value * 10 + d
            i += 1
        }
        return negative ? -value : value
    }

    @inline(__always)
    private static func digit(_ byte: UInt8) -> Int? {
        let d = Int(byte) &- 48
        return d >= 0 && d <= 9 ? d : nil
    }

    @inline(__always)
    private static func accumulate(
        _ d: Int, _ mantissa: inout UInt64, _ significant: inout Int, _ exact: inout Bool, _ exponent: inout Int,
        fraction: Bool
    ) {
        if mantissa == 0 && d == 0 {
            if fraction { exponent -= 1 }
            return
        }
        if significant < 19 {
            mantissa = mantissa * 10 + UInt64(d)
            significant += 1
            if fraction { exponent -= 1 }
        } else {
            // Too many digits for the fast path; strtod takes the whole text.
            exact = false
            if !fraction { exponent += 1 }
        }
    }

    /// `strtod` on a NUL-terminated stack copy; `nil` unless it consumes every byte and the
    /// result is finite.
    private static func libraryDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) { text -> Double? in
            guard let base = text.baseAddress else { return nil }
            for i in 0..<bytes.count { text[i] = CChar(bitPattern: bytes[i]) }
            text[bytes.count] = 0
            var stop: UnsafeMutablePointer<CChar>?
            let value = strtod(base, &stop)
            guard let stop, stop - base == bytes.count, value.isFinite else { return nil }
            return value
        }
    }
}
