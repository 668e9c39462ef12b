import SixSteps

// MARK: - Step 2: channel mix, contact reasons, insights, personas, channels, metrics

extension StepPages {
    static func basicsPage(_ context: PageContext) -> Page {
        Page(file: Section.basics.file, title: title(context, .basics), section: .basics,
             lead: context.t("In deze stap brengt het team in kaart hoe het nu gaat. Via welke kanalen zoeken inwoners contact, "
                             + "en waarover? Wat hebben zij nodig? En met welke meeteenheden volgen we dat?",
                             "In this step the team maps how things are now. Through which channels do residents get in touch, "
                             + "and about what? What do they need? And which metrics do we follow?")) {
            channelMix(context)
            contactReasons(context)
            forecasts(context)
            repeatContacts(context)
            assumptionHistory(context)
            insights(context)
            personas(context)
            channels(context)
            metricDefinitions(context)
        }
    }

    /// The channels in one fixed order, the busiest first, so a channel keeps its place and its
    /// colour in every bar and the order can be told in words.
    static func channelOrder(_ mixes: [ChannelMix]) -> [String] {
        var totals: [String: Int64] = [:]
        for mix in mixes { for entry in mix.channels { totals[entry.channel, default: 0] += entry.count } }
        return totals.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }

    static func channelName(_ slug: String, _ context: PageContext) -> String {
        context.data.record(.channel, slug)?.title ?? slug
    }

    static func tone(_ index: Int) -> String { index % 7 == 0 ? "bar" : "bar alt\(index % 7)" }

    static func channelMix(_ context: PageContext) -> Node {
        let mixes = context.data.channelMix
        return context.section(context.t("Kanaalmix", "Channel mix"), id: "kanaalmix") {
            if let last = mixes.last {
                let order = channelOrder(mixes)
                let names = order.map { channelName($0, context) }
                let month = context.language.month(last.period)
                if let top = last.channels.first {
                    el("p") {
                        context.t("In \(month) waren er \(context.number(Double(last.total), decimals: 0)) contacten. "
                                  + "De meeste kwamen via \(channelName(top.channel, context).lowercased()): "
                                  + "\(context.language.percent(last.share(top.count))).",
                                  "In \(month) there were \(context.number(Double(last.total), decimals: 0)) contacts. "
                                  + "Most came through \(channelName(top.channel, context).lowercased()): "
                                  + "\(context.language.percent(last.share(top.count))).")
                    }
                }
                context.figure(caption: context.t("Aandeel van elk kanaal in alle contacten, per maand",
                                                  "Share of each channel in all contacts, per month"),
                               chart: Node.group([mixLegend(names, context), el("div", [.class("step-mix")]) { mixChart(mixes, order, names, context) }]),
                               table: mixTable(mixes, order, names, context))
            } else {
                el("p", [.class("none")]) {
                    context.t("Er zijn nog geen contactaantallen ingelezen.", "No contact counts have been imported yet.")
                }
            }
        }
    }

    static func mixLegend(_ names: [String], _ context: PageContext) -> Node {
        el("div", [.class("step-legend")]) {
            el("p") {
                context.t("Elke balk is één maand. De kanalen staan altijd in dezelfde volgorde, van links naar rechts:",
                          "Each bar is one month. The channels are always in the same order, from left to right:")
            }
            el("ol") {
                names.enumerated().map { index, name in
                    el("li") {
                        el("svg", [Attribute("xmlns", "http://www.w3.org/2000/svg"), Attribute("viewBox", "0 0 14 14"),
                                   Attribute("width", "14"), Attribute("height", "14"), .aria("hidden", "true"),
                                   Attribute("focusable", "false"), .class("step-swatch")]) {
                            SVG.rect(x: 0, y: 0, width: 14, height: 14, classes: tone(index))
                        }
                        name
                    }
                }
            }
        }
    }

