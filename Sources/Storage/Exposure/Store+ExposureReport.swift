public import InventoryCore
public import Planning

extension Store {
    /// The monthly excess exposure report of the database's data
    /// (``Planning/ExposureReport/planned(snapshot:month:orders:progress:)``), with the stored
    /// purchase orders (``orderLineFacts()``) as the buyers' decisions — `procura exposure
    /// --database`, `GET /api/v1/excess/exposure` and the page.
    ///
    /// `snapshot`: the database's data as already read (the web application's view); `nil` reads it.
    ///
    /// - Throws: ``InventoryPolicy/PolicyError`` for a bad month or data the excess calculation refuses.
    public func exposureReport(
        month: String?, snapshot: Snapshot? = nil, progress: any ProgressReporter = SilentProgress()
    ) async throws -> ExposureReport {
        let data: Snapshot
        if let snapshot {
            data = snapshot
        } else {
            data = try await loadSnapshot(settings: try await planningSettings())
        }
        let orders = try await orderLineFacts()
        return try await ExposureReport.planned(snapshot: data, month: month, orders: orders, progress: progress)
    }
}
