import Synchronization

/// The signed storage URLs already served, for simulating one-use URLs.
final class URLUseLedger: Sendable {
    private let used = Mutex<Set<String>>([])
    private let issued = Mutex(0)

    /// A number for the next URL, so two URLs issued in the same second still differ.
    func nextTicket() -> Int {
        issued.withLock {
            $0 += 1
            return $0
        }
    }

    /// True the first time `target` is seen, false ever after.
    func firstUse(of target: String) -> Bool {
        used.withLock { $0.insert(target).inserted }
    }
}
