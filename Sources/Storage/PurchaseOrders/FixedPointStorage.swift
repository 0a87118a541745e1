import InventoryCore

/// Fixed-point conversions for storage code, a ledger range error as ``StorageError``.
enum FixedPointStorage {
    /// `body`'s value; its ``InventoryCore/LedgerError`` as ``StorageError/Code/valueOutOfRange``.
    static func value(_ body: () throws(LedgerError) -> Int64) throws(StorageError) -> Int64 {
        do {
            return try body()
        } catch {
            throw StorageError(error)
        }
    }
}
