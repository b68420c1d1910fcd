/// Where a migration was last seen in its scope's list, and in which reading.
public struct Sighting: Sendable, Equatable {
    /// The page it was on; nil once a reading of that page no longer showed it (it moved down as newer
    /// migrations arrived), until another page shows it.
    public var page: Int?
    /// The number of the page reading that last showed it (a page unchanged since counts): readings are
    /// counted rather than timed, so two in the same instant are still told apart.
    public var reading: Int

    /// A sighting on `page` in reading number `reading`.
    public init(page: Int?, reading: Int) {
        self.page = page
        self.reading = reading
    }
}
