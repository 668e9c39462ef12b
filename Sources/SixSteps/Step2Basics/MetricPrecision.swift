/// How many decimals a metric's values are written with: one rule per metric, so the same value
/// reads the same on every page and on the command line.
///
/// The scale decides the start: a step of at most a fiftieth of the scale (a grade from 1 to 10
/// gets one decimal, a percentage none, a 1–5 score two). Without a scale the size of the values
/// decides. Small samples (every n below 30) lose a decimal they cannot carry. And a value never
/// rounds onto the target it has not reached: then the metric gets a decimal more, up to three.
public enum MetricPrecision {
    /// `values` in the order they were measured (the baseline first): two measurements in a row
    /// that differ must not read the same, or a change would stand between two equal numbers.
    public static func decimals(scaleMin: Double?, scaleMax: Double?, target: Double?, higherIsBetter: Bool,
                                values: [Double], largestN: Int?) -> Int {
        let range: Double
        if let low = scaleMin, let high = scaleMax, high > low {
            range = high - low
        } else {
            range = (values + [target].compactMap { $0 }).map(abs).max() ?? 0
        }
        var decimals = 0
        if range > 0 {
            var step = range / 50
            while step < 1 && decimals < 3 {
                step *= 10
                decimals += 1
            }
        }
        if let largestN, largestN < 30, decimals > 0 { decimals -= 1 }
        func rounded(_ value: Double, _ places: Int) -> Double {
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            return (value * scale).rounded() / scale
        }
        let pairs = zip(values, values.dropFirst()).filter { abs($0 - $1) > 1e-9 }
        while decimals < 3, pairs.contains(where: { rounded($0, decimals) == rounded($1, decimals) }) {
            decimals += 1
        }
        guard let target else { return decimals }
        // Short of the target, but written as the target: one decimal more until they differ.
        let short = values.filter { higherIsBetter ? $0 < target : $0 > target }
        while decimals < 3, short.contains(where: { rounded($0, decimals) == rounded(target, decimals) }) {
            decimals += 1
        }
        return decimals
    }
}

extension RoadmapFile {
    /// The decimals of every metric, by slug, from its scale, target, baseline and measurements.
    public func metricDecimals() throws -> [String: Int] {
        try read {
            let measurements = Dictionary(grouping: try records(.measurement), by: { $0[.metric].string ?? "" })
            var result: [String: Int] = [:]
            for metric in try records(.metric) {
                let measured = measurements[metric.ref] ?? []
                let inOrder = measured.sorted { ($0[.cycle].int ?? 0) < ($1[.cycle].int ?? 0) }
                let values = [metric[.baseline].double].compactMap { $0 } + inOrder.compactMap { $0[.value].double }
                let sizes = measured.compactMap { $0[.n].int }
                result[metric.ref] = MetricPrecision.decimals(
                    scaleMin: metric[.scaleMin].double, scaleMax: metric[.scaleMax].double, target: metric[.target].double,
                    higherIsBetter: metric[.direction].string != "lower", values: values,
                    largestN: sizes.count == measured.count ? sizes.max().map { Int($0) } : nil)
            }
            return result
        }
    }
}
