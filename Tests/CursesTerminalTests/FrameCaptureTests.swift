import Testing

@testable import CursesTerminal

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipe standing in for the terminal: what reaches it can be read back without blocking.
private final class PipeTerminal: Sendable {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        readEnd = ends[0]
        writeEnd = ends[1]
        _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Everything written so far and not yet read.
    func received() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(readEnd, &chunk, chunk.count)
            if count <= 0 { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// What ncurses would do: write to the descriptor it was given.
private func put(_ text: String, to descriptor: Int32) {
    let bytes = Array(text.utf8)
    #expect(write(descriptor, bytes, bytes.count) == bytes.count)
}

@Suite("Collecting a frame's output for one write")
struct FrameCaptureTests {
    @Test("what ncurses writes while collecting reaches the terminal only at send, all of it, in order")
    func collectsUntilSend() throws {
        let terminal = try PipeTerminal()
        let frames = try #require(FrameCapture(terminal: terminal.writeEnd))
        defer { frames.release() }
        put("outside ", to: frames.cursesDescriptor)
        #expect(terminal.received() == "outside ", "outside `collect` ncurses' descriptor is the terminal")
        frames.collect {
            put("set-up ", to: frames.cursesDescriptor)
            put("bell ", to: frames.cursesDescriptor)
        }
        frames.collect { put("frame", to: frames.cursesDescriptor) }
        #expect(terminal.received() == "", "nothing leaves before `send`")
        frames.send()
        #expect(terminal.received() == "set-up bell frame")
        frames.send()
        #expect(terminal.received() == "", "a second send has nothing left to send")
        frames.collect { put("next", to: frames.cursesDescriptor) }
        frames.send()
        #expect(terminal.received() == "next", "each frame starts afresh, with nothing of a longer one before it")
    }

    @Test("controls appended after a frame leave with it, after it; the next frame does not overwrite them")
    func appendedControls() throws {
        let terminal = try PipeTerminal()
        let frames = try #require(FrameCapture(terminal: terminal.writeEnd))
        defer { frames.release() }
        frames.collect { put("frame ", to: frames.cursesDescriptor) }
        frames.append(Array("\u{1B}]52;c;MTA0Mg==\u{7}".utf8))
        frames.collect { put("bell", to: frames.cursesDescriptor) }
        #expect(terminal.received() == "", "nothing leaves before `send`")
        frames.send()
        #expect(terminal.received() == "frame \u{1B}]52;c;MTA0Mg==\u{7}bell")
        // Alone, with nothing collected: a copy in a turn whose frame did not change.
        frames.append(Array("\u{1B}]9;done\u{7}".utf8))
        frames.send()
        #expect(terminal.received() == "\u{1B}]9;done\u{7}")
        frames.collect { put("next", to: frames.cursesDescriptor) }
        frames.send()
        #expect(terminal.received() == "next")
    }

    @Test("a frame larger than a pipe holds is collected whole and sent whole")
    func largeFrame() async throws {
        let terminal = try PipeTerminal()
        let frames = try #require(FrameCapture(terminal: terminal.writeEnd))
        defer { frames.release() }
        // More than the 64 KiB a pipe holds: ncurses writing into a pipe would have blocked here.
        let line = String(repeating: "x", count: 1023) + "\n"
        frames.collect {
            for _ in 0..<200 { put(line, to: frames.cursesDescriptor) }
        }
        #expect(terminal.received().isEmpty)
        // The reader drains while `send` writes to the full pipe.
        let reader = Task.detached { () -> Int in
            var total = 0
            while total < 200 * 1024 {
                let got = terminal.received().utf8.count
                total += got
                if got == 0 { try? await Task.sleep(for: .milliseconds(1)) }
            }
            return total
        }
        frames.send()
        #expect(await reader.value == 200 * 1024)
    }
}
