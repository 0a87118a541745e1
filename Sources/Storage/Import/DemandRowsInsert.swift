import SQLKit

/// `INSERT INTO demand …` for many rows with two binds per row: each item-location's rows are
/// one `SELECT item, location, v.column1, source, v.column2, bucket FROM (VALUES (date, qty), …) AS v`,
/// joined with `UNION ALL`. A third of the binds of a plain multi-row insert, so a third of the
/// serialising and binding; valid SQL for SQLite and PostgreSQL alike (both name the columns of
/// a `VALUES` table `column1`, `column2`, …).
struct DemandRowsInsert: SQLExpression {
    /// One item-location and its (date, quantity) rows.
    struct Series: Sendable {
        var itemID: String
        var locationID: String
        var rows: [(date: String, quantity: Int64)]
    }

    var series: [Series]
    var source: String
    var bucket: String

    /// Binds of a statement holding `series` with `rows` rows in all.
    static func bindCount(series: Int, rows: Int) -> Int { series * 4 + rows * 2 }

    func serialize(to serializer: inout SQLSerializer) {
        serializer.write("INSERT INTO demand (item_id, location_id, demand_date, source, quantity, bucket) ")
        for (k, one) in series.enumerated() {
            if k > 0 { serializer.write(" UNION ALL ") }
            serializer.write("SELECT ")
            serializer.write(bind: one.itemID)
            serializer.write(", ")
            serializer.write(bind: one.locationID)
            serializer.write(", v.column1, ")
            serializer.write(bind: source)
            serializer.write(", v.column2, ")
            serializer.write(bind: bucket)
            serializer.write(" FROM (VALUES ")
            for (j, row) in one.rows.enumerated() {
                serializer.write(j == 0 ? "(" : ", (")
                serializer.write(bind: row.date)
                serializer.write(", ")
                serializer.write(bind: row.quantity)
                serializer.write(")")
            }
            serializer.write(") AS v")
        }
    }
}
