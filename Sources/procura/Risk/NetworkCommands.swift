import ArgumentParser

/// `procura network`: the network reports. `procura network DATA|--database URL …` is the pooling
/// report (``NetworkCommand``, the default subcommand); `procura network echelons` places safety
/// stock over the company's transfer network (docs/risk.md).
struct NetworkCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "network",
        abstract:
            "Network reports: pooling at one central site (the default), and multi-echelon safety stock over the transfer lanes.",
        discussion: """
            `procura network DATA|--database URL` runs the pooling report (`procura network pooling`). \
            `procura network echelons` places safety stock over the locations and transfers of each item by \
            the guaranteed-service model. A data folder named `pooling` or `echelons` must be given as `./echelons`.
            """,
        subcommands: [NetworkCommand.self, NetworkEchelonsCommand.self],
        defaultSubcommand: NetworkCommand.self)
}
