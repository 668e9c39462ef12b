import SixSteps

/// Step 2: "where do residents have to contact us twice?" from the contact registrations: the
/// repeat share per cycle, the reasons and journeys behind it, and the channels people move
/// between, as a table and a flow picture.
extension StepPages {
    static func repeatContacts(_ context: PageContext) -> Node {
        let report = context.data.contacts
        return context.section(context.t("Herhaalcontact en kanaalwissels", "Repeat contacts and channel switches"), id: "herhaalcontact") {
            if report.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen contactregistraties ingelezen (per contact het moment, het kanaal, de reden en het zaaknummer).",
                              "No contact registrations have been imported yet (each contact's moment, channel, reason and case number).")
                }
            } else if let latest = report.cycles.last {
                el("p") { repeatLead(latest, context) }
                repeatPerCycle(report, context)
                el("h3") { context.t("Waar inwoners ons twee keer moeten benaderen", "Where residents have to contact us twice") }
                repeatReasons(latest, report.threshold, context)
                repeatJourneys(latest, context)
                el("h3") { context.t("Van welk kanaal naar welk kanaal", "From which channel to which") }
                flowFigure(latest, report.threshold, context)
                privacyNote(report, context)
            } else {
                el("p") {
                    context.t("Er zijn \(report.contacts) contacten ingelezen, maar geen cyclus met een startdatum om ze bij in te delen.",
                              "\(report.contacts) contacts are imported, but no cycle has a start date to group them by.")
                }
                privacyNote(report, context)
            }
        }
    }

    private static func share(_ summary: SampleSummary?, _ context: PageContext) -> String {
        summary.map { context.number($0.mean, decimals: 0) + "%" } ?? "–"
    }

    private static func repeatLead(_ cycle: ContactCycle, _ context: PageContext) -> String {
        guard let figures = cycle.overall.figures else {
            return context.t("In \(cycle.name) waren er te weinig zaken om cijfers te tonen.", "In \(cycle.name) there were too few cases to show figures.")
        }
        var text = context.t(
            "In \(cycle.name) had \(share(figures.repeatShare, context)) van de \(context.number(Double(figures.cases), decimals: 0)) zaken "
                + "meer dan één contact nodig. Bij \(share(figures.switchShare, context)) wisselde de inwoner van kanaal.",
            "In \(cycle.name), \(share(figures.repeatShare, context)) of the \(context.number(Double(figures.cases), decimals: 0)) cases "
                + "needed more than one contact. In \(share(figures.switchShare, context)) the resident switched channel.")
        if let change = cycle.change {
            let points = context.number(abs(change.points), decimals: 1)
            let since = context.data.record(.cycle, change.since)?.title ?? change.since
            let direction = change.points < 0 ? context.t("minder", "less") : context.t("meer", "more")
            text += context.t(" Dat is \(points) procentpunt \(direction) herhaalcontact dan in \(since): \(context.noiseLabel(change.noise)).",
                              " That is \(points) percentage points \(direction) repeat contact than in \(since): \(context.noiseLabel(change.noise)).")
        }
        return text
    }

    private static func repeatPerCycle(_ report: ContactReport, _ context: PageContext) -> Node {
        context.table(
            caption: context.t("Herhaalcontact en kanaalwissels per cyclus", "Repeat contacts and channel switches per cycle"),
            headers: [context.t("Cyclus", "Cycle"), context.t("Zaken", "Cases"), context.t("Meer dan één contact", "More than one contact"),
                      context.t("Van kanaal gewisseld", "Switched channel"), context.t("Verandering herhaalcontact", "Change in repeat contact")],
            numeric: [1, 2, 3],
            rows: report.cycles.map { cycle in
                let figures = cycle.overall.figures
                return [context.recordLink(.cycle, cycle.cycle, showRef: false),
                        .text(figures.map { context.number(Double($0.cases), decimals: 0) } ?? suppressedText(context)),
                        .text(share(figures?.repeatShare, context)), .text(share(figures?.switchShare, context)),
                        .text(cycle.change.map {
                            context.t("\(context.number($0.points, decimals: 1, signed: true)) procentpunt, ",
                                      "\($0.points >= 0 ? "+" : "")\(context.number($0.points, decimals: 1)) points, ")
                                + context.noiseLabel($0.noise)
                        } ?? "–")]
            })
    }

    private static func suppressedText(_ context: PageContext) -> String {
        context.t("afgeschermd", "suppressed")
    }

    private static func groupRow(_ group: ContactGroup, _ label: Node, _ context: PageContext) -> [Node] {
        guard let figures = group.figures else { return [label, .text(suppressedText(context)), .text("–"), .text("–")] }
        return [label, .text(context.number(Double(figures.cases), decimals: 0)),
                .text(context.number(Double(figures.repeatCases), decimals: 0)), .text(share(figures.repeatShare, context))]
    }

    private static func repeatReasons(_ cycle: ContactCycle, _ threshold: Int, _ context: PageContext) -> Node {
        let shown = cycle.reasons.filter { !$0.suppressed }
        let top = shown.first.flatMap { group in group.figures.map { (group.label, $0) } }
        return Node.group([
            top.map { reason, figures in
                el("p") {
                    context.t("De meeste herhaalcontacten in \(cycle.name) gingen over ‘\(reason)’: \(figures.repeatCases) zaken, "
                              + "\(share(figures.repeatShare, context)) van alle zaken over dit onderwerp.",
                              "Most repeat contacts in \(cycle.name) were about ‘\(reason)’: \(figures.repeatCases) cases, "
                              + "\(share(figures.repeatShare, context)) of all cases on this subject.")
                }
            } ?? .empty,
            context.table(
                caption: context.t("Herhaalcontact per contactreden van het eerste contact, \(cycle.name)",
                                   "Repeat contact per reason of the first contact, \(cycle.name)"),
                headers: [context.t("Contactreden", "Contact reason"), context.t("Zaken", "Cases"),
                          context.t("Met herhaalcontact", "With repeat contact"), context.t("Aandeel", "Share")],
                numeric: [1, 2, 3], sortable: true,
                rows: cycle.reasons.map { groupRow($0, .text($0.label), context) }),
        ])
    }

    private static func repeatJourneys(_ cycle: ContactCycle, _ context: PageContext) -> Node {
        guard !cycle.journeys.isEmpty else { return .empty }
        return context.table(
            caption: context.t("Herhaalcontact per klantreis, \(cycle.name)", "Repeat contact per customer journey, \(cycle.name)"),
            headers: [context.t("Klantreis", "Customer journey"), context.t("Zaken", "Cases"),
                      context.t("Met herhaalcontact", "With repeat contact"), context.t("Aandeel", "Share")],
            numeric: [1, 2, 3],
            rows: cycle.journeys.map { groupRow($0, context.recordLink(.journey, $0.label), context) })
    }

    private static func privacyNote(_ report: ContactReport, _ context: PageContext) -> Node {
        el("p", [.class("step-meta")]) {
            context.t("Een zaak is alles wat onder één zaaknummer binnenkomt tot \(report.windowDays) dagen na het eerste contact. "
                      + "Zaaknummers worden bij het inlezen onleesbaar gemaakt (gehasht) en nergens bewaard. "
                      + "Groepen van minder dan \(report.threshold) zaken tonen we niet, en zo nodig een groep meer, "
                      + "zodat een kleine groep niet uit het totaal is af te leiden.",
                      "A case is everything under one case number until \(report.windowDays) days after the first contact. "
                      + "Case numbers are made unreadable (hashed) on import and stored nowhere. "
                      + "Groups of fewer than \(report.threshold) cases are not shown, nor, where needed, one group more, "
                      + "so that a small group cannot be worked out from the total.")
        }
    }

    // MARK: The flow picture

    /// Three columns (first, second and third contact) with a bar per channel, and bands between
    /// them as wide as the number of cases that went that way. Only cases with a repeat contact
    /// take part; bands below the privacy threshold are left out and counted under the picture.
    private static func flowFigure(_ cycle: ContactCycle, _ threshold: Int, _ context: PageContext) -> Node {
        let flows = cycle.flows
        guard !flows.isEmpty else {
            return el("p", [.class("none")]) {
                context.t("Te weinig herhaalcontacten om de wegen tussen kanalen te tonen.", "Too few repeat contacts to show the paths between channels.")
            }
        }
        let order = channelOrder(context.data.channelMix)
        func rank(_ channel: String) -> Int { order.firstIndex(of: channel) ?? order.count }
        // The cases in each column per channel. The middle column holds what arrived there, or what
        // left it when that is more (some arrivals can be in bands too small to show).
        let steps = flows.contains { $0.step == 2 } ? 2 : 1
        func total(_ step: Int, _ side: KeyPath<ContactFlow, String>) -> [String: Int] {
            Dictionary(flows.filter { $0.step == step }.map { ($0[keyPath: side], $0.cases) }, uniquingKeysWith: +)
        }
        var columns = [total(1, \.from), total(1, \.to)]
        if steps == 2 {
            columns[1].merge(total(2, \.from), uniquingKeysWith: max)
            columns.append(total(2, \.to))
        }
        let used = columns
        let width = 640.0, top = 34.0, gap = 8.0, nodeWidth = 14.0
        let tallest = used.map { column in Double(column.values.reduce(0, +)) + gap * Double(max(column.count - 1, 0)) }.max() ?? 1
        let plotHeight = 240.0
        let scale = (plotHeight - gap * Double(used.map(\.count).max() ?? 1)) / max(used.map { Double($0.values.reduce(0, +)) }.max() ?? 1, 1)
        let height = top + min(plotHeight, tallest * scale + gap * 4) + 20
        let xs = used.count == 3 ? [150.0, 320.0, 490.0] : [200.0, 440.0]
        // Where each channel's bar sits in each column.
        var bars: [[String: (y: Double, height: Double)]] = []
        for column in used {
            var y = top
            var placed: [String: (y: Double, height: Double)] = [:]
            for channel in column.keys.sorted(by: { rank($0) != rank($1) ? rank($0) < rank($1) : $0 < $1 }) {
                let size = max(Double(column[channel] ?? 0) * scale, 2)
                placed[channel] = (y, size)
                y += size + gap
            }
            bars.append(placed)
        }
        var outgoing = bars.map { $0.mapValues(\.y) }
        var incoming = bars.map { $0.mapValues(\.y) }
        let names = Dictionary(uniqueKeysWithValues: (Set(flows.map(\.from)).union(flows.map(\.to))).map { ($0, channelName($0, context)) })
        let description = flows.map { flow in
            context.t("\(flow.cases) zaken van \(names[flow.from] ?? flow.from) naar \(names[flow.to] ?? flow.to) (\(flow.step == 1 ? "1e naar 2e" : "2e naar 3e") contact)",
                      "\(flow.cases) cases from \(names[flow.from] ?? flow.from) to \(names[flow.to] ?? flow.to) (\(flow.step == 1 ? "1st to 2nd" : "2nd to 3rd") contact)")
        }.joined(separator: "; ")
        let chart = SVG.canvas(id: "kanaalwissels-\(cycle.cycle.lowercased())", width: width, height: height,
                               title: context.t("Wegen tussen kanalen bij herhaalcontact", "Paths between channels in repeat contacts"),
                               description: description) {
            Node.group(["1e contact", "2e contact", "3e contact"].prefix(used.count).enumerated().map { index, label in
                SVG.text(context.t(label, ["1st contact", "2nd contact", "3rd contact"][index]), x: xs[index] + nodeWidth / 2, y: 18,
                         anchor: "middle", classes: "label flow-head")
            })
            Node.group(flows.filter { $0.step <= used.count - 1 }.sorted { rank($0.from) != rank($1.from) ? rank($0.from) < rank($1.from) : rank($0.to) < rank($1.to) }.map { flow in
                let column = flow.step - 1
                let thickness = max(Double(flow.cases) * scale, 1)
                let startY = outgoing[column][flow.from] ?? top
                let endY = incoming[column + 1][flow.to] ?? top
                outgoing[column][flow.from] = startY + thickness
                incoming[column + 1][flow.to] = endY + thickness
                let x1 = xs[column] + nodeWidth, x2 = xs[column + 1], middle = (x1 + x2) / 2
                let n = SVG.number
                let path = "M\(n(x1)),\(n(startY)) C\(n(middle)),\(n(startY)) \(n(middle)),\(n(endY)) \(n(x2)),\(n(endY)) "
                    + "L\(n(x2)),\(n(endY + thickness)) C\(n(middle)),\(n(endY + thickness)) \(n(middle)),\(n(startY + thickness)) "
                    + "\(n(x1)),\(n(startY + thickness)) Z"
                return el("path", [Attribute("d", path), .class("flow-band alt\(rank(flow.from) % 7)" + (flow.from == flow.to ? " same" : ""))])
            })
            Node.group(bars.enumerated().map { index, placed in
                Node.group(placed.sorted { $0.value.y < $1.value.y }.map { channel, bar in
                    let label = "\(names[channel] ?? channel) \(used[index][channel] ?? 0)"
                    return Node.group([
                        SVG.rect(x: xs[index], y: bar.y, width: nodeWidth, height: bar.height, classes: "flow-node"),
                        index == 0
                            ? SVG.text(label, x: xs[index] - 6, y: bar.y + min(bar.height, 24) / 2 + 4, anchor: "end", classes: "label flow-label")
                            : SVG.text(label, x: xs[index] + nodeWidth + 6, y: bar.y + min(bar.height, 24) / 2 + 4, classes: "label flow-label"),
                    ])
                })
            })
        }
        let table = context.table(
            caption: context.t("Zaken per overgang tussen kanalen, \(cycle.name)", "Cases per move between channels, \(cycle.name)"),
            headers: [context.t("Overgang", "Move"), context.t("Van", "From"), context.t("Naar", "To"), context.t("Zaken", "Cases")],
            numeric: [3],
            rows: flows.map { flow in
                [.text(flow.step == 1 ? context.t("1e → 2e contact", "1st → 2nd contact") : context.t("2e → 3e contact", "2nd → 3rd contact")),
                 .text(names[flow.from] ?? flow.from), .text(names[flow.to] ?? flow.to), .text(context.number(Double(flow.cases), decimals: 0))]
            })
        return Node.group([
            context.figure(caption: context.t("Via welke kanalen inwoners terugkomen, \(cycle.name). Hoe breder de baan, hoe meer zaken.",
                                              "Through which channels residents come back, \(cycle.name). The wider the band, the more cases."),
                           chart: chart, table: table),
            cycle.hiddenFlowCases > 0
                ? el("p", [.class("step-meta")]) {
                    cycle.hiddenFlowCases == 1
                        ? context.t("1 zaak liep via een overgang die we niet tonen: kleiner dan \(threshold) zaken, of afgeschermd zodat een kleinere niet is af te leiden.",
                                    "1 case took a move that is not shown: fewer than \(threshold) cases, or suppressed so that a smaller one cannot be worked out.")
                        : context.t("\(cycle.hiddenFlowCases) zaken liepen via overgangen die we niet tonen: kleiner dan \(threshold) zaken, of afgeschermd zodat een kleinere niet is af te leiden.",
                                    "\(cycle.hiddenFlowCases) cases took moves that are not shown: fewer than \(threshold) cases, or suppressed so that a smaller one cannot be worked out.")
                }
                : .empty,
        ])
    }
}
