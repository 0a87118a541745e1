/// How stock is valued (`settings.yaml`: `ledger.valuation`), as the reference file
/// `inventory_kpis.json` defines both methods (Horngren, Datar & Rajan, *Cost Accounting*, 15th ed.
/// 2015, ch. 9; Silver, Pyke & Thomas 2017, §2.7).
public enum Valuation: String, Hashable, Sendable, CaseIterable {
    /// First in, first out: each receipt is a layer at its own unit cost; an issue is costed at the
    /// cost of the oldest units it takes; stock is worth the sum of the remaining layers.
    case fifo
    /// Moving weighted average: a receipt of q at c makes the average
    /// `avg = (on_hand·avg + q·c) / (on_hand + q)`; an issue is costed at the current average;
    /// stock is worth on hand × average (the average is kept while stock is zero).
    case movingAverage = "moving_average"
}
