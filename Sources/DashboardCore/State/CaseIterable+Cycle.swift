extension CaseIterable where Self: Equatable {
    /// The case `step` places after this one in declaration order, wrapping around (negative steps go back).
    func cycled(by step: Int) -> Self {
        let all = Array(Self.allCases)
        let index = all.firstIndex(of: self)!
        return all[((index + step) % all.count + all.count) % all.count]
    }
}
