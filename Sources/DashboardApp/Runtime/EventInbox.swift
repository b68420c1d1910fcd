import DashboardCore
import Foundation
import Synchronization

/// Where effects and signals post their events, from any thread; a pipe wakes the runtime's `poll`.
final class EventInbox: Sendable {
    private let pending = Mutex<[Event]>([])
    /// The read end, watched by the runtime next to the terminal's input.
    let wakeDescriptor: Int32
    private let writeDescriptor: Int32

    init() {
        var fds: [Int32] = [0, 0]
        if pipe(&fds) != 0 { fds = [-1, -1] }
        wakeDescriptor = fds[0]
        writeDescriptor = fds[1]
        for fd in fds where fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    deinit {
        close(wakeDescriptor)
        close(writeDescriptor)
    }

    /// Queues an event and wakes the runtime.
    func post(_ event: Event) {
        pending.withLock { $0.append(event) }
        wake()
    }

    /// Wakes the runtime without an event (a metrics scrape waiting for a reading).
    func wake() {
        var byte: UInt8 = 1
        _ = write(writeDescriptor, &byte, 1)
    }

    /// Takes every queued event and empties the wake pipe.
    func drain() -> [Event] {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
        return pending.withLock { events in
            defer { events.removeAll() }
            return events
        }
    }
}
