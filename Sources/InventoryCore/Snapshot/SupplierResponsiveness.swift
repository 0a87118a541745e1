/// How a supplier's commitments followed the changes of the forecasts shared with it
/// (docs/sharing.md, "Responsiveness"): computed from the published versions and their
/// commitments by `ForecastResponsiveness` (Planning) when the snapshot is read from the database.
///
/// Between two consecutive versions k − 1, k published to the supplier, a line is **matched** when
/// both carry it (same item or family, location or none, period start and period days); it
/// **changed** when the shared quantity moved, Δf = fₖ − fₖ₋₁ ≠ 0, and the supplier had committed
/// against it in version k − 1; it was **re-committed** when the supplier committed against it in
/// version k too, with Δc = cₖ − cₖ₋₁.
public struct SupplierResponsiveness: Hashable, Sendable {
    /// Versions published to the supplier.
    public var versions: Int
    /// Versions with commitments.
    public var committedVersions: Int
    /// Changed lines (over every pair of consecutive versions).
    public var changedLines: Int
    /// Of those, the lines re-committed.
    public var recommittedLines: Int
    /// Σ |Δf| over the re-committed changed lines.
    public var forecastChange: Double
    /// Σ sign(Δf) · Δc over the re-committed changed lines: how far the commitments moved the way
    /// the forecast did.
    public var commitmentChange: Double
    /// Mean days from a version's publication to its commitments (the last submission), over the
    /// versions with commitments; `nil` without any.
    public var meanDaysToCommit: Double?

    /// Creates the figures.
    public init(
        versions: Int, committedVersions: Int, changedLines: Int, recommittedLines: Int, forecastChange: Double,
        commitmentChange: Double, meanDaysToCommit: Double?
    ) {
        self.versions = versions
        self.committedVersions = committedVersions
        self.changedLines = changedLines
        self.recommittedLines = recommittedLines
        self.forecastChange = forecastChange
        self.commitmentChange = commitmentChange
        self.meanDaysToCommit = meanDaysToCommit
    }

    /// Re-committed ÷ changed lines; `nil` without changed lines.
    public var recommittedShare: Double? {
        changedLines > 0 ? Double(recommittedLines) / Double(changedLines) : nil
    }

    /// Σ sign(Δf)·Δc ÷ Σ |Δf| over the re-committed changed lines: 1 when the commitments moved
    /// exactly as the forecast, 0 when they stayed, negative when they moved against it; `nil`
    /// when nothing changed or nothing was re-committed.
    public var followRatio: Double? {
        forecastChange > 0 ? commitmentChange / forecastChange : nil
    }

    /// The responsiveness score 0…1 of the supply risk: re-committed share × the follow ratio
    /// bounded to 0…1 (a line not re-committed followed nothing); `nil` without changed lines.
    public var score: Double? {
        guard let recommittedShare else { return nil }
        return recommittedShare * min(1, max(0, followRatio ?? 0))
    }
}
