import ArgumentParser
import InventoryCore

/// `procura calc loss --z z`: the standard normal loss functions at z.
struct CalcLoss: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loss",
        abstract: "Standard normal loss functions at z.",
        discussion: """
            Prints loss G(z) = φ(z) − z(1 − Φ(z)), complementary_loss z + G(z), second_loss \
            ½[(z² + 1)(1 − Φ(z)) − zφ(z)] and complementary_second_loss ½(z² + 1) − second_loss \
            (Snyder & Shen eqs. C.22–C.23, C.27–C.28).
            """
    )

    @Option(name: .customLong("z"), parsing: .unconditional, help: "The standard normal value z.")
    var z: Double

    func validate() throws {
        try FlagCheck.finite(z, "--z")
    }

    func run() throws {
        CalcResult([
            "z": .number(z),
            "loss": .number(StandardNormal.loss(z)),
            "complementary_loss": .number(StandardNormal.complementaryLoss(z)),
            "second_loss": .number(StandardNormal.secondLoss(z)),
            "complementary_second_loss": .number(StandardNormal.complementarySecondLoss(z)),
        ]).print()
    }
}
