import DataImport
import InventoryCore
import Testing

@Suite("excess.include_on_order setting")
struct ExcessOnOrderSettingsTests {
    @Test("off by default; true turns it on")
    func read() throws {
        #expect(try SettingsText.parse("currency: EUR\n").excess.includeOnOrder == false)
        #expect(try SettingsText.parse("excess:\n  include_on_order: true\n").excess.includeOnOrder)
    }

    @Test("a value that is not true or false is refused naming the key and the value")
    func refused() throws {
        #expect(
            try SettingsTests.errors("excess:\n  include_on_order: sometimes\n") == [
                "settings.yaml: excess.include_on_order — expected true or false, got sometimes"
            ])
    }
}
