import InventoryCore
import Storage
import Workflow

/// The terms of a proposed VMI agreement version as the API (`POST /api/v1/vmi/agreements`) and the
/// page's form give them: the columns of `agreements.csv` (docs/vmi.md). The band is `min_units`
/// with `max_units`, or `min_days` with `max_days`.
struct VMIAgreementBody: Decodable {
    var agreementId: String
    var supplierId: String
    var itemId: String
    var locationId: String
    var ownershipPasses: String
    var minUnits: Double?
    var maxUnits: Double?
    var minDays: Double?
    var maxDays: Double?
    var reviewDays: Int
    var inBandShare: Double
    var maxStockoutDays: Int
    var fillRate: Double
    var onTimeShare: Double
    var buybackShare: Double
    var noticeDays: Int
    var expiryHandling: String
    var validFrom: String

    static func invalid(_ message: String) -> Problem { Problem.unprocessable(message, code: "invalid_vmi_agreement") }

    /// The terms; a word, band or date that does not parse is 422 naming the field (the ranges are
    /// ``InventoryCore/VMIAgreementTerms/problems()``, checked by the store).
    func terms() throws -> VMIAgreementTerms {
        guard let passes = VMIAgreementTerms.OwnershipPasses(rawValue: ownershipPasses) else {
            throw Self.invalid("ownership_passes: expected one of receipt, consumption, got '\(ownershipPasses.prefix(40))'")
        }
        guard let expiry = VMIAgreementTerms.ExpiryHandling(rawValue: expiryHandling) else {
            throw Self.invalid("expiry_handling: expected one of supplier, shared, customer, got '\(expiryHandling.prefix(40))'")
        }
        guard let from = Day(iso: validFrom) else {
            throw Self.invalid("valid_from: expected a date YYYY-MM-DD, got '\(validFrom.prefix(40))'")
        }
        let band: VMIAgreementTerms.Band
        switch (minUnits, maxUnits, minDays, maxDays) {
        case (let low?, let high?, nil, nil): band = .units(min: low, max: high)
        case (nil, nil, let low?, let high?): band = .days(min: low, max: high)
        default:
            throw Self.invalid("band: expected min_units and max_units, or min_days and max_days (one pair, not both)")
        }
        return VMIAgreementTerms(
            agreementID: agreementId, supplierID: supplierId, itemID: itemId, locationID: locationId, ownershipPasses: passes,
            band: band, reviewDays: reviewDays, targetInBandShare: inBandShare, targetMaxStockoutDays: maxStockoutDays,
            targetFillRate: fillRate, targetOnTimeShare: onTimeShare, buybackShare: buybackShare, noticeDays: noticeDays,
            expiryHandling: expiry, validFrom: from)
    }
}
