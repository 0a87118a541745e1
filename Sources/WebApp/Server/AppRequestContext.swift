public import Hummingbird
public import HummingbirdAuth
public import NIOCore

/// The request context of every route: Hummingbird's core storage, the authenticated
/// ``Principal`` (set by ``PrincipalMiddleware``), and the client's address (for the sign-in rate
/// limit and the logs).
public struct AppRequestContext: AuthRequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Principal?
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.identity = nil
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Request bodies (JSON, forms) up to 1 MiB.
    public var maxUploadSize: Int { 1 << 20 }

    /// The client's IP address as text (`unknown` when the channel has none, as in router tests).
    public var clientAddress: String { remoteAddress?.ipAddress ?? "unknown" }
}
