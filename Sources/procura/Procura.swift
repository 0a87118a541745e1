import ArgumentParser
import Foundation
import InventoryCore

/// `procura`: inventory policy and procurement planning from the command line.
@main
struct Procura: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "procura",
        abstract: "Inventory policy and procurement planning: classification, forecasts, policies.",
        discussion: """
            Run `procura help <command>` for the flags of a command. The README has examples.
            Exit status: 0 success; 64 bad or missing flags; 65 invalid input data; 1 other failures.
            """,
        version: ProcuraVersion.current,
        subcommands: [
            ServeCommand.self, UserCommand.self, DemoDataCommand.self, ClassifyCommand.self, ForecastCommand.self,
            AccuracyCommand.self, PlanCommand.self, Calc.self, ImportCommand.self, PostCommand.self, StockCommand.self,
            VerifyCommand.self, CheckCommand.self, ReconcileCommand.self, KPIsCommand.self, RootCausesCommand.self,
            SuppliersCommand.self, ConsignmentTransitionCommand.self,
            RiskCommands.self, KanbanCommand.self, NetworkCommands.self, WorkingCapitalCommand.self,
            BacktestCommand.self, ScenarioCommand.self, ScenarioSpecsCommand.self, SharingCommand.self, PrepositionCommand.self,
            ExcessCommand.self,
            ExposureCommands.self,
            AgingCommand.self,
            PhaseOutCommand.self,
            ProposalsCommand.self, POCommand.self, ApproveCommand.self, ApprovalRulesCommand.self, DelegationsCommand.self,
            EmergencyCommand.self, ProvisionsCommand.self,
            DispositionCommand.self, ProcessMapCommand.self, ChangeSetCommand.self, VMICommand.self, PostmortemCommand.self,
        ]
    )

    /// Parses the command line and runs the command. Every error reaches the user one way:
    /// `Error: …` on standard error and the exit status of its kind (``CommandFailure``; the
    /// argument parser's own errors are bad flags, exit 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let failure as CommandFailure {
            StandardStreams.error("Error: " + failure.message + "\n")
            Foundation.exit(failure.exitCode.rawValue)
        } catch {
            exit(withError: error)
        }
    }
}
