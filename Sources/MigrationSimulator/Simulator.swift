import Foundation
import Synchronization

/// A fake GitHub for the Migrations and Source Imports APIs, served over real HTTP on loopback.
///
/// It answers at the root (github.com style) and under `/api/v3` (Enterprise Server style). Archive
/// downloads redirect to a second listener, another origin as S3 is. Time is the wall clock plus an
/// offset that `advance(seconds:)` moves, so tests change states without sleeping.
///
/// The same controls are served over HTTP for tests that drive another process; they need no token
/// and are not recorded among `requests`:
/// - `POST /_simulator/advance` with `{"seconds": N}` moves the clock forward.
/// - `POST /_simulator/faults` with one fault, such as
///   `{"kind":"status","status":502,"method":"POST","path":"/orgs","count":1}`; kinds are `status`,
///   `primaryRateLimit`, `secondaryRateLimit` (`retryAfter`, `status`), `stall` (`seconds`) and
///   `dropMidBody` (`listener`: `api` or `storage`; `afterBytes`: where to cut, half by default) and
///   `ignoreRange` (storage answers 200 with the whole archive whatever `Range` asks).
/// - `POST /_simulator/retired-imports` with `{"mode":"404"}`, `{"mode":"410"}` or `{"mode":null}`.
/// - `GET /_simulator/requests` lists recorded requests; `DELETE /_simulator/requests` forgets them.
public final class Simulator: Sendable {
    let options: SimulatorOptions
    let clock: SimulatorClock
    let world: Mutex<SimulatorWorld>
    let rateLimiter: RateLimiter
    let faults = FaultInjector()
    let log = RequestLog()
    let archives = ArchiveStore()
    let signer = ArchiveURLSigner()
    let urlUses = URLUseLedger()
    let retiredImports: Mutex<RetiredImports?>
    let requestIDs = RequestIDGenerator()
    let server = Mutex<ServerHandles>(ServerHandles())

    /// A simulator with `options`; nothing listens until `start()`.
    public init(options: SimulatorOptions = .init()) {
        self.options = options
        clock = SimulatorClock(frozen: options.frozenClock)
        rateLimiter = RateLimiter(limit: options.rateLimit)
        retiredImports = Mutex(options.retiredImports)
        world = Mutex(SimulatorWorld.make(options: options, now: clock.now))
    }

    /// Moves the simulator clock forward; migrations, imports and URL expiry follow it.
    public func advance(seconds: Double) {
        clock.advance(seconds: seconds)
    }

    /// Queues a fault behind those already waiting.
    public func inject(_ fault: Fault) {
        faults.inject(fault)
    }

    /// Switches the retired-API answer of every `/import` endpoint on (404 or 410) or off (`nil`).
    public func setRetiredImports(_ mode: RetiredImports?) {
        retiredImports.withLock { $0 = mode }
    }

    /// Every request both listeners answered, in the order the answers were decided.
    public var requests: [RecordedRequest] {
        log.all
    }

    /// Forgets the recorded requests.
    public func clearRequests() {
        log.clear()
    }
}
