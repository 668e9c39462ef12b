import SixSteps

/// The measured journey curve as charts: the mean score per phase of the latest cycle against
/// the cycle before, and the same per persona. Each is a figure with a text alternative, a
/// legend in HTML (so it wraps and grows with the text on a phone) and its numbers in a table.
enum CurveChart {
    /// Drawn 640 units wide like the other charts. Labels are sized for a phone, where the chart
    /// is drawn at about half size and its labels at 20 units (style.css): at most 11 units a letter.
    static let width = 640.0, left = 56.0, right = 20.0, top = 22.0, plotHeight = 270.0
    static let lineHeight = 23.0, letterWidth = 11.0

    /// What the persona lines look like besides their colour: a marker and a dash pattern each,
    /// so they can be told apart in grey, in print and by people who do not see colours.
    static let markers = ["circle", "square", "triangle", "diamond", "triangle-down", "cross"]
    static let dashes = ["", "9 5", "3 4", "12 4 3 4"]

    // MARK: - Figures

    /// The current cycle as a solid line with its 95% intervals and n under each phase; the
    /// previous cycle as a dashed line with open markers beside it.
    static func cycleFigure(_ curve: JourneyCurve, metric: Record?, id: String, _ context: PageContext) -> Node {
        let unit = metric?[.unit].string
        let current = curve.current, previous = curve.previous
        let currentName = cycleName(current.cycle, context), previousName = previous.map { cycleName($0.cycle, context) }
        let metricName = metric?.title ?? curve.metric
        let caption = previousName.map {
            context.t("‘\(metricName)’ per fase: \(currentName), met \($0) ter vergelijking",
                      "‘\(metricName)’ per phase: \(currentName), with \($0) for comparison")
        } ?? context.t("‘\(metricName)’ per fase: \(currentName)", "‘\(metricName)’ per phase: \(currentName)")
        let below = current.overall.map { countText($0, context) }
        let frame = Frame(curve, metric: metric, lines: [current.overall] + (previous.map { [$0.overall] } ?? []),
                          withIntervals: true, below: below)
        let chart = SVG.canvas(id: id, width: width, height: frame.height, title: caption,
                               description: cycleDescription(curve, unit: unit, context)) {
            frame.axes(context)
            if let previous {
                frame.segments(previous.overall).map { SVG.polyline($0, classes: "curve-line previous") }
                previous.overall.enumerated().compactMap { index, point in
                    point.mean.map { SVG.circle(x: frame.x(index), y: frame.y($0), radius: 4.5, classes: "curve-point previous") }
                }
            }
            current.overall.enumerated().compactMap { index, point in
                point.interval.map { interval in
                    // An interval of a few responses can reach past the scale: it is cut off at
                    // the edge of the chart, without the cap that marks its end.
                    let x = frame.x(index), low = frame.y(interval.lowerBound), high = frame.y(interval.upperBound)
                    return Node.group([
                        SVG.line(x1: x, y1: low, x2: x, y2: high, classes: "curve-whisker"),
                        interval.lowerBound < frame.low ? .empty
                            : SVG.line(x1: x - 6, y1: low, x2: x + 6, y2: low, classes: "curve-whisker"),
                        interval.upperBound > frame.high ? .empty
                            : SVG.line(x1: x - 6, y1: high, x2: x + 6, y2: high, classes: "curve-whisker"),
                    ])
                }
            }
            frame.segments(current.overall).map { SVG.polyline($0, classes: "curve-line current") }
            current.overall.enumerated().compactMap { index, point in
                point.mean.map { mean in
                    // The value goes on the side away from the previous cycle's point, which is
                    // usually close by.
                    let below = (previous?.overall[index].mean).map { $0 > mean } ?? false
                    return Node.group([
                        SVG.circle(x: frame.x(index), y: frame.y(mean), radius: 5.5, classes: "curve-point current"),
                        SVG.text(context.number(mean, decimals: 1), x: frame.x(index) + 10, y: frame.y(mean) + (below ? 22 : -9),
                                 classes: "label curve-value"),
                    ])
                }
            }
            frame.phaseLabels(context)
        }
        let legend = el("ul", [.class("curve-legend")]) {
            el("li") {
                swatch(classes: "curve-line current", dash: "", marker: "circle", markerClasses: "curve-point current", whisker: true)
                context.t("\(currentName): gemiddelde met 95%-interval", "\(currentName): mean with 95% interval")
            }
            if let previousName {
                // The legend names only what is drawn: the dashed line joins neighbouring phases
                // that both have a mean, so a cycle with gaps may have open circles alone.
                let drawsLine = previous.map { frame.segments($0.overall).contains { $0.count > 1 } } ?? false
                el("li") {
                    swatch(classes: drawsLine ? "curve-line previous" : "curve-line absent", dash: "", marker: "circle",
                           markerClasses: "curve-point previous", whisker: false)
                    drawsLine
                        ? context.t("\(previousName): gemiddelde (open rondjes, streepjeslijn)", "\(previousName): mean (open circles, dashed line)")
                        : context.t("\(previousName): gemiddelde (open rondjes)", "\(previousName): mean (open circles)")
                }
            }
        }
        let rows: [[Node]] = curve.phases.indices.map { index in
            let point = current.overall[index]
            let before = previous?.overall[index]
            return [
                .text(curve.phases[index].name),
                .text(countCell(point, context)),
                meanCell(point, unit: unit, context),
                .text(point.interval.map { intervalText($0, context) } ?? "–"),
                before.map { meanCell($0, unit: unit, context) } ?? .text("–"),
                changeCell(from: before, to: point, unit: unit, context),
            ]
        }
        let table = context.table(
            caption: caption,
            headers: [context.t("Fase", "Phase"), context.t("Antwoorden (n)", "Responses (n)"), context.t("Gemiddelde", "Mean"),
                      context.t("95%-interval", "95% interval"),
                      previous.map { context.t("Vorige cyclus (\($0.cycle))", "Previous cycle (\($0.cycle))") }
                        ?? context.t("Vorige cyclus", "Previous cycle"),
                      context.t("Verschil", "Change")],
            numeric: [1, 2, 3, 4, 5], rows: rows)
        return context.figure(caption: caption, chart: Node.group([chart, legend]), table: table)
    }

