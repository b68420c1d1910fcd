import Foundation

extension DashboardState {
    /// Seconds until something in the state falls due: a poll, the end of a hold, a notice expiring, a
    /// countdown or a download ticking. Idle, this is up to half a minute. Both runtimes (the screen's and
    /// `migdash watch`'s) sleep this long unless a result arrives first.
    public func secondsUntilDue(at now: Date) -> Double {
        var wait = 30.0
        // A poll in flight wakes the loop through the inbox when it answers; only idle targets count.
        if let due = nextPollDue(after: now) { wait = min(wait, due.timeIntervalSince(now)) }
        if let until = poll.blockedUntil { wait = min(wait, until.timeIntervalSince(now)) }
        if let notice { wait = min(wait, notice.until.timeIntervalSince(now)) }
        // Countdowns on screen: a retry, a client pause, a download's rate.
        if case .retrying = connection { wait = min(wait, 1) }
        if apiPause != nil || !downloads.isEmpty { wait = min(wait, 1) }
        // Notifications held for others to join them go when their window ends.
        if let since = alerts.since {
            wait = min(wait, since.addingTimeInterval(AlertTally.window).timeIntervalSince(now))
        }
        // The next action of a batch goes a second after the last one.
        if let batch = batches.first, batch.current == nil, !batch.waiting.isEmpty {
            wait = min(wait, (lastBatchWrite ?? now).addingTimeInterval(ActionBatch.spacing).timeIntervalSince(now))
        }
        // "updated 25s ago" moves in steps of five seconds.
        if lastRefresh != nil { wait = min(wait, 5) }
        return max(0.005, wait)
    }
}
