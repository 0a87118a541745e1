import InventoryPolicy

extension CalcInputOptions {
    /// The input file's name as errors show it.
    var inputName: String { input == "-" ? "standard input" : input }

    /// Runs the calculator's one library function; inputs it refuses are invalid data (exit 65),
    /// reported as `FILE: message`.
    func compute<Result>(_ body: () throws(PolicyError) -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            throw CommandFailure.invalidData("\(inputName): \(error.message)")
        }
    }
}
