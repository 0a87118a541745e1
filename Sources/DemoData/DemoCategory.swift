/// The material categories of the demo company, with the parameters their items are drawn from.
///
/// Unit costs are lognormal around a category median, annual volumes too; spare-part categories
/// (bearings, electrical, hydraulics) are weighted towards sporadic demand, consumables (fasteners,
/// packaging, chemicals, raw material) towards regular demand. docs/demo-data.md lists the numbers.
enum DemoCategory: Int, CaseIterable, Sendable {
    case bearings, filters, electrical, fasteners, hydraulics, packaging, chemicals, rawMaterial

    /// The `category` column.
    var name: String {
        switch self {
        case .bearings: return "bearings"
        case .filters: return "filters"
        case .electrical: return "electrical"
        case .fasteners: return "fasteners"
        case .hydraulics: return "hydraulics"
        case .packaging: return "packaging"
        case .chemicals: return "chemicals"
        case .rawMaterial: return "raw material"
        }
    }

    /// Prefix of item keys (`BRG-10001`).
    var prefix: String {
        switch self {
        case .bearings: return "BRG"
        case .filters: return "FLT"
        case .electrical: return "ELE"
        case .fasteners: return "FST"
        case .hydraulics: return "HYD"
        case .packaging: return "PKG"
        case .chemicals: return "CHM"
        case .rawMaterial: return "RAW"
        }
    }

    /// Base unit of measure.
    var baseUOM: String {
        switch self {
        case .chemicals: return "L"
        case .rawMaterial: return "KG"
        default: return "EA"
        }
    }

    /// Decimals of quantities in the base unit (litres and kilograms to 0.1).
    var quantityDecimals: Int { self == .chemicals || self == .rawMaterial ? 1 : 0 }

    /// Median unit cost (EUR per base unit) and the σ of its logarithm.
    var cost: (median: Double, logSD: Double) {
        switch self {
        case .bearings: return (38, 1.0)
        case .filters: return (22, 0.9)
        case .electrical: return (30, 1.2)
        case .fasteners: return (0.12, 1.0)
        case .hydraulics: return (140, 1.1)
        case .packaging: return (1.1, 1.0)
        case .chemicals: return (7, 0.8)
        case .rawMaterial: return (4, 0.9)
        }
    }

    /// Median annual company-wide volume in base units.
    var volumeMedian: Double {
        switch self {
        case .bearings: return 120
        case .filters: return 300
        case .electrical: return 150
        case .fasteners: return 20_000
        case .hydraulics: return 60
        case .packaging: return 15_000
        case .chemicals: return 2_500
        case .rawMaterial: return 8_000
        }
    }

    /// Weight of the category among items with regular demand.
    var regularWeight: Double {
        [0.08, 0.08, 0.12, 0.22, 0.06, 0.16, 0.14, 0.14][rawValue]
    }

    /// Weight of the category among items with sporadic demand.
    var sporadicWeight: Double {
        [0.24, 0.10, 0.22, 0.06, 0.24, 0.04, 0.04, 0.06][rawValue]
    }

    /// Probabilities of criticality V and E (the rest is D).
    var criticalityShares: (vital: Double, essential: Double) {
        switch self {
        case .bearings, .hydraulics, .electrical: return (0.25, 0.50)
        default: return (0.05, 0.45)
        }
    }

    /// Description templates; `#` is replaced by a size drawn from ``sizes``. Some carry commas
    /// and double quotes, so the CSV writer's quoting is exercised.
    var descriptions: [String] {
        switch self {
        case .bearings:
            return [
                "Deep groove ball bearing 62#-2RS", "Tapered roller bearing 302#", "Spherical roller bearing 222# E",
                "Pillow block unit UCP2#", "Cylindrical roller bearing NU2#, C3",
            ]
        case .filters:
            return [
                "Hydraulic return filter element #, 10 µm", "Air filter cartridge F7 #x592", "Oil filter spin-on #",
                "Suction strainer # mesh", "Coolant bag filter #, 25 µm",
            ]
        case .electrical:
            return [
                "Contactor 3P # A, 24 V DC coil", "Circuit breaker C# 1P", "Proximity sensor M# PNP NO",
                "Motor protection switch # A", "Relay socket # pin, DIN rail",
            ]
        case .fasteners:
            return [
                "Hex bolt M#x40, 8.8, zinc plated", "Hex nut M# DIN 934", "Washer M# DIN 125",
                "Socket cap screw M#x25, A2", "Threaded rod M# x 1 m",
            ]
        case .hydraulics:
            return [
                "Hydraulic hose #/2\" 2SN, 1 m", "Directional valve 4/3 NG# 24 V", "Gear pump # cm³/rev",
                "Seal kit cylinder #/36", "Pressure gauge # bar, 63 mm",
            ]
        case .packaging:
            return [
                "Stretch film 500 mm x # µm", "Carton box 600x400x#", "Euro pallet 1200x800, grade #",
                "Packing tape 50 mm x # m, brown", "Foam insert # mm",
            ]
        case .chemicals:
            return [
                "Hydraulic oil HLP #", "Cutting fluid, water-miscible, #%", "Degreaser # ml",
                "Epoxy adhesive 2K # ml", "Gear oil CLP #",
            ]
        case .rawMaterial:
            return [
                "Steel sheet S235 # mm", "Aluminium bar 6082 Ø#", "Stainless tube 316L #x2",
                "Copper wire # mm²", "Round bar C45 Ø#",
            ]
        }
    }

    /// The sizes that fill `#` in ``descriptions``.
    var sizes: [String] {
        switch self {
        case .bearings: return ["04", "05", "06", "07", "08", "09", "10", "12", "14", "16"]
        case .filters: return ["HF-10", "HF-25", "287", "592", "40", "60", "100"]
        case .electrical: return ["9", "12", "16", "18", "25", "32", "40"]
        case .fasteners: return ["5", "6", "8", "10", "12", "16", "20"]
        case .hydraulics: return ["1", "3", "6", "8", "10", "16", "40", "63"]
        case .packaging: return ["12", "17", "23", "66", "200", "300", "400"]
        case .chemicals: return ["32", "46", "68", "100", "220", "400", "500"]
        case .rawMaterial: return ["1.5", "2", "3", "5", "20", "25", "40", "60"]
        }
    }
}
