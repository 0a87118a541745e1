import InventoryCore
import Workflow

/// One VMI agreement with its versions (the JSON of `GET /api/v1/vmi/agreements` and
/// `procura vmi agreements --format json`): its id and parties, the version in force, the version
/// proposed (if any) and every version, oldest first.
public struct VMIAgreement: Encodable, Sendable {
    /// The agreement id.
    public var agreementId: String
    /// The supplier.
    public var supplierId: String
    /// The item.
    public var itemId: String
    /// The location.
    public var locationId: String
    /// The active version, if one is.
    public var activeVersion: Int?
    /// The proposed version, if one is.
    public var proposedVersion: Int?
    /// Every version, oldest first.
    public var versions: [VMIAgreementVersion]

    /// The agreements of `versions` (sorted by agreement id and version, as
    /// ``Store/vmiAgreementVersions(visibleTo:agreementID:)`` returns them), in id order.
    public static func group(_ versions: [VMIAgreementVersion]) -> [VMIAgreement] {
        var result: [VMIAgreement] = []
        for v in versions {
            if result.last?.agreementId != v.terms.agreementID {
                result.append(
                    VMIAgreement(
                        agreementId: v.terms.agreementID, supplierId: v.terms.supplierID, itemId: v.terms.itemID,
                        locationId: v.terms.locationID, activeVersion: nil, proposedVersion: nil, versions: []))
            }
            if v.state == .active { result[result.count - 1].activeVersion = v.version }
            if v.state == .proposed { result[result.count - 1].proposedVersion = v.version }
            result[result.count - 1].versions.append(v)
        }
        return result
    }
}
