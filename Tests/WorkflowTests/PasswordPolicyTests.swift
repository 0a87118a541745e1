import Testing
import Workflow

@Suite("Password policy")
struct PasswordPolicyTests {
    static let rule =
        "A password needs 12 or more characters, at most 72 bytes in UTF-8, not one character repeated, and must not be on the list of common passwords."

    struct Case: Sendable, CustomTestStringConvertible {
        var password: String
        var refusal: String?
        var testDescription: String { password.debugDescription }
    }

    @Test(
        "refusals name the broken part and the whole rule",
        arguments: [
            Case(password: "eleven-char", refusal: "the password has 11 characters"),
            Case(password: "twelve-chars", refusal: nil),
            Case(password: String(repeating: "ab", count: 36), refusal: nil),  // 72 bytes
            Case(
                password: String(repeating: "ab", count: 36) + "c",
                refusal: "the password has 73 bytes in UTF-8 — bcrypt reads only the first 72"),
            // 24 × "é" (2 bytes each) + 24 ASCII = 72 bytes, 48 characters; one more "é" is 74.
            Case(password: String(repeating: "éa", count: 24), refusal: nil),
            Case(
                password: String(repeating: "éa", count: 24) + "é",
                refusal: "the password has 74 bytes in UTF-8 — bcrypt reads only the first 72"),
            Case(password: "zzzzzzzzzzzzzz", refusal: "the password is one character repeated"),
            Case(password: "qwerty123456", refusal: "the password is on the list of common passwords"),
            Case(password: "QWERTY123456", refusal: "the password is on the list of common passwords"),
            Case(password: "1qaz2wsx3edc", refusal: "the password is on the list of common passwords"),
            Case(password: "abc\u{0}defghijklm", refusal: "the password contains a NUL character, where bcrypt would cut it"),
            Case(password: "correct horse battery staple", refusal: nil),
        ])
    func check(_ c: Case) {
        do {
            try PasswordPolicy.check(c.password)
            #expect(c.refusal == nil, "accepted")
        } catch {
            #expect(error.code == .weakPassword && error.field == "password")
            #expect(error.message == (c.refusal.map { "\($0). \(Self.rule)" } ?? "accepted"))
        }
    }

    @Test("the shipped block list is read, in lower case, and only holds passwords the length rule lets through")
    func blockList() {
        #expect(CommonPasswords.entries.count > 150)
        #expect(CommonPasswords.entries.contains("qwertyuiop123"))
        #expect(CommonPasswords.entries.allSatisfy { $0 == $0.lowercased() && $0.utf8.count >= 12 })
        #expect(CommonPasswords.contains(" Password1234 "), "compared trimmed and in lower case")
    }
}
