import Testing

/// The real `migdash` binary in tmux against a `migdash simulate` process.
///
/// One test at a time: each runs a simulator and a dashboard, and the machines these run on may have two cores.
@Suite("End to end: the real binary in tmux against the simulator", .serialized, .timeLimit(.minutes(1)))
struct EndToEndTests {}
