public import Planning

/// A supplier's stored sharing profile (docs/sharing.md).
public struct StoredSharingProfile: Sendable, Hashable, Encodable {
    public var supplierId: String
    public var profile: SharingProfile
    /// 1 when first set, + 1 per change (each change is in the audit log with the profile).
    public var version: Int
    public var updatedAt: String
    public var updatedBy: String
}

/// A forecast published to a supplier: version N, what (the payload), when, by whom, to whom.
public struct SharedVersionRecord: Sendable, Hashable, Encodable {
    /// To whom.
    public var supplierId: String
    /// 1, 2, … per supplier.
    public var version: Int
    public var publishedAt: String
    public var publishedBy: String
    /// The plan run whose forecasts were shared.
    public var planRun: Int
    /// The profile it was shared under.
    public var profile: SharingProfile
    /// Number of shared lines.
    public var lineCount: Int
    /// The shared forecast (`nil` in lists).
    public var forecast: SharedForecast?
}

/// One view or download of a published version by a supplier user.
public struct SharedVersionView: Sendable, Hashable, Encodable {
    public var supplierId: String
    public var version: Int
    public var userId: String
    public var viewedAt: String
    /// `json`, `csv` or `html`.
    public var format: String
}

/// A published version against the supplier's commitments.
public struct SharedVersionComparison: Sendable, Hashable, Encodable {
    public var supplierId: String
    public var version: Int
    /// `committed` or `indication`.
    public var quantities: String
    /// When the commitments were last entered, and by whom (`nil`: none yet).
    public var committedAt: String?
    public var committedBy: String?
    public var comparison: CommitmentComparison
}

/// One supplier on the planners' sharing overview.
public struct SharingOverviewRow: Sendable, Hashable, Encodable {
    public var supplierId: String
    /// The profile's version (`nil`: no profile).
    public var profileVersion: Int?
    /// The newest published version (`nil`: none).
    public var latestVersion: Int?
    public var latestPublishedAt: String?
    /// Views and downloads by the supplier's users.
    public var views: Int
}
