import Synchronization

/// The queue of faults waiting for requests; each fault hits its next `count` matching requests.
final class FaultInjector: Sendable {
    private let queue = Mutex<[Fault]>([])

    /// Queues a fault behind those already waiting.
    func inject(_ fault: Fault) {
        guard fault.count > 0 else { return }
        queue.withLock { $0.append(fault) }
    }

    /// Takes one hit from the oldest fault that matches, if any.
    func take(listener: Listener, method: String, target: String) -> Fault.Kind? {
        queue.withLock { faults in
            guard
                let index = faults.firstIndex(where: { $0.matches(listener: listener, method: method, target: target) })
            else { return nil }
            let kind = faults[index].kind
            faults[index].count -= 1
            if faults[index].count == 0 { faults.remove(at: index) }
            return kind
        }
    }
}