    static func mixChart(_ mixes: [ChannelMix], _ order: [String], _ names: [String], _ context: PageContext) -> Node {
        let width = 480.0, left = 72.0, right = 60.0, top = 26.0, rowHeight = 26.0, gap = 6.0, bottom = 30.0
        let barWidth = width - left - right
        let height = top + Double(mixes.count) * (rowHeight + gap) + bottom
        let axisY = top + Double(mixes.count) * (rowHeight + gap)
        let latestWords: String = mixes.last.map { last in
            last.channels.map { "\(channelName($0.channel, context)) \(context.language.percent(last.share($0.count)))" }
                .joined(separator: ", ")
        } ?? ""
        let description = context.t(
            "Per maand een balk van 100%, verdeeld over de kanalen, van links naar rechts: \(names.joined(separator: ", ")). "
                + "Rechts het totaal aantal contacten. In de laatste maand: \(latestWords).",
            "Per month a bar of 100%, split over the channels, from left to right: \(names.joined(separator: ", ")). "
                + "On the right the total number of contacts. In the latest month: \(latestWords).")
        return SVG.canvas(id: "kanaalmix-grafiek", width: width, height: height,
                          title: context.t("Kanaalmix per maand", "Channel mix per month"), description: description) {
            SVG.text(context.t("totaal", "total"), x: width - 4, y: top - 10, anchor: "end")
            mixes.enumerated().map { row, mix in
                let y = top + Double(row) * (rowHeight + gap)
                let counts = Dictionary(mix.channels.map { ($0.channel, $0.count) }, uniquingKeysWith: +)
                var x = left
                var segments: [Node] = []
                for (index, channel) in order.enumerated() {
                    guard let count = counts[channel], count > 0 else { continue }
                    let share = mix.share(count)
                    let segment = share * barWidth
                    segments.append(SVG.rect(x: x, y: y, width: segment, height: rowHeight, classes: tone(index) + " step-segment"))
                    // A share is written inside its segment when it fits, so the bar reads without colour.
                    if segment >= 30 {
                        segments.append(SVG.text(context.language.percent(share), x: x + segment / 2, y: y + rowHeight * 0.7,
                                                 anchor: "middle", classes: "label step-on-bar"))
                    }
                    x += segment
                }
                return Node.group([
                    SVG.text(shortMonth(mix.period, context), x: left - 8, y: y + rowHeight * 0.7, anchor: "end"),
                    Node.group(segments),
                    SVG.text(context.number(Double(mix.total), decimals: 0), x: width - 4, y: y + rowHeight * 0.7, anchor: "end"),
                ])
            }
            SVG.line(x1: left, y1: axisY, x2: left + barWidth, y2: axisY, classes: "axis")
            [0.0, 0.25, 0.5, 0.75, 1.0].map { share in
                Node.group([
                    SVG.line(x1: left + share * barWidth, y1: axisY, x2: left + share * barWidth, y2: axisY + 5, classes: "axis"),
                    SVG.text(context.language.percent(share), x: left + share * barWidth, y: axisY + 20,
                             anchor: share == 0 ? "start" : share == 1 ? "end" : "middle"),
                ])
            }
        }
    }

    /// "mrt 2014": the chart's rows need short labels to stay readable on a phone.
    static func shortMonth(_ period: String, _ context: PageContext) -> String {
        let parts = period.split(separator: "-")
        guard parts.count == 2, let month = Int(parts[1]), (1...12).contains(month) else { return period }
        let names = context.language == .nl
            ? ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
            : ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(names[month - 1]) \(parts[0])"
    }

    static func mixTable(_ mixes: [ChannelMix], _ order: [String], _ names: [String], _ context: PageContext) -> Node {
        let rows: [[Node]] = mixes.map { mix in
            let counts = Dictionary(mix.channels.map { ($0.channel, $0.count) }, uniquingKeysWith: +)
            return [Node.text(context.language.month(mix.period))]
                + order.map { channel in
                    let count = counts[channel] ?? 0
                    return Node.text("\(context.number(Double(count), decimals: 0)) (\(context.language.percent(mix.share(count))))")
                }
                + [Node.text(context.number(Double(mix.total), decimals: 0))]
        }
        return context.table(caption: context.t("Contacten per kanaal en per maand, met het aandeel", "Contacts per channel and month, with the share"),
                             headers: [context.t("Maand", "Month")] + names + [context.t("Totaal", "Total")],
                             numeric: Set(1...(names.count + 1)), rows: rows)
    }

