public import InventoryCore

extension Store {
    /// The classes of a stored plan run as the previous classification of a re-classification with
    /// hysteresis (`procura classify --previous` takes the same from a file): ABC, XYZ and the
    /// demand pattern per item-location.
    ///
    /// - Throws: ``StorageError`` when there is no such run.
    public func previousClassification(runNumber: Int) async throws -> PreviousClassification {
        guard try await listPlanRuns().contains(where: { $0.runNumber == runNumber }) else {
            throw StorageError(.database, "no plan run \(runNumber) — `procura plan --database` lists the runs it stores")
        }
        var previous = PreviousClassification()
        for result in try await planResults(runNumber: runNumber, kind: "classification") {
            let c: ClassificationPayload
            do {
                c = try PlanRecorder.decode(ClassificationPayload.self, from: result.payload)
            } catch {
                throw StorageError(
                    .database,
                    "the classification of \(result.itemID) at \(result.locationID) in plan run \(runNumber) does not read back: \(error) — plan again (without hysteresis: --no-hysteresis)"
                )
            }
            previous.set(
                PreviousClassification.Entry(
                    abc: ABCClass(rawValue: c.abc), xyz: XYZClass(rawValue: c.xyz), pattern: DemandPattern(rawValue: c.pattern)),
                item: c.itemId, location: c.locationId)
        }
        return previous
    }
}
