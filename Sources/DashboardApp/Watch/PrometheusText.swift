import DashboardCore
import Prometheus

/// Writes metric families in Prometheus's text exposition format through swift-prometheus, so names,
/// label values (an organization's login is the server's text) and numbers are escaped and formatted
/// by the Prometheus project's rules rather than ours.
enum PrometheusText {
    /// The families as one scrape's body. A fresh registry each time: the families are a reading of the
    /// state, and a series that went away (an archive downloaded) must go from the next scrape.
    static func render(_ families: [MetricFamily]) -> [UInt8] {
        let registry = PrometheusCollectorRegistry()
        for family in families {
            for sample in family.samples {
                switch family.kind {
                case .gauge:
                    registry.makeGauge(name: family.name, labels: sample.labels, help: family.help).set(sample.value)
                case .counter:
                    registry.makeCounter(name: family.name, labels: sample.labels, help: family.help)
                        .increment(by: sample.value)
                }
            }
        }
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
