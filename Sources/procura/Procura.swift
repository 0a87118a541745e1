import ArgumentParser

/// `procura`: inventory policy and procurement planning from the command line.
@main
struct Procura: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procura",
        abstract: "Inventory policy and procurement planning: classification, forecasts, policies.",
        discussion: "Run `procura help <command>` for the flags of a command. The README has examples.",
        subcommands: [
            ServeCommand.self, UserCommand.self, DemoDataCommand.self, ClassifyCommand.self, ForecastCommand.self,
            AccuracyCommand.self, PlanCommand.self, Calc.self, ImportCommand.self, PostCommand.self, StockCommand.self,
            VerifyCommand.self, CheckCommand.self, ReconcileCommand.self, KPIsCommand.self,
        ]
    )
}
