import InventoryCore

extension SettingsSchema {
    /// `ledger.*`: the window of accepted posting dates around today (``LedgerSettings``).
    static var ledgerKeys: [SettingsKey] {
        [
            .wholeNumber("ledger.posting_days_back", \.ledger.postingDaysBack, minimum: 0),
            .wholeNumber("ledger.posting_days_ahead", \.ledger.postingDaysAhead, minimum: 0),
        ]
    }
}
