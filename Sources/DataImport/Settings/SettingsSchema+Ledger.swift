import InventoryCore

extension SettingsSchema {
    /// `ledger.*`: the window of accepted posting dates around today and the valuation method
    /// (``LedgerSettings``).
    static var ledgerKeys: [SettingsKey] {
        [
            .wholeNumber("ledger.posting_days_back", \.ledger.postingDaysBack, minimum: 0),
            .wholeNumber("ledger.posting_days_ahead", \.ledger.postingDaysAhead, minimum: 0),
            .choice("ledger.valuation", \.ledger.valuation),
        ]
    }
}
