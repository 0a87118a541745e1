public import Testing

/// Expects `actual` to equal `expected` within `tolerance`, with a message naming both and the case.
public func expectClose(
    _ actual: Double, _ expected: Double, _ tolerance: Tolerance, _ what: @autoclosure () -> String = "",
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(
        tolerance.accepts(actual, expected),
        "\(what()): got \(actual), expected \(expected) (\(tolerance))",
        sourceLocation: sourceLocation
    )
}

/// Expects `actual` to equal `expected` within a relative (and optional absolute) tolerance.
public func expectClose(
    _ actual: Double, _ expected: Double, relative: Double, absolute: Double = 0,
    _ what: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(actual, expected, Tolerance(relative: relative, absolute: absolute), what(), sourceLocation: sourceLocation)
}
