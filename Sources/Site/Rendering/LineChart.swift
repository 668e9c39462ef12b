import SixSteps

extension PageContext {
    /// A line over cycles with an optional target line; missing values leave a gap in the line.
    public func lineChart(id: String, caption: String, description: String, labels: [String], values: [Double?],
                          target: Double?, range: ClosedRange<Double>?, markers: [Int: String] = [:]) -> Node {
        let width = 640.0, height = 260.0, left = 48.0, right = 16.0, top = 16.0, bottom = 48.0
        let known = values.compactMap { $0 } + (target.map { [$0] } ?? [])
        var low = range?.lowerBound ?? (known.min() ?? 0)
        var high = range?.upperBound ?? (known.max() ?? 1)
        if range == nil { (low, high) = (low - (high - low) * 0.2 - 0.5, high + (high - low) * 0.2 + 0.5) }
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double { left + (labels.count > 1 ? Double(index) / Double(labels.count - 1) * plotWidth : plotWidth / 2) }
        func y(_ value: Double) -> Double { top + (1 - (value - low) / max(high - low, 0.000_1)) * plotHeight }
        var segments: [[(Double, Double)]] = [[]]
        for (index, value) in values.enumerated() {
            if let value { segments[segments.count - 1].append((x(index), y(value))) } else if !(segments.last?.isEmpty ?? true) {
                segments.append([])
            }
        }
        let chart = SVG.canvas(id: id, width: width, height: height, title: caption, description: description) {
            SVG.line(x1: left, y1: top + plotHeight, x2: width - right, y2: top + plotHeight, classes: "axis")
            SVG.text(number(high, decimals: 1), x: left - 6, y: top + 4, anchor: "end")
            SVG.text(number(low, decimals: 1), x: left - 6, y: top + plotHeight, anchor: "end")
            if let target {
                SVG.line(x1: left, y1: y(target), x2: width - right, y2: y(target), classes: "target")
                SVG.text(t("doel", "target") + " " + number(target), x: width - right, y: y(target) - 6, anchor: "end", classes: "label target-label")
            }
            segments.filter { $0.count > 1 }.map { SVG.polyline($0, classes: "trend") }
            values.enumerated().compactMap { index, value in value.map { SVG.circle(x: x(index), y: y($0), radius: 4, classes: "point") } }
            labels.enumerated().map { index, label in
                SVG.text(label, x: x(index), y: height - bottom + 18, anchor: "middle")
            }
            markers.sorted { $0.key < $1.key }.map { index, label in
                SVG.text(label, x: x(index), y: height - bottom + 36, anchor: "middle", classes: "label marker")
            }
        }
        let rows = labels.enumerated().map { index, label in
            [Node.text(label), Node.text(values[index].map { number($0, decimals: 2) } ?? "–"), Node.text(markers[index] ?? "")]
        }
        return figure(caption: caption, chart: chart,
                      table: table(caption: caption, headers: [t("Cyclus", "Cycle"), t("Waarde", "Value"), t("Afgerond", "Done")],
                                   numeric: [1], rows: rows))
    }
}
