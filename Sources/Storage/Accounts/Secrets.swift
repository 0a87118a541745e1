import Crypto
import Foundation

/// Random secrets and their hashes: session cookies, CSRF tokens, API tokens and one-time passwords.
///
/// Secrets are 32 bytes from the system's cryptographic generator (`SystemRandomNumberGenerator`:
/// `getrandom(2)` on Linux) in URL-safe base64; stored are their SHA-256 hashes in hex. A
/// high-entropy secret needs no slow hash (unlike a password, it cannot be guessed from a list).
public enum Secrets {
    /// A new random secret, URL-safe base64 without padding (43 characters for 32 bytes).
    public static func random(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Hex SHA-256 of the text's UTF-8.
    public static func sha256Hex(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// A password a person can type: 20 characters from an alphabet without look-alikes (≈ 115 bits).
    public static func password(length: Int = 20) -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// Compares two strings in time that depends only on their lengths (for CSRF tokens).
    public static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in 0..<x.count { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
