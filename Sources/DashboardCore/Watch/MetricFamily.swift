/// One metric as Prometheus names it: a name, its help line, its type, and a value per label set.
/// Built by `WatchMetrics` from the state (pure); written in Prometheus's text format at the edge.
public struct MetricFamily: Sendable, Equatable {
    /// A counter only goes up (its name ends in `_total`); a gauge is a reading.
    public enum Kind: Sendable, Equatable {
        case counter, gauge
    }

    /// One value and the labels that tell it apart from the family's others.
    public struct Sample: Sendable, Equatable {
        /// Label names and values, in the order written.
        public var labels: [(String, String)]
        /// The value.
        public var value: Double

        /// A value with no labels.
        public static func value(_ value: Double) -> Sample { Sample([], value) }

        /// A sample.
        public init(_ labels: [(String, String)], _ value: Double) {
            self.labels = labels
            self.value = value
        }

        public static func == (lhs: Sample, rhs: Sample) -> Bool {
            lhs.value == rhs.value && lhs.labels.map(\.0) == rhs.labels.map(\.0)
                && lhs.labels.map(\.1) == rhs.labels.map(\.1)
        }
    }

    /// `migdash_…`, in base units.
    public var name: String
    /// What it measures, one line.
    public var help: String
    /// Counter or gauge.
    public var kind: Kind
    /// The values; an empty family is still named, so a dashboard can tell "none" from "unknown".
    public var samples: [Sample]

    /// A family.
    public init(_ name: String, _ kind: Kind, _ help: String, _ samples: [Sample]) {
        self.name = name
        self.kind = kind
        self.help = help
        self.samples = samples
    }
}