    static func contactReasons(_ context: PageContext) -> Node {
        let mixes = context.data.channelMix.filter { !$0.reasons.isEmpty }
        return context.section(context.t("Waarover inwoners contact zoeken", "What residents get in touch about"), id: "contactredenen") {
            if let last = mixes.last {
                let month = context.language.month(last.period)
                el("h3") { context.t("De meeste contacten in \(month)", "Most contacts in \(month)") }
                el("ol", [.class("step-reasons")]) {
                    last.reasons.map { reason in
                        let share = last.share(reason.count)
                        return el("li") {
                            el("span", [.class("step-reason-name")]) { reason.reason }
                            el("span", [.class("step-reason-count")]) {
                                context.t("\(context.number(Double(reason.count), decimals: 0)) contacten (\(context.language.percent(share)))",
                                          "\(context.number(Double(reason.count), decimals: 0)) contacts (\(context.language.percent(share)))")
                            }
                            el("span", [.class("step-reason-bar"), .aria("hidden", "true")]) {
                                el("span", [.style("width: \(Int((min(max(share, 0), 1) * 100).rounded()))%")])
                            }
                        }
                    }
                }
                if mixes.count > 1 {
                    let columns = mixes.map(\.reasons.count).max() ?? 0
                    el("h3") { context.t("Per maand", "Per month") }
                    context.table(caption: context.t("De meest genoemde contactredenen per maand, met het aantal contacten",
                                                     "The most frequent contact reasons per month, with the number of contacts"),
                                  headers: [context.t("Maand", "Month")] + (1...max(columns, 1)).map {
                                      context.t("\($0)e reden", "Reason \($0)")
                                  },
                                  rows: mixes.reversed().map { mix in
                                      [Node.text(context.language.month(mix.period))] + (0..<max(columns, 1)).map { index in
                                          index < mix.reasons.count
                                              ? Node.text("\(mix.reasons[index].reason) (\(context.number(Double(mix.reasons[index].count), decimals: 0)))")
                                              : Node.text("–")
                                      }
                                  })
                }
            } else {
                el("p", [.class("none")]) {
                    context.t("Nog geen contactredenen bekend. Die komen mee met de contactaantallen.",
                              "No contact reasons known yet. They come with the contact counts.")
                }
            }
        }
    }

