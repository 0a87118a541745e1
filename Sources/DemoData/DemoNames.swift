/// Fixed name lists of the demo company: sites and supplier countries.
enum DemoNames {
    /// A named site: key, name, legal entity, region.
    struct Site {
        var id: String
        var name: String
        var company: String
        var region: String
    }

    /// The first sites, in order; two legal entities (a German and a Dutch company) and several
    /// regions. Beyond them, numbered sites alternate between the companies.
    static let sites: [Site] = [
        Site(id: "PLT-HAM", name: "Hamburg plant", company: "ACME-DE", region: "DE-North"),
        Site(id: "DC-RTM", name: "Rotterdam distribution centre", company: "ACME-NL", region: "Benelux"),
        Site(id: "PLT-MUC", name: "Munich plant", company: "ACME-DE", region: "DE-South"),
        Site(id: "PLT-EIN", name: "Eindhoven plant", company: "ACME-NL", region: "Benelux"),
        Site(id: "WH-BRE", name: "Bremen warehouse", company: "ACME-DE", region: "DE-North"),
        Site(id: "PLT-STR", name: "Stuttgart plant", company: "ACME-DE", region: "DE-South"),
        Site(id: "WH-ANR", name: "Antwerp warehouse", company: "ACME-NL", region: "Benelux"),
        Site(id: "PLT-LEJ", name: "Leipzig plant", company: "ACME-DE", region: "DE-East"),
        Site(id: "WH-GRQ", name: "Groningen warehouse", company: "ACME-NL", region: "NL-North"),
        Site(id: "PLT-DRS", name: "Dresden plant", company: "ACME-DE", region: "DE-East"),
    ]

    /// Regions that numbered sites cycle through.
    static let extraRegions = ["DE-North", "Benelux", "DE-South", "NL-North", "DE-East", "DE-West"]

    /// A supplier country with its legal-form suffix, catalog lead-time range (mean days),
    /// lead-time coefficient of variation range, and weight among suppliers.
    struct Country {
        var code: String
        var legalForm: String
        var leadTime: ClosedRange<Double>
        var variation: ClosedRange<Double>
        var weight: Double
    }

    static let countries: [Country] = [
        Country(code: "DE", legalForm: "GmbH", leadTime: 4...14, variation: 0.10...0.25, weight: 30),
        Country(code: "NL", legalForm: "B.V.", leadTime: 6...16, variation: 0.10...0.25, weight: 10),
        Country(code: "FR", legalForm: "S.A.S.", leadTime: 8...20, variation: 0.15...0.30, weight: 10),
        Country(code: "IT", legalForm: "S.p.A.", leadTime: 10...24, variation: 0.15...0.35, weight: 8),
        Country(code: "PL", legalForm: "Sp. z o.o.", leadTime: 8...20, variation: 0.15...0.30, weight: 8),
        Country(code: "CZ", legalForm: "s.r.o.", leadTime: 7...18, variation: 0.15...0.30, weight: 6),
        Country(code: "SE", legalForm: "AB", leadTime: 10...22, variation: 0.10...0.25, weight: 5),
        Country(code: "US", legalForm: "Inc.", leadTime: 25...45, variation: 0.20...0.35, weight: 7),
        Country(code: "CN", legalForm: "Co., Ltd.", leadTime: 62...100, variation: 0.15...0.35, weight: 9),
        Country(code: "IN", legalForm: "Pvt. Ltd.", leadTime: 55...90, variation: 0.20...0.40, weight: 5),
        Country(code: "JP", legalForm: "K.K.", leadTime: 40...75, variation: 0.10...0.25, weight: 4),
    ]

    /// Index of China in ``countries``: one supplier is always there, so some items are
    /// single-sourced with a lead time above 60 days.
    static let longLeadCountry = 8

    /// First halves of supplier names.
    static let supplierStems = [
        "Nord", "Alpen", "Rhein", "Baltic", "Delta", "Orion", "Vector", "Atlas", "Kestrel", "Meridian",
        "Polaris", "Summit", "Hansa", "Iberia", "Lotus", "Pacific", "Sakura", "Ganges", "Aurora", "Titan",
    ]

    /// Second halves of supplier names, by category.
    static let supplierTrades = [
        "Bearings", "Filtration", "Electric", "Fasteners", "Hydraulics", "Packaging", "Chemicals", "Metals",
    ]
}
