import ArgumentParser

/// `procura calc MODEL …`: the textbook inventory models as calculators for planners' what-ifs.
struct Calc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calc",
        abstract:
            "Inventory-model calculators: EOQ, newsvendor, (r,Q), (s,S), safety stock, loss function; from a JSON file: pooling, GSM, SSM, kanban, two-bin, hold-or-dispose, consignment, excess, backtest, simulate, kpis.",
        discussion: """
            Each prints one JSON object on stdout (keys sorted). Units are yours, used consistently: a \
            demand rate and a lead time in the same time unit, costs per unit per that time unit. Costs \
            are the textbook's for each model (Snyder & Shen, Fundamentals of Supply Chain Theory, 2nd \
            ed.). Bad or missing flags exit non-zero with a message on stderr.
            """,
        subcommands: [
            CalcEOQ.self, CalcNewsvendor.self, CalcRQ.self, CalcSS.self, CalcSafetyStock.self, CalcLoss.self,
            CalcPooling.self, CalcGSM.self, CalcSSM.self, CalcKanban.self, CalcTwoBin.self, CalcHoldOrDispose.self,
            CalcConsignment.self, CalcExcess.self, CalcBacktest.self, CalcSimulate.self, CalcKPIs.self,
        ]
    )
}