    static func insights(_ context: PageContext) -> Node {
        let insights = context.data.records(.insight)
        let byKind = Dictionary(grouping: insights, by: { $0[.kind].string ?? "" })
        let kinds = ["trend", "need", "wish", "requirement", "usage"]
        let others = byKind.keys.filter { !kinds.contains($0) }.sorted()
        return context.section(context.t("Inzichten", "Insights"), id: "inzichten") {
            if insights.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen inzichten vastgelegd.", "No insights recorded yet.") }
            } else {
                el("p") {
                    context.t("Wat het team weet over inwoners: trends, behoeften, wensen, eisen en kanaalgebruik. Elk inzicht zegt waar het vandaan komt.",
                              "What the team knows about residents: trends, needs, wishes, requirements and channel usage. Each insight says where it comes from.")
                }
                (kinds + others).compactMap { kind -> Node? in
                    guard let group = byKind[kind], !group.isEmpty else { return nil }
                    return Node.group([
                        el("h3", [.id("soort-\(kind)")]) { "\(capitalized(context.insightKindLabel(kind))) (\(group.count))" },
                        el("ul", [.class("step-insights")]) { group.map { insight($0, context) } },
                    ])
                }
            }
        }
    }

    static func insight(_ insight: Record, _ context: PageContext) -> Node {
        var about: [Node] = []
        if let journey = insight[.journey].string {
            about.append(Node.group([.text(context.t("klantreis ", "journey ")), context.recordLink(.journey, journey)]))
        }
        if let persona = insight[.persona].string {
            about.append(Node.group([.text(context.t("klantgroep ", "resident group ")), context.recordLink(.persona, persona)]))
        }
        if let channel = insight[.channel].string {
            about.append(Node.group([.text(context.t("kanaal ", "channel ")), context.recordLink(.channel, channel)]))
        }
        return el("li", [.id(context.anchor(.insight, insight.ref))]) {
            el("p", [.class("step-insight-title")]) {
                el("span", [.class("ref")]) { insight.ref }
                el("strong") { insight.title }
            }
            paragraphs(insight[.description].string ?? "")
            if let source = insight[.source].string {
                el("p", [.class("step-meta")]) { context.t("Bron: ", "Source: ") + source }
            }
            if !about.isEmpty {
                el("p", [.class("step-meta")]) {
                    context.t("Gaat over: ", "About: ")
                    commaList(about)
                }
            }
        }
    }

    static func personas(_ context: PageContext) -> Node {
        let personas = context.data.records(.persona)
        return context.section(context.t("Klantgroepen", "Resident groups"), id: "klantgroepen") {
            if personas.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen klantgroepen beschreven.", "No resident groups described yet.") }
            } else {
                el("ul", [.class("cards step-cards")]) {
                    personas.map { persona in
                        let preferred = slugs(persona[.channels].string)
                        return el("li", [.class("card"), .id(context.anchor(.persona, persona.ref))]) {
                            el("h3") { persona.title }
                            paragraphs(persona[.description].string ?? "")
                            el("p") {
                                el("strong") { context.t("Kiest het liefst: ", "Prefers: ") }
                                preferred.isEmpty ? Node.text(context.t("niet bekend", "not known"))
                                    : commaList(preferred.map { context.recordLink(.channel, $0) })
                            }
                        }
                    }
                }
            }
        }
    }

    static func channels(_ context: PageContext) -> Node {
        let data = context.data
        let last = data.channelMix.last
        let counts = Dictionary((last?.channels ?? []).map { ($0.channel, $0.count) }, uniquingKeysWith: +)
        // The busiest channel first: that is the order a reader compares them in.
        let channels = data.records(.channel).enumerated().sorted { a, b in
            let (x, y) = (counts[a.element.ref] ?? -1, counts[b.element.ref] ?? -1)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
        var preferredBy: [String: [String]] = [:]
        for persona in data.records(.persona) {
            for channel in slugs(persona[.channels].string) { preferredBy[channel, default: []].append(persona.ref) }
        }
        return context.section(context.t("Kanalen", "Channels"), id: "kanalen") {
            if channels.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen kanalen.", "No channels yet.") }
            } else {
                el("ul", [.class("cards step-cards")]) {
                    channels.map { channel in
                        let personas = preferredBy[channel.ref] ?? []
                        return el("li", [.class("card"), .id(context.anchor(.channel, channel.ref))]) {
                            el("h3") { channel.title }
                            paragraphs(channel[.description].string ?? "")
                            el("p") {
                                if let last, let count = counts[channel.ref] {
                                    el("strong") { context.number(Double(count), decimals: 0) }
                                    context.t(" contacten in \(context.language.month(last.period)) (\(context.language.percent(last.share(count))))",
                                              " contacts in \(context.language.month(last.period)) (\(context.language.percent(last.share(count))))")
                                } else if let last {
                                    context.t("Geen contacten geteld in \(context.language.month(last.period)).",
                                              "No contacts counted in \(context.language.month(last.period)).")
                                } else {
                                    context.t("Nog geen contacten geteld.", "No contacts counted yet.")
                                }
                            }
                            if !personas.isEmpty {
                                el("p") {
                                    context.t("Voorkeur van: ", "Preferred by: ")
                                    commaList(personas.map { context.recordLink(.persona, $0) })
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func metricDefinitions(_ context: PageContext) -> Node {
        let metrics = context.data.records(.metric)
        return context.section(context.t("Meeteenheden", "Metrics"), id: "meeteenheden") {
            if metrics.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen meeteenheden bepaald.", "No metrics defined yet.") }
            } else {
                el("p") {
                    context.t("Hiermee meten we of een verbetering werkt. De nulmeting is de stand vóór de verbeteringen.",
                              "These show whether an improvement works. The baseline is the value before any improvement.")
                }
                context.table(caption: context.t("Meeteenheden met nulmeting en doel", "Metrics with baseline and target"),
                              headers: [context.t("Meeteenheid", "Metric"), context.t("Eenheid", "Unit"), context.t("Beter is", "Better is"),
                                        context.t("Nulmeting", "Baseline"), context.t("Doel", "Target"), context.t("Uiterlijk", "By"),
                                        context.t("Klantreis", "Journey")],
                              numeric: [3, 4],
                              rows: metrics.map { metric in
                                  [context.recordLink(.metric, metric.ref, showRef: false),
                                   .text(metric[.unit].string ?? ""),
                                   .text(metric[.direction].string == "lower" ? context.t("lager", "lower") : context.t("hoger", "higher")),
                                   .text(metric[.baseline].double.map { context.value($0, of: metric) } ?? "–"),
                                   .text(metric[.target].double.map { context.value($0, of: metric) } ?? "–"),
                                   .text(metric[.targetDate].string.map { context.date($0) } ?? "–"),
                                   metric[.journey].string.map { context.recordLink(.journey, $0) } ?? .text("–")]
                              })
                onward("metingen.html", context.t("Alle meeteenheden met hun metingen per cyclus", "All metrics with their measurements per cycle"))
            }
        }
    }
}
