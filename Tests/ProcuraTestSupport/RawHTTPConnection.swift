public import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking HTTP/1.1 client over one TCP connection to 127.0.0.1, for tests that must control
/// when each byte is sent (a request whose body arrives in two parts).
///
/// Reads block, so they run on a thread of their own, never on the concurrency pool: on two cores
/// the pool has two threads, and a test blocking one while another test blocks the other left the
/// server's handlers no thread to answer on (the read then timed out after 0 bytes).
public final class RawHTTPConnection: @unchecked Sendable {
    /// A socket call failed or the peer closed early.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// One response: status, head as sent (status line and header lines) and body.
    public struct Response: Sendable {
        public var status: Int
        public var head: String
        public var body: String

        /// The first header called `name` (case-insensitive), without surrounding blanks.
        public func header(_ name: String) -> String? {
            for line in head.split(separator: "\r\n").dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                if line[..<colon].lowercased() == name.lowercased() {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    private let descriptor: Int32

    /// Connects to `port` on loopback; a read waits at most `timeoutSeconds`.
    public init(port: Int, timeoutSeconds: Int = 30) throws {
        #if canImport(Glibc)
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw Failure(description: "socket() failed: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "connect() to port \(port) failed: errno \(errno)")
        }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    /// Writes all of `bytes`.
    public func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write() failed: errno \(errno)") }
            offset += written
        }
    }

    /// Reads one response with a `Content-Length` body, on a thread of its own.
    public func receiveResponse() async throws -> Response {
        try await offThePool { try self.blockingReceiveResponse() }
    }

    /// Reads until the server closes the connection (a request sent with `Connection: close`) and
    /// returns the one response, its body de-chunked when sent in chunks.
    public func receiveUntilClosed() async throws -> Response {
        try await offThePool { try self.blockingReceiveUntilClosed() }
    }

    private func blockingReceiveUntilClosed() throws -> Response {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            guard count > 0 else { throw Failure(description: "the read timed out after \(data.count) bytes") }
            data += buffer[..<count]
        }
        guard let end = Self.headEnd(data) else {
            throw Failure(description: "the connection closed after \(data.count) bytes without a complete head")
        }
        let head = String(decoding: data[..<end], as: UTF8.self)
        let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
        var response = Response(status: status, head: head, body: "")
        var body = Array(data[end...])
        if response.header("Transfer-Encoding")?.lowercased() == "chunked" { body = try Self.dechunk(body) }
        response.body = String(decoding: body, as: UTF8.self)
        return response
    }

    private static func headEnd(_ data: [UInt8]) -> Int? {
        guard data.count >= 4 else { return nil }
        for i in 0...(data.count - 4) where data[i] == 13 && data[i + 1] == 10 && data[i + 2] == 13 && data[i + 3] == 10 {
            return i + 4
        }
        return nil
    }

    /// Decodes a chunked body (RFC 9112 §7.1): hexadecimal size line, data, CRLF, until size 0.
    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while true {
            guard let lineEnd = (i..<max(i, bytes.count - 1)).first(where: { bytes[$0] == 13 && bytes[$0 + 1] == 10 }) else {
                throw Failure(description: "a chunk size line is not terminated")
            }
            let sizeText = String(decoding: bytes[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else {
                throw Failure(description: "'\(sizeText)' is not a chunk size")
            }
            if size == 0 { return out }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw Failure(description: "a chunk of \(size) bytes is cut short") }
            out += bytes[start..<(start + size)]
            i = start + size + 2
        }
    }

    private func blockingReceiveResponse() throws -> Response {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            if let end = Self.headEnd(data) {
                let head = String(decoding: data[..<end], as: UTF8.self)
                let length =
                    head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                    .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                if data.count - end >= length {
                    let status = Int(head.split(separator: " ").dropFirst().first ?? "") ?? 0
                    return Response(status: status, head: head, body: String(decoding: data[end..<(end + length)], as: UTF8.self))
                }
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { throw Failure(description: "the connection closed or timed out after \(data.count) bytes") }
            data += buffer[..<count]
        }
    }
}

/// One request to a server on loopback over a fresh connection, read off the concurrency pool —
/// the tests' HTTP client for a `procura serve` subprocess (FoundationNetworking's URLSession
/// crashed the test process when a time limit cancelled a request: "Trying to access a behaviour
/// for a task that in not in the registry").
public enum LoopbackHTTP {
    /// Sends `method url` with `headers` and `body` and returns the response.
    ///
    /// `url` is `http://127.0.0.1:PORT/path…` (what `procura serve` prints).
    public static func send(
        _ method: String, _ url: String, headers: [String: String] = [:], body: String? = nil, timeoutSeconds: Int = 120
    ) async throws -> RawHTTPConnection.Response {
        guard let parsed = URLComponents(string: url), let port = parsed.port, parsed.host == "127.0.0.1" else {
            throw RawHTTPConnection.Failure(description: "'\(url)' is not http://127.0.0.1:PORT/…")
        }
        let target = parsed.percentEncodedPath.isEmpty ? "/" : parsed.percentEncodedPath
        let query = parsed.percentEncodedQuery.map { "?" + $0 } ?? ""
        let bytes = Array((body ?? "").utf8)
        var head = "\(method) \(target)\(query) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { head += "\(name): \(value)\r\n" }
        if body != nil || method == "POST" { head += "Content-Length: \(bytes.count)\r\n" }
        head += "\r\n"
        let connection = try RawHTTPConnection(port: port, timeoutSeconds: timeoutSeconds)
        try connection.send(Array(head.utf8) + bytes)
        return try await connection.receiveUntilClosed()
    }
}