    /// One line per persona in the current cycle, with the line of all residents behind them.
    /// Nil when no persona has a point that may be shown.
    static func personaFigure(_ curve: JourneyCurve, metric: Record?, id: String, _ context: PageContext) -> Node? {
        let drawn = curve.current.personas.filter { $0.points.contains(where: \.isShown) }
        guard !drawn.isEmpty else { return nil }
        let unit = metric?[.unit].string
        let metricName = metric?.title ?? curve.metric
        let currentName = cycleName(curve.current.cycle, context)
        let caption = context.t("‘\(metricName)’ per fase en per persona: \(currentName)",
                                "‘\(metricName)’ per phase and per persona: \(currentName)")
        let frame = Frame(curve, metric: metric, lines: [curve.current.overall] + drawn.map(\.points), withIntervals: false,
                          below: [])
        let chart = SVG.canvas(id: id, width: width, height: frame.height, title: caption,
                               description: personaDescription(curve, drawn: drawn, unit: unit, context)) {
            frame.axes(context)
            frame.segments(curve.current.overall).map { SVG.polyline($0, classes: "curve-line everyone") }
            // Personas often score a phase alike: each line is moved a little sideways, so
            // markers on the same value stay apart.
            let spread = min(8, frame.slot * 0.3 / Double(max(drawn.count - 1, 1)))
            drawn.enumerated().map { position, persona in
                let style = PersonaStyle(position)
                let shift = (Double(position) - Double(drawn.count - 1) / 2) * spread
                return Node.group([
                    Node.group(frame.segments(persona.points, shift: shift).map { points in
                        el("polyline", [Attribute("points", points.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")),
                                        .class("curve-line persona persona-\(style.colour)")] + dashAttribute(style.dash))
                    }),
                    Node.group(persona.points.enumerated().compactMap { index, point in
                        point.mean.map { marker(style.marker, x: frame.x(index) + shift, y: frame.y($0), size: 6,
                                                classes: "curve-marker persona-\(style.colour)") }
                    }),
                ])
            }
            frame.phaseLabels(context)
        }
        let legend = el("ul", [.class("curve-legend")]) {
            el("li") {
                swatch(classes: "curve-line everyone", dash: "", marker: nil, markerClasses: "", whisker: false)
                context.t("Alle inwoners", "All residents")
            }
            drawn.enumerated().map { position, persona in
                let style = PersonaStyle(position)
                return el("li") {
                    swatch(classes: "curve-line persona persona-\(style.colour)", dash: style.dash, marker: style.marker,
                           markerClasses: "curve-marker persona-\(style.colour)", whisker: false)
                    personaName(persona.persona, context)
                }
            }
        }
        // A persona's phases without any response are left out: a row of dashes says nothing.
        let rows: [[Node]] = curve.current.personas.flatMap { persona in
            curve.phases.indices.filter { persona.points[$0].n > 0 }.map { index -> [Node] in
                let point = persona.points[index]
                return [
                    .text(personaName(persona.persona, context)),
                    .text(curve.phases[index].name),
                    .text(countCell(point, context)),
                    meanCell(point, unit: unit, context),
                    .text(point.interval.map { intervalText($0, context) } ?? "–"),
                ]
            }
        }
        let table = context.table(
            caption: caption,
            headers: [context.t("Persona", "Persona"), context.t("Fase", "Phase"), context.t("Antwoorden (n)", "Responses (n)"),
                      context.t("Gemiddelde", "Mean"), context.t("95%-interval", "95% interval")],
            numeric: [2, 3, 4], rows: rows)
        return context.figure(caption: caption, chart: Node.group([chart, legend]), table: table)
    }

    // MARK: - Words

    static func cycleName(_ ref: String, _ context: PageContext) -> String {
        context.data.record(.cycle, ref).map { "\($0.title) (\(ref))" } ?? ref
    }

    static func personaName(_ slug: String, _ context: PageContext) -> String {
        context.data.record(.persona, slug)?.title ?? slug
    }

    /// One word for every hidden point, whether it was too small itself or hidden so that a small
    /// one cannot be worked out: which of the two it was would say something about its size.
    static func tooFew(_ context: PageContext) -> String { context.t("afgeschermd", "suppressed") }
    static func noResponses(_ context: PageContext) -> String { context.t("geen antwoorden", "no responses") }

    /// Under a phase on the chart: its n, or why there is no point.
    static func countText(_ point: CurvePoint, _ context: PageContext) -> String {
        // Two short words wrap under a narrow phase where one long one would be cut.
        if point.suppressed { return context.t("niet getoond", "not shown") }
        if point.n == 0 { return noResponses(context) }
        return "n = " + context.number(Double(point.n), decimals: 0)
    }

    /// A suppressed point's n is not given either.
    static func countCell(_ point: CurvePoint, _ context: PageContext) -> String {
        point.suppressed ? tooFew(context) : context.number(Double(point.n), decimals: 0)
    }

    static func meanCell(_ point: CurvePoint, unit: String?, _ context: PageContext) -> Node {
        if let mean = point.mean { return .text(context.value(mean, unit: unit, decimals: 2)) }
        return point.suppressed ? context.badge(tooFew(context), tone: "suppressed") : .text("–")
    }

    /// The change since the previous cycle, and whether it is larger than chance (Welch's test on
    /// the two points' n and sd, as the cycle report does for a whole metric).
    static func changeCell(from before: CurvePoint?, to point: CurvePoint, unit: String?, _ context: PageContext) -> Node {
        guard let was = before?.summary, let now = point.summary else { return .text("–") }
        return Node.group([
            .text(context.change(now.mean - was.mean, unit: unit, decimals: 2)),
            el("span", [.class("curve-noise")]) { context.noiseLabel(Statistics.noise(was, now)) },
        ])
    }

    static func intervalText(_ interval: ClosedRange<Double>, _ context: PageContext) -> String {
        context.number(interval.lowerBound, decimals: 2) + " – " + context.number(interval.upperBound, decimals: 2)
    }

    /// "Oriëntatie: 6,8 (n = 22), eerder 6,5; …": the chart's numbers for a screen reader.
    static func cycleDescription(_ curve: JourneyCurve, unit: String?, _ context: PageContext) -> String {
        let parts = curve.phases.indices.map { index -> String in
            let point = curve.current.overall[index]
            var text = curve.phases[index].name + ": "
            if let mean = point.mean {
                text += context.value(mean, unit: unit, decimals: 1) + " (n = \(context.number(Double(point.n), decimals: 0)))"
            } else {
                text += point.suppressed ? tooFew(context) : noResponses(context)
            }
            if let was = curve.previous?.overall[index].mean {
                text += context.t(", eerder ", ", before ") + context.value(was, unit: unit, decimals: 1)
            }
            return text
        }
        return context.t("Gemiddelde per fase in \(cycleName(curve.current.cycle, context)). ",
                         "Mean per phase in \(cycleName(curve.current.cycle, context)). ")
            + parts.joined(separator: "; ") + "."
    }

    static func personaDescription(_ curve: JourneyCurve, drawn: [PersonaCurve], unit: String?, _ context: PageContext) -> String {
        drawn.map { persona in
            personaName(persona.persona, context) + ": " + curve.phases.indices.map { index in
                let point = persona.points[index]
                return curve.phases[index].name + " "
                    + (point.mean.map { context.value($0, unit: unit, decimals: 1) } ?? (point.suppressed ? tooFew(context) : "–"))
            }.joined(separator: ", ")
        }.joined(separator: ". ") + "."
    }

    // MARK: - Drawing

    struct PersonaStyle {
        let colour: Int
        let marker: String
        let dash: String

        /// Six colours, six markers and four dash patterns: 24 personas before a look repeats.
        init(_ position: Int) {
            colour = position % 6
            marker = CurveChart.markers[position % 6]
            dash = CurveChart.dashes[(position + position / 6) % 4]
        }
    }

    static func dashAttribute(_ dash: String) -> [Attribute] {
        dash.isEmpty ? [] : [Attribute("stroke-dasharray", dash)]
    }

    /// A marker of `size` (its half width) centred on x, y.
    static func marker(_ shape: String, x: Double, y: Double, size: Double, classes: String) -> Node {
        func polygon(_ points: [(Double, Double)]) -> Node {
            el("polygon", [Attribute("points", points.map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")),
                           .class(classes)])
        }
        switch shape {
        case "square":
            return SVG.rect(x: x - size * 0.85, y: y - size * 0.85, width: size * 1.7, height: size * 1.7, classes: classes)
        case "triangle":
            return polygon([(x, y - size * 1.1), (x + size, y + size * 0.75), (x - size, y + size * 0.75)])
        case "triangle-down":
            return polygon([(x, y + size * 1.1), (x + size, y - size * 0.75), (x - size, y - size * 0.75)])
        case "diamond":
            return polygon([(x, y - size * 1.2), (x + size, y), (x, y + size * 1.2), (x - size, y)])
        case "cross":
            let d = size * 0.9
            return el("path", [Attribute("d", "M\(SVG.number(x - d)),\(SVG.number(y - d))L\(SVG.number(x + d)),\(SVG.number(y + d))"
                                          + "M\(SVG.number(x - d)),\(SVG.number(y + d))L\(SVG.number(x + d)),\(SVG.number(y - d))"),
                               .class(classes + " cross")])
        default:
            return SVG.circle(x: x, y: y, radius: size * 0.9, classes: classes)
        }
    }

    /// A small picture of a line for the legend; hidden from screen readers, which have the words.
    static func swatch(classes: String, dash: String, marker shape: String?, markerClasses: String, whisker: Bool) -> Node {
        el("svg", [Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 44 20"), Attribute("width", "44"),
                   Attribute("height", "20"), .class("curve-swatch"), .aria("hidden", "true"), Attribute("focusable", "false")]) {
            el("line", [Attribute("x1", "2"), Attribute("y1", "10"), Attribute("x2", "42"), Attribute("y2", "10"), .class(classes)]
                + dashAttribute(dash))
            if whisker {
                SVG.line(x1: 22, y1: 2, x2: 22, y2: 18, classes: "curve-whisker")
            }
            if let shape { marker(shape, x: 22, y: 10, size: 5, classes: markerClasses) }
        }
    }

    /// Where things go on one chart: the phases across, the metric's scale up.
    struct Frame {
        let phases: [Phase]
        let ticks: [Double]
        let low: Double
        let high: Double
        let slot: Double
        /// Each phase's name in lines that fit its slot, and what is written below it.
        let names: [[String]]
        let below: [[String]]
        let height: Double

        init(_ curve: JourneyCurve, metric: Record?, lines: [[CurvePoint]], withIntervals: Bool, below: [String]) {
            phases = curve.phases
            var known = lines.flatMap { $0.compactMap(\.mean) }
            if withIntervals { known += lines.flatMap { $0.compactMap(\.interval).flatMap { [$0.lowerBound, $0.upperBound] } } }
            ticks = CurveChart.ticks(values: known, scale: (metric?[.scaleMin].double, metric?[.scaleMax].double))
            low = ticks.first ?? 0
            high = ticks.last ?? 1
            slot = (CurveChart.width - CurveChart.left - CurveChart.right) / Double(max(curve.phases.count, 1))
            let letters = max(4, Int(slot / CurveChart.letterWidth))
            names = curve.phases.map { SVG.wrap($0.name, letters: letters, lines: 3) }
            self.below = below.map { SVG.wrap($0, letters: letters, lines: 2) }
            let nameLines = Double(names.map(\.count).max() ?? 1)
            let belowLines = Double(self.below.map(\.count).max() ?? 0)
            height = CurveChart.top + CurveChart.plotHeight + 10 + (nameLines + belowLines) * CurveChart.lineHeight
                + (belowLines > 0 ? 6 : 0) + 8
        }

        func x(_ index: Int) -> Double { CurveChart.left + slot * (Double(index) + 0.5) }
        /// Values past the ends of the scale (an interval, or a mean after the scale was changed)
        /// stay on the chart, at its edge.
        func y(_ value: Double) -> Double {
            let clamped = min(max(value, low), high)
            return CurveChart.top + (1 - (clamped - low) / max(high - low, 0.000_1)) * CurveChart.plotHeight
        }

        /// Runs of points that may be shown: a point without responses or suppressed is a gap.
        func segments(_ points: [CurvePoint], shift: Double = 0) -> [[(Double, Double)]] {
            var runs: [[(Double, Double)]] = [[]]
            for (index, point) in points.enumerated() {
                if let mean = point.mean {
                    runs[runs.count - 1].append((x(index) + shift, y(mean)))
                } else if !(runs.last?.isEmpty ?? true) {
                    runs.append([])
                }
            }
            return runs.filter { $0.count > 1 }
        }

        func axes(_ context: PageContext) -> Node {
            let bottom = CurveChart.top + CurveChart.plotHeight
            let decimals = ticks.contains { abs($0 * 10 - ($0 * 10).rounded()) > 1e-9 } ? 2
                : ticks.contains { abs($0 - $0.rounded()) > 1e-9 } ? 1 : 0
            return Node.group([
                Node.group(ticks.map { tick in
                    Node.group([
                        SVG.line(x1: CurveChart.left, y1: y(tick), x2: CurveChart.width - CurveChart.right, y2: y(tick), classes: "grid"),
                        SVG.text(context.number(tick, decimals: decimals), x: CurveChart.left - 8, y: y(tick) + 5, anchor: "end"),
                    ])
                }),
                SVG.line(x1: CurveChart.left, y1: bottom, x2: CurveChart.width - CurveChart.right, y2: bottom, classes: "axis"),
            ])
        }

        func phaseLabels(_ context: PageContext) -> Node {
            let first = CurveChart.top + CurveChart.plotHeight + 10 + CurveChart.lineHeight - 4
            let nameLines = Double(names.map(\.count).max() ?? 1)
            return Node.group(phases.indices.map { index in
                Node.group(names[index].enumerated().map { line, text in
                    SVG.text(text, x: x(index), y: first + Double(line) * CurveChart.lineHeight, anchor: "middle",
                             classes: "label curve-phase")
                } + (index < below.count ? below[index] : []).enumerated().map { line, text in
                    SVG.text(text, x: x(index), y: first + 6 + (nameLines + Double(line)) * CurveChart.lineHeight, anchor: "middle",
                             classes: "label curve-count")
                })
            })
        }
    }

    /// Grid values: the metric's whole scale when it has one, so a curve is read against what
    /// residents could have answered; else the values shown with some room around them.
    static func ticks(values: [Double], scale: (Double?, Double?)) -> [Double] {
        if let minimum = scale.0, let maximum = scale.1, maximum > minimum {
            return scaleTicks(minimum, maximum)
        }
        return SVG.ticks(low: values.min() ?? scale.0 ?? 0, high: values.max() ?? scale.1 ?? 1, clampTo: scale, parts: 5)
    }

    /// A scale from its first to its last value, so that 1 to 10 starts at 1, not at 0: the
    /// largest round step (5, 2 or 1 times a power of ten) that divides it into 4 to 10 parts;
    /// a scale no such step divides gets its two ends only, with round values between.
    static func scaleTicks(_ low: Double, _ high: Double) -> [Double] {
        let range = high - low
        var magnitude = 1.0
        while magnitude * 10 <= range { magnitude *= 10 }
        while magnitude > range { magnitude /= 10 }
        for step in [magnitude, magnitude / 10].flatMap({ size in [5.0, 2, 1].map { $0 * size } }) {
            let parts = range / step
            if parts >= 4 - 1e-9, parts <= 10 + 1e-9, abs(parts - parts.rounded()) < 1e-9 {
                return (0...Int(parts.rounded())).map { low + Double($0) * step }
            }
        }
        let step = [5.0, 2, 1].map { $0 * magnitude / 10 }.first { range / $0 >= 4 } ?? magnitude / 10
        let inner = stride(from: (low / step).rounded(.down) + 1, to: (high / step).rounded(.up), by: 1).map { $0 * step }
        return [low] + inner.filter { $0 - low > step / 2 && high - $0 > step / 2 } + [high]
    }
}
