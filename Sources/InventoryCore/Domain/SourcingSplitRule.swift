/// How the requirement of an item-location with several suppliers is divided among them.
public enum SourcingSplitRule: String, Sendable, CaseIterable, Codable {
    /// Every supplier gets its `share` of the volume (sourcing.csv), ordering in its own lots.
    case share
    /// The primary supplier (largest share) gets all regular volume; the others are overflow
    /// sources, used when the primary cannot deliver.
    case primaryOverflow = "primary_overflow"
}
