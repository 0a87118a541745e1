import Foundation

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
final class RawHTTPConnection: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Response: Sendable {
        var status: Int
        var head: String
        var body: String
    }

    private let descriptor: Int32

    /// Connects to `port` on loopback; a read waits at most `timeoutSeconds`.
    init(port: Int, timeoutSeconds: Int = 30) throws {
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

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write() failed: errno \(errno)") }
            offset += written
        }
    }

    /// Reads one response with a `Content-Length` body, on a thread of its own.
    func receiveResponse() async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            let reader = Thread { continuation.resume(with: Result { try self.blockingReceiveResponse() }) }
            reader.start()
        }
    }

    private func blockingReceiveResponse() throws -> Response {
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        func headEnd() -> Int? {
            guard data.count >= 4 else { return nil }
            for i in 0...(data.count - 4) where data[i] == 13 && data[i + 1] == 10 && data[i + 2] == 13 && data[i + 3] == 10 {
                return i + 4
            }
            return nil
        }
        while true {
            if let end = headEnd() {
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
