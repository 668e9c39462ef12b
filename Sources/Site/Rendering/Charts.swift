import SixSteps

/// Inline SVG charts. Every chart is a figure with a title and a description for screen
/// readers, a caption, and the same numbers in a table beside it.
public enum SVG {
    public static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    public static func canvas(id: String, width: Double, height: Double, title: String, description: String,
                              @HTMLBuilder _ content: () -> Node) -> Node {
        el("svg", [Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 \(number(width)) \(number(height))"),
                   Attribute("role", "img"), .aria("labelledby", "\(id)-titel \(id)-uitleg"), .class("chart")]) {
            el("title", [.id("\(id)-titel")]) { title }
            el("desc", [.id("\(id)-uitleg")]) { description }
            content()
        }
    }

    public static func rect(x: Double, y: Double, width: Double, height: Double, classes: String) -> Node {
        el("rect", [Attribute("x", number(x)), Attribute("y", number(y)), Attribute("width", number(max(0, width))),
                    Attribute("height", number(max(0, height))), .class(classes)])
    }

    public static func line(x1: Double, y1: Double, x2: Double, y2: Double, classes: String) -> Node {
        el("line", [Attribute("x1", number(x1)), Attribute("y1", number(y1)), Attribute("x2", number(x2)),
                    Attribute("y2", number(y2)), .class(classes)])
    }

    public static func circle(x: Double, y: Double, radius: Double, classes: String) -> Node {
        el("circle", [Attribute("cx", number(x)), Attribute("cy", number(y)), Attribute("r", number(radius)), .class(classes)])
    }

    public static func polyline(_ points: [(Double, Double)], classes: String) -> Node {
        el("polyline", [Attribute("points", points.map { "\(number($0.0)),\(number($0.1))" }.joined(separator: " ")),
                        .class(classes)])
    }

    /// Round steps for a value axis, about `parts` of them, from just below the lowest value to
    /// just above the highest, within the metric's scale.
    public static func ticks(low: Double, high: Double, clampTo scale: (Double?, Double?), parts: Double) -> [Double] {
        var low = low, high = high
        if high - low < 1e-9 {
            low -= max(abs(low) * 0.1, 0.5)
            high += max(abs(high) * 0.1, 0.5)
        }
        let padding = (high - low) * 0.15
        low -= padding
        high += padding
        if let minimum = scale.0 { low = max(low, minimum) }
        if let maximum = scale.1 { high = min(high, maximum) }
        let raw = (high - low) / parts
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? magnitude * 10
        let first = (low / step).rounded(.down), last = (high / step).rounded(.up)
        return stride(from: first, through: max(last, first + 1), by: 1).prefix(12).map { $0 * step }
    }

    public static func text(_ value: String, x: Double, y: Double, anchor: String = "start", classes: String = "label") -> Node {
        el("text", [Attribute("x", number(x)), Attribute("y", number(y)), Attribute("text-anchor", anchor), .class(classes)]) { value }
    }

    /// A label in lines of at most `letters` characters, broken between words (or inside a word
    /// that is longer than a line); what does not fit in `lines` ends in an ellipsis. The table
    /// beside a chart always has the whole text.
    static func wrap(_ text: String, letters: Int, lines limit: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ").map(String.init) {
            var word = word
            while word.count > letters {
                if !line.isEmpty {
                    lines.append(line)
                    line = ""
                }
                lines.append(String(word.prefix(letters - 1)) + "-")
                word = String(word.dropFirst(letters - 1))
            }
            if line.isEmpty {
                line = word
            } else if line.count + 1 + word.count <= letters {
                line += " " + word
            } else {
                lines.append(line)
                line = word
            }
        }
        if !line.isEmpty { lines.append(line) }
        guard lines.count > limit else { return lines.isEmpty ? [""] : lines }
        var kept = Array(lines.prefix(limit))
        kept[limit - 1] = String(kept[limit - 1].prefix(letters - 1)) + "…"
        return kept
    }
}

extension PageContext {
    /// A chart with its caption and its numbers as a table: the table is what screen readers and
    /// printouts rely on, the picture is for the eye.
    public func figure(caption: String, chart: Node, table: Node) -> Node {
        el("div", [.class("chart-block")]) {
            el("figure", [.class("chart")]) {
                chart
                el("figcaption") { caption }
            }
            el("details", [.class("numbers")]) {
                el("summary") { t("De cijfers bij deze grafiek", "The numbers behind this chart") }
                table
            }
        }
    }

    /// Horizontal bars, one per label, the label above its bar so long names are never cut off:
    /// simple and readable on a phone.
    public func barChart(id: String, caption: String, description: String, unit: String = "",
                         bars: [(label: String, value: Double, tone: String)], maximum: Double? = nil) -> Node {
        let width = 640.0, barHeight = 20.0, labelHeight = 18.0, gap = 10.0, valueRoom = 70.0
        let top = maximum ?? (bars.map(\.value).max() ?? 1)
        let scale = (width - valueRoom) / max(top, 0.000_1)
        let rowHeight = labelHeight + barHeight + gap
        let height = Double(bars.count) * rowHeight + gap
        let chart = SVG.canvas(id: id, width: width, height: height, title: caption, description: description) {
            bars.enumerated().map { index, bar in
                let y = gap + Double(index) * rowHeight
                let length = min(bar.value, top) * scale
                return Node.group([
                    SVG.text(bar.label, x: 0, y: y + labelHeight - 5),
                    SVG.rect(x: 0, y: y + labelHeight, width: length, height: barHeight, classes: "bar \(bar.tone)"),
                    SVG.text(number(bar.value) + unit, x: length + 6, y: y + labelHeight + barHeight * 0.75),
                ])
            }
        }
        let rows = bars.map { bar in [Node.text(bar.label), Node.text(number(bar.value) + unit)] }
        return figure(caption: caption, chart: chart,
                      table: table(caption: caption, headers: [t("Wat", "What"), t("Waarde", "Value")], numeric: [1], rows: rows))
    }
}
