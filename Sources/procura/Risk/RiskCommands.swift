import ArgumentParser

/// `procura risk`: the supply-risk reports. `procura risk DATA|--database URL …` is the exposure
/// report (``RiskCommand``, the default subcommand); `procura risk plans` and `procura risk plan
/// set|delete` keep the redundancy plans of the vital item-locations (docs/risk.md).
struct RiskCommands: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "risk",
        abstract:
            "Supply risk: single-source and long-lead exposure (the default), and the redundancy plans of vital item-locations.",
        discussion: """
            `procura risk DATA|--database URL [--exposed]` runs the exposure report (`procura risk exposure`). \
            `procura risk plans` lists the redundancy plans with their alerts; `procura risk plan set|delete` \
            changes one. A data folder named `plans`, `plan` or `exposure` must be given as `./plans`.
            """,
        subcommands: [RiskCommand.self, RiskPlansCommand.self, RiskPlanCommand.self],
        defaultSubcommand: RiskCommand.self)
}
