import Testing

/// The real `migdash` binary in tmux against a `migdash simulate` process.
///
/// One test at a time: each runs a simulator and a dashboard, and the machines these run on may have two cores.
/// The time limit guards against a hang; it is above the 120 s the fatal-signal test allows a backtrace on a
/// loaded machine (a limit of one minute cut that test short at a load average of 8).
@Suite("End to end: the real binary in tmux against the simulator", .serialized, .timeLimit(.minutes(3)))
struct EndToEndTests {}
