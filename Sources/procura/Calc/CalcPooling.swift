import ArgumentParser
import InventoryPolicy

/// `procura calc pooling --input FILE`: centralised vs decentralised safety stock.
struct CalcPooling: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pooling",
        abstract: "Risk pooling: safety stock held per location vs pooled at a central site.",
        discussion: """
            FILE: {"means": […], "sds": […], "correlation": [[…]] (optional), "lead_time": L or […], \
            "central_lead_time": L_c (required with a list), "cycle_service_level": α}. SS_dec = Σ z·σᵢ·√Lᵢ, \
            SS_cen = z·√(1ᵀΣ1)·√L_c, Σᵢⱼ = ρᵢⱼσᵢσⱼ (Eppen 1979). Keys: docs/calculators.md.
            """
    )

    @OptionGroup var options: CalcInputOptions

    func run() throws {
        let input = try options.read(RiskPoolingInput.self)
        try options.print(try options.compute { () throws(PolicyError) in try RiskPooling.compare(input) })
    }
}
