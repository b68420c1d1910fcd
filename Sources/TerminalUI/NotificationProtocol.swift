/// Which escape sequence carries a desktop notification. No terminal says which it understands, and over
/// SSH nothing can find out, so the user chooses; `both` reaches the most terminals.
public enum NotificationProtocol: String, CaseIterable, Sendable, Equatable {
    /// `OSC 777 ; notify ; TITLE ; BODY`: urxvt's notify extension, foot, WezTerm, Konsole, VTE with Fedora's patch.
    case osc777
    /// `OSC 9 ; TEXT`: iTerm2's, also read by kitty, Ghostty, WezTerm and Windows Terminal; text only.
    case osc9
    /// Both, one after the other: a terminal acts on the one it knows and ignores the other (one that
    /// knows both shows two notifications; choose one for it).
    case both

    /// True when the OSC 777 sequence is sent.
    public var sendsOSC777: Bool { self != .osc9 }

    /// True when the OSC 9 sequence is sent.
    public var sendsOSC9: Bool { self != .osc777 }
}
