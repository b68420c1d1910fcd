import Foundation

/// A duration as a person types it: `90s`, `30m`, `2h`, `1h30m`, `7d`, or a bare number of seconds.
enum DurationText {
    /// The seconds `text` means, nil when it is not a duration or passes 365 days.
    static func seconds(_ text: String) -> Double? {
        if let plain = Double(text), plain.isFinite, plain >= 0 { return plain <= 31_536_000 ? plain : nil }
        var total = 0.0
        var digits = ""
        for character in text.lowercased() {
            if character.isASCII, character.isNumber {
                digits.append(character)
                continue
            }
            let unit: Double
            switch character {
            case "s": unit = 1
            case "m": unit = 60
            case "h": unit = 3_600
            case "d": unit = 86_400
            default: return nil
            }
            guard let value = Double(digits), digits.count <= 9 else { return nil }
            total += value * unit
            digits = ""
        }
        guard digits.isEmpty, !text.isEmpty, total <= 31_536_000 else { return nil }
        return total
    }
}
