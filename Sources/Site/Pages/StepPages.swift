import SixSteps

/// The six step pages, stap-1.html … stap-6.html: each is the hub of one step of the method, says
/// in plain words what the step is for, and links on to the pages that go deeper. Records that
/// have no page of their own (principles, goals, insights, personas, channels, spearheads,
/// agreements) live here, each under the id `PageContext.anchor` gives it.
enum StepPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        // Shared by steps 1 and 6: found once, not per goal or per metric.
        try emit(visionPage(context))
        try emit(basicsPage(context))
        try emit(insightPage(context))
        try emit(opportunitiesPage(context))
        try emit(roadmapPage(context))
        try emit(improvingPage(context))
    }

    static func title(_ context: PageContext, _ step: Step) -> String { context.stepTitle(step) }
}

// MARK: - Shared pieces

extension StepPages {
    /// A bar that shows a share of the way; the percentage beside it says the same in words.
    static func progressBar(_ share: Double, _ context: PageContext) -> Node {
        let width = Int((max(0, min(share, 1)) * 100).rounded())
        return el("span", [.class("step-progress")]) {
            el("span", [.class("step-progress-track"), .aria("hidden", "true")]) {
                el("span", [.class(share >= 1 ? "step-progress-fill reached" : "step-progress-fill"), .style("width: \(width)%")])
            }
            el("span", [.class("step-progress-text")]) { context.language.percent(share) }
        }
    }

    /// A link on to a list page that goes deeper than the step page.
    static func onward(_ href: String, _ text: String) -> Node {
        el("p", [.class("step-onward")]) { link(href) { text } }
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }

    static func paragraphs(_ text: String) -> [Node] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .map { String($0).trimmingCharacters(in: [" ", "\t", "\r"]) }
            .filter { !$0.isEmpty }
            .map { line in el("p") { line } }
    }

    /// The ref a reference field points to, or nil when it is empty.
    static func reference(_ kind: Kind, _ record: Record, _ field: String) -> String? {
        let value = record[field]
        return value.isNull ? nil : kind.ref(value)
    }

    static func slugs(_ text: String?) -> [String] {
        (text ?? "").split(separator: ",").map { String($0).trimmingCharacters(in: [" "]) }.filter { !$0.isEmpty }
    }

    /// Days from one date to another, for "nog 57 dagen" in the open cycle.
    static func days(from start: ISODate, to end: ISODate) -> Int { start.days(to: end) }

    /// Joins nodes with ", " for inline lists of links.
    static func commaList(_ nodes: [Node]) -> Node {
        Node.group(nodes.enumerated().map { index, node in Node.group([index > 0 ? .text(", ") : .empty, node]) })
    }
}

// MARK: - Step 1: vision, principles, goals

extension StepPages {
    static func visionPage(_ context: PageContext) -> Page {
        let data = context.data
        return Page(file: Section.vision.file, title: title(context, .vision), section: .vision,
                    lead: context.t("In deze stap legt het team vast waar de dienstverlening naartoe gaat. De visie zegt wat inwoners "
                                    + "mogen verwachten. De principes zeggen hoe we werken. De doelen laten zien of het lukt.",
                                    "In this step the team sets out where the service is heading. The vision says what residents "
                                    + "may expect. The principles say how we work. The goals show whether it works.")) {
            context.section(context.t("Onze visie", "Our vision"), id: "visie") {
                if let vision = data.vision {
                    el("blockquote", [.class("vision")]) { paragraphs(vision.text) }
                    el("p", [.class("step-meta")]) {
                        context.t("Laatst bijgewerkt op \(context.date(vision.updatedOn)).", "Last updated on \(context.date(vision.updatedOn)).")
                    }
                } else {
                    el("p", [.class("none")]) {
                        context.t("Het team heeft nog geen visie vastgelegd.", "The team has not recorded a vision yet.")
                    }
                }
            }
            principles(context)
            goals(context)
            assumptions(context)
        }
    }

    static func principles(_ context: PageContext) -> Node {
        let principles = context.data.records(.principle)
        return context.section(context.t("Principes", "Principles"), id: "principes") {
            if principles.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen principes vastgelegd.", "No principles recorded yet.") }
            } else {
                el("p") {
                    context.t("Deze afspraken volgen uit de visie. Elke verbetering moet erbij passen.",
                              "These rules follow from the vision. Every improvement must fit them.")
                }
                el("ol", [.class("step-principles")]) {
                    principles.map { principle in
                        el("li", [.id(context.anchor(.principle, principle.ref))]) {
                            el("h3") {
                                el("span", [.class("ref")]) { principle.ref }
                                principle.title
                            }
                            paragraphs(principle["description"].string ?? "")
                        }
                    }
                }
            }
        }
    }

    static func goals(_ context: PageContext) -> Node {
        let goals = context.data.records(.goal)
        return context.section(context.t("Doelen", "Goals"), id: "doelen") {
            if goals.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen doelen vastgelegd.", "No goals recorded yet.") }
            } else {
                el("p") {
                    context.t("Elk doel hoort bij een meeteenheid. Zo is te zien hoe ver we zijn: van de nulmeting naar het doel.",
                              "Each goal belongs to a metric. That shows how far we are: from the baseline to the target.")
                }
                el("ul", [.class("cards step-cards")]) { goals.map { goal($0, context) } }
            }
        }
    }

    static func goal(_ goal: Record, _ context: PageContext) -> Node {
        let data = context.data
        let metricRef = goal["metric"].string
        let metric = metricRef.flatMap { data.record(.metric, $0) }
        let target = goal["target"].double ?? metric?["target"].double
        let comparison = metricRef.flatMap { context.data.latest($0) }
        let baseline = metric?["baseline"].double
        // The goal may set its own target; progress is measured against that, not the metric's.
        var progress = comparison?.progress
        if let mean = comparison?.current?.summary.mean, comparison?.current?.suppressed == false,
           let baseline, let target, target != baseline {
            progress = (mean - baseline) / (target - baseline)
        }
        let dateText = goal["target_date"].string
        let passed = dateText.flatMap { ISODate($0) }.map { $0 < data.today } ?? false

        let now: Node
        if let current = comparison?.current {
            let cycle = current.cycle
            if current.suppressed {
                now = Node.group([.text(context.t("afgeschermd in ", "suppressed in ")), context.recordLink(.cycle, cycle, showRef: false),
                                  .text(context.t(" (te weinig antwoorden)", " (too few answers)"))])
            } else {
                now = Node.group([.text(context.value(current.summary.mean, of: metric) + context.t(" in ", " in ")),
                                  context.recordLink(.cycle, cycle, showRef: false)])
            }
        } else {
            now = .text(context.t("nog niet gemeten", "not measured yet"))
        }
        var state: Node = .empty
        if let progress, progress >= 1 {
            state = context.badge(context.t("doel gehaald", "target reached"), tone: "good")
        } else if passed {
            state = context.badge(context.t("datum voorbij, doel niet gehaald", "date passed, target not reached"), tone: "late")
        }
        return el("li", [.class("card"), .id(context.anchor(.goal, goal.ref))]) {
            el("h3") {
                el("span", [.class("ref")]) { goal.ref }
                goal.title
            }
            state
            context.facts([
                (context.t("Meeteenheid", "Metric"), metricRef.map { context.recordLink(.metric, $0, showRef: false) }
                    ?? .text(context.t("nog geen meeteenheid gekozen", "no metric chosen yet"))),
                (context.t("Nulmeting", "Baseline"), baseline.map { .text(context.value($0, of: metric)) }),
                (context.t("Doel", "Target"), target.map { .text(context.value($0, of: metric)) }),
                (context.t("Uiterlijk", "By"), dateText.map { .text(context.date($0)) }),
                (context.t("Nu", "Now"), now),
                (context.t("Voortgang", "Progress"), progress.map { progressBar($0, context) }),
            ])
            paragraphs(goal["description"].string ?? "")
        }
    }
}

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
        let byKind = Dictionary(grouping: insights, by: { $0["kind"].string ?? "" })
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
        if let journey = insight["journey"].string {
            about.append(Node.group([.text(context.t("klantreis ", "journey ")), context.recordLink(.journey, journey)]))
        }
        if let persona = insight["persona"].string {
            about.append(Node.group([.text(context.t("klantgroep ", "resident group ")), context.recordLink(.persona, persona)]))
        }
        if let channel = insight["channel"].string {
            about.append(Node.group([.text(context.t("kanaal ", "channel ")), context.recordLink(.channel, channel)]))
        }
        return el("li", [.id(context.anchor(.insight, insight.ref))]) {
            el("p", [.class("step-insight-title")]) {
                el("span", [.class("ref")]) { insight.ref }
                el("strong") { insight.title }
            }
            paragraphs(insight["description"].string ?? "")
            if let source = insight["source"].string {
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
                        let preferred = slugs(persona["channels"].string)
                        return el("li", [.class("card"), .id(context.anchor(.persona, persona.ref))]) {
                            el("h3") { persona.title }
                            paragraphs(persona["description"].string ?? "")
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
            for channel in slugs(persona["channels"].string) { preferredBy[channel, default: []].append(persona.ref) }
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
                            paragraphs(channel["description"].string ?? "")
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
                                   .text(metric["unit"].string ?? ""),
                                   .text(metric["direction"].string == "lower" ? context.t("lager", "lower") : context.t("hoger", "higher")),
                                   .text(metric["baseline"].double.map { context.value($0, of: metric) } ?? "–"),
                                   .text(metric["target"].double.map { context.value($0, of: metric) } ?? "–"),
                                   .text(metric["target_date"].string.map { context.date($0) } ?? "–"),
                                   metric["journey"].string.map { context.recordLink(.journey, $0) } ?? .text("–")]
                              })
                onward("metingen.html", context.t("Alle meeteenheden met hun metingen per cyclus", "All metrics with their measurements per cycle"))
            }
        }
    }
}

// MARK: - Step 3: journeys and findings

extension StepPages {
    static func insightPage(_ context: PageContext) -> Page {
        let data = context.data
        // One pass over all findings gives every count this page shows.
        var perJourney: [String: (good: Int, improve: Int)] = [:]
        var perPhase: [String: (good: Int, improve: Int)] = [:]
        var improve: [Record] = []
        for finding in data.records(.finding) {
            let journey = finding["journey"].string ?? ""
            let phaseKey = journey + "/" + (finding["phase"].string ?? "")
            if finding["kind"].string == "good" {
                perJourney[journey, default: (0, 0)].good += 1
                perPhase[phaseKey, default: (0, 0)].good += 1
            } else {
                perJourney[journey, default: (0, 0)].improve += 1
                perPhase[phaseKey, default: (0, 0)].improve += 1
                improve.append(finding)
            }
        }
        let severe = improve.sorted {
            let (a, b) = ($0["severity"].int ?? 0, $1["severity"].int ?? 0)
            return a != b ? a > b : ($0.key.int ?? 0) < ($1.key.int ?? 0)
        }.prefix(10)
        let journeys = data.records(.journey)
        return Page(file: Section.insight.file, title: title(context, .insight), section: .insight,
                    lead: context.t("In deze stap kijkt het team door de ogen van inwoners. Per klantreis staat fase voor fase "
                                    + "wat goed gaat en wat beter moet.",
                                    "In this step the team looks through the eyes of residents. For each journey, phase by phase, "
                                    + "it records what goes well and what must improve.")) {
            context.section(context.t("Klantreizen", "Customer journeys"), id: "klantreizen") {
                if journeys.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen klantreizen beschreven.", "No customer journeys described yet.") }
                } else {
                    el("ul", [.class("cards step-cards")]) {
                        journeys.map { journey in
                            let counts = perJourney[journey.ref] ?? (0, 0)
                            let phases = data.phases[journey.ref] ?? []
                            return el("li", [.class("card")]) {
                                el("h3") { context.recordLink(.journey, journey.ref, showRef: false) }
                                paragraphs(journey["description"].string ?? "")
                                el("p", [.class("step-counts")]) {
                                    context.badge(context.t("\(counts.good) gaat goed", "\(counts.good) going well"), tone: "good")
                                    " "
                                    context.badge(context.t("\(counts.improve) moet beter", "\(counts.improve) to improve"), tone: "improve")
                                }
                                if phases.isEmpty {
                                    el("p", [.class("none")]) { context.t("Nog geen fasen.", "No phases yet.") }
                                } else {
                                    context.table(caption: context.t("Bevindingen per fase", "Findings per phase"),
                                                  headers: [context.t("Fase", "Phase"), context.t("Gaat goed", "Goes well"),
                                                            context.t("Moet beter", "Must improve")],
                                                  numeric: [1, 2],
                                                  rows: phases.enumerated().map { index, phase in
                                                      let count = perPhase[journey.ref + "/" + phase.slug] ?? (0, 0)
                                                      return [.text("\(index + 1). \(phase.name)"), .text("\(count.good)"), .text("\(count.improve)")]
                                                  })
                                }
                            }
                        }
                    }
                }
            }
            context.section(context.t("Wat het meest beter moet", "What most needs to improve"), id: "ernstig") {
                if severe.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen bevindingen die beter moeten.", "No findings that must improve yet.") }
                } else {
                    el("p") {
                        context.t("De bevindingen die inwoners het zwaarst raken. Ernst 5 is het zwaarst.",
                                  "The findings that affect residents most. Severity 5 is the most severe.")
                    }
                    context.table(caption: context.t("De \(severe.count) zwaarste bevindingen die beter moeten",
                                                     "The \(severe.count) most severe findings that must improve"),
                                  headers: [context.t("Bevinding", "Finding"), context.t("Klantreis", "Journey"),
                                            context.t("Fase", "Phase"), context.t("Ernst", "Severity")],
                                  numeric: [3],
                                  rows: severe.map { finding in
                                      let journey = finding["journey"].string ?? ""
                                      let phase = finding["phase"].string ?? ""
                                      let phaseName = (data.phases[journey] ?? []).first { $0.slug == phase }?.name ?? phase
                                      return [context.recordLink(.finding, finding.ref),
                                              journey.isEmpty ? .text("–") : context.recordLink(.journey, journey),
                                              .text(phaseName),
                                              .text("\(finding["severity"].int ?? 0)")]
                                  })
                }
                if !data.records(.finding).isEmpty {
                    onward("bevindingen.html", context.t("Alle \(data.records(.finding).count) bevindingen", "All \(data.records(.finding).count) findings"))
                }
            }
            themes(context)
        }
    }
}

// MARK: - Step 4: spearheads, opportunities, scoring

extension StepPages {
    static func score(_ score: Double, _ context: PageContext) -> String {
        context.number(score, decimals: context.data.scoring.method == .weighted ? 1 : 2)
    }

    static func opportunitiesPage(_ context: PageContext) -> Page {
        let data = context.data
        var bySpearhead: [String: [RankedOpportunity]] = [:]
        var loose = 0
        for opportunity in data.ranked {
            if let spearhead = reference(.spearhead, opportunity.record, "spearhead") {
                bySpearhead[spearhead, default: []].append(opportunity)
            } else {
                loose += 1
            }
        }
        let spearheads = data.records(.spearhead)
        let top = data.ranked.prefix(10)
        return Page(file: Section.opportunities.file, title: title(context, .opportunities), section: .opportunities,
                    lead: context.t("In deze stap kiest het team wat het eerst aanpakt. Uit de bevindingen komen verbeterkansen. "
                                    + "Elke kans krijgt een score. Speerpunten bundelen de kansen die er het meest toe doen.",
                                    "In this step the team chooses what to tackle first. The findings lead to opportunities. "
                                    + "Each opportunity gets a score. Spearheads group the opportunities that matter most.")) {
            context.section(context.t("Speerpunten", "Spearheads"), id: "speerpunten") {
                if spearheads.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen speerpunten gekozen.", "No spearheads chosen yet.") }
                } else {
                    el("ul", [.class("cards step-cards")]) {
                        spearheads.map { spearhead in
                            let opportunities = bySpearhead[spearhead.ref] ?? []
                            return el("li", [.class("card"), .id(context.anchor(.spearhead, spearhead.ref))]) {
                                el("h3") {
                                    el("span", [.class("ref")]) { spearhead.ref }
                                    spearhead.title
                                }
                                paragraphs(spearhead["description"].string ?? "")
                                if opportunities.isEmpty {
                                    el("p", [.class("none")]) {
                                        context.t("Nog geen verbeterkansen bij dit speerpunt.", "No opportunities under this spearhead yet.")
                                    }
                                } else {
                                    el("ul", [.class("records")]) {
                                        opportunities.prefix(10).map { opportunity in
                                            el("li") {
                                                context.recordLink(.opportunity, opportunity.ref)
                                                el("span", [.class("step-meta")]) {
                                                    context.t(" – score \(score(opportunity.score, context)), plaats \(opportunity.rank)",
                                                              " – score \(score(opportunity.score, context)), rank \(opportunity.rank)")
                                                }
                                            }
                                        }
                                    }
                                    // A hub page shows the best ten; the full list is on verbeterkansen.html.
                                    if opportunities.count > 10 {
                                        el("p", [.class("step-meta")]) {
                                            context.t("En \(opportunities.count - 10) andere verbeterkansen bij dit speerpunt.",
                                                      "And \(opportunities.count - 10) more opportunities under this spearhead.")
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                if loose > 0 {
                    el("p") {
                        loose == 1
                            ? context.t("1 verbeterkans hoort (nog) bij geen speerpunt.", "1 opportunity belongs to no spearhead (yet).")
                            : context.t("\(loose) verbeterkansen horen (nog) bij geen speerpunt.", "\(loose) opportunities belong to no spearhead (yet).")
                    }
                }
            }
            context.section(context.t("De beste verbeterkansen", "The best opportunities"), id: "beste") {
                if top.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen verbeterkansen.", "No opportunities yet.") }
                } else {
                    context.table(caption: context.t("De \(top.count) verbeterkansen met de hoogste score", "The \(top.count) opportunities with the highest score"),
                                  headers: [context.t("Plaats", "Rank"), context.t("Verbeterkans", "Opportunity"), context.t("Score", "Score"),
                                            context.t("Impact", "Impact"), context.t("Moeite", "Effort"), context.t("Speerpunt", "Spearhead")],
                                  numeric: [0, 2, 3, 4],
                                  rows: top.map { opportunity in
                                      let spearhead = reference(.spearhead, opportunity.record, "spearhead")
                                      return [.text("\(opportunity.rank)"),
                                              context.recordLink(.opportunity, opportunity.ref),
                                              .text(score(opportunity.score, context)),
                                              .text("\(opportunity.record["impact"].int ?? 0)"),
                                              .text("\(opportunity.record["effort"].int ?? 0)"),
                                              spearhead.map { context.recordLink(.spearhead, $0) } ?? .text("–")]
                                  })
                }
                if !top.isEmpty {
                    onward("verbeterkansen.html", context.t("Alle verbeterkansen en de keuzematrix (effect tegen moeite)",
                                                            "All opportunities and the prioritisation matrix (impact against effort)"))
                }
            }
            scoring(context)
        }
    }

    static func weightedFormula(_ context: PageContext, _ weights: ScoreWeights, _ total: Double) -> String {
        let parts: [(Double, String)] = [
            (weights.impact, context.t("effect", "impact")), (weights.reach, context.t("bereik", "reach")),
            (weights.confidence, context.t("zekerheid", "confidence")), (weights.ease, context.t("gemak", "ease")),
            (weights.severity, context.t("ernst", "severity")), (weights.spearhead, context.t("speerpunt", "spearhead")),
        ]
        let sum = parts.filter { $0.0 != 0 }.map { "\(context.number($0.0))·\($0.1)" }.joined(separator: " + ")
        return "score = 100 × (\(sum)) ÷ \(context.number(total))"
    }

    static func scoring(_ context: PageContext) -> Node {
        let model = context.data.scoring
        let weights = model.weights
        let total = weights.impact + weights.reach + weights.confidence + weights.ease + weights.severity + weights.spearhead
        let parts: [(String, Double)] = [
            (context.t("Impact: hoeveel beter het wordt voor inwoners", "Impact: how much better it gets for residents"), weights.impact),
            (context.t("Bereik: hoeveel inwoners het raakt", "Reach: how many residents it touches"), weights.reach),
            (context.t("Zekerheid: hoe zeker het team is van impact en moeite", "Confidence: how sure the team is of impact and effort"), weights.confidence),
            (context.t("Gemak: hoe minder moeite, hoe meer punten", "Ease: the less effort, the more points"), weights.ease),
            (context.t("Ernst: hoe zwaar de zwaarste bevinding is", "Severity: how severe the worst finding is"), weights.severity),
            (context.t("Speerpunt: of de kans bij een speerpunt hoort", "Spearhead: whether it belongs to a spearhead"), weights.spearhead),
        ]
        let counted = parts.filter { $0.1 != 0 }.count
        return context.section(context.t("Hoe de score werkt", "How the score works"), id: "score") {
            switch model.method {
            case .weighted:
                el("p") {
                    context.t("De score loopt van 0 tot 100. \(counted) dingen tellen mee. Hoe groter het gewicht, hoe zwaarder het telt:",
                              "The score runs from 0 to 100. \(counted) things count. The bigger the weight, the more it counts:")
                }
                el("ul", [.class("step-weights")]) {
                    parts.map { label, weight in
                        el("li") {
                            label
                            el("span", [.class("step-meta")]) {
                                weight == 0 ? context.t(" – telt niet mee", " – does not count")
                                    : context.t(" – gewicht \(context.number(weight)) (tot \(context.number(total > 0 ? 100 * weight / total : 0)) punten)",
                                                " – weight \(context.number(weight)) (up to \(context.number(total > 0 ? 100 * weight / total : 0)) points)")
                            }
                        }
                    }
                }
                el("p") {
                    context.t("Bij een gelijke score gaat de oudste verbeterkans voor.", "With equal scores the oldest opportunity goes first.")
                }
            case .rice:
                el("p") {
                    context.t("Score = bereik × effect × zekerheid ÷ moeite. Veel bereik, veel effect en veel zekerheid geven een hoge score. "
                              + "Veel moeite maakt de score lager.",
                              "Score = reach × impact × confidence ÷ effort. Wide reach, big impact and high confidence give a high score. "
                              + "Much effort makes the score lower.")
                }
            case .valueEffort:
                el("p") {
                    context.t("Score = effect ÷ moeite. Veel effect voor weinig moeite geeft de hoogste score.",
                              "Score = impact ÷ effort. Much impact for little effort gives the highest score.")
                }
            }
            if model.method == .weighted {
                el("p", [.class("step-meta")]) {
                    context.t("Als formule, met elk onderdeel tussen 0 en 1: ", "As a formula, with each part between 0 and 1: ")
                    el("code") { weightedFormula(context, weights, total) }
                }
            }
        }
    }
}

// MARK: - Step 5: roadmap and working agreements

extension StepPages {
    static func roadmapPage(_ context: PageContext) -> Page {
        let data = context.data
        let horizons = Horizon.allCases.map(\.rawValue)
        let statuses = ItemStatus.allCases.map(\.rawValue)
        var counts: [String: [String: Int]] = [:]
        for entry in data.roadmap { counts[entry.horizon, default: [:]][entry.status, default: 0] += 1 }
        let now = data.roadmap.filter { $0.horizon == Horizon.now.rawValue && $0.status != ItemStatus.dropped.rawValue }
        let agreements = data.records(.agreement)
        return Page(file: Section.roadmap.file, title: title(context, .roadmap), section: .roadmap,
                    lead: context.t("In deze stap zet het team de verbeteringen in de tijd: wat nu, wat hierna en wat later. "
                                    + "Werkafspraken leggen vast wie wat doet en hoe vaak.",
                                    "In this step the team puts the improvements in time: what now, what next and what later. "
                                    + "Working agreements record who does what, and how often.")) {
            context.section(context.t("De roadmap in cijfers", "The roadmap in figures"), id: "aantallen") {
                if data.roadmap.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen roadmap-items.", "No roadmap items yet.") }
                } else {
                    el("ul", [.class("figures")]) {
                        horizons.map { horizon in
                            let active = (counts[horizon] ?? [:]).filter { $0.key != ItemStatus.dropped.rawValue }.values.reduce(0, +)
                            return el("li") {
                                el("strong") { "\(active)" }
                                context.t("items \(context.horizonLabel(horizon).lowercased())", "items \(context.horizonLabel(horizon).lowercased())")
                            }
                        }
                    }
                    context.table(caption: context.t("Roadmap-items per periode en status", "Roadmap items per horizon and status"),
                                  headers: [context.t("Wanneer", "When")] + statuses.map { capitalized(context.statusLabel($0)) } + [context.t("Totaal", "Total")],
                                  numeric: Set(1...(statuses.count + 1)),
                                  rows: (horizons + [""]).map { horizon in
                                      let row: [String: Int]
                                      if horizon.isEmpty {
                                          row = counts.values.reduce(into: [:]) { sum, part in for (key, value) in part { sum[key, default: 0] += value } }
                                      } else {
                                          row = counts[horizon] ?? [:]
                                      }
                                      let label = horizon.isEmpty ? context.t("Totaal", "Total") : context.horizonLabel(horizon)
                                      return [horizon.isEmpty ? el("strong") { label } : .text(label)]
                                          + statuses.map { Node.text("\(row[$0] ?? 0)") }
                                          + [Node.text("\(row.values.reduce(0, +))")]
                                  })
                }
                if !data.roadmap.isEmpty {
                    onward("roadmap.html", context.t("De hele roadmap, met tijdlijn", "The whole roadmap, with timeline"))
                }
            }
            context.section(context.t("Nu aan de slag", "Working on now"), id: "nu") {
                if now.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen items voor nu.", "No items for now yet.") }
                } else {
                    context.table(caption: context.t("Roadmap-items voor nu, de belangrijkste eerst", "Roadmap items for now, the most important first"),
                                  headers: [context.t("Item", "Item"), context.t("Status", "Status"), context.t("Eigenaar", "Owner"),
                                            context.t("Wanneer klaar", "When done")],
                                  rows: now.map { entry in
                                      let item = entry.item
                                      return [context.recordLink(.item, item.ref),
                                              context.badge(context.statusLabel(entry.status), tone: entry.status),
                                              .text(item["owner"].string ?? "–"),
                                              Node.group([
                                                  .text(item["done_date"].string.map { context.t("klaar op ", "done on ") + context.date($0) }
                                                        ?? item["due_date"].string.map { context.t("uiterlijk ", "by ") + context.date($0) } ?? "–"),
                                                  entry.overdue ? Node.group([.text(" "), context.badge(context.t("te laat", "late"), tone: "late")]) : .empty,
                                              ])]
                                  })
                }
            }
            context.section(context.t("Werkafspraken", "Working agreements"), id: "werkafspraken") {
                if agreements.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen werkafspraken.", "No working agreements yet.") }
                } else {
                    el("p") {
                        context.t("Zo houden we de verbeteringen vast: wie doet wat, en hoe vaak.",
                                  "This is how we keep the improvements going: who does what, and how often.")
                    }
                    el("ul", [.class("cards step-cards")]) {
                        agreements.map { agreement in
                            el("li", [.class("card"), .id(context.anchor(.agreement, agreement.ref))]) {
                                el("h3") {
                                    el("span", [.class("ref")]) { agreement.ref }
                                    agreement.title
                                }
                                context.facts([
                                    (context.t("Wie", "Who"), agreement["who"].string.map { .text($0) }),
                                    (context.t("Hoe vaak", "How often"), agreement["cadence"].string.map { .text($0) }),
                                    (context.t("Voor", "For"), reference(.item, agreement, "item").map { context.recordLink(.item, $0) }
                                        ?? .text(context.t("geen roadmap-item", "no roadmap item"))),
                                ])
                            }
                        }
                    }
                }
            }
        }
    }
}

// MARK: - Step 6: cycles, metrics, privacy, quotes

extension StepPages {
    static func improvingPage(_ context: PageContext) -> Page {
        let data = context.data
        return Page(file: Section.improving.file, title: title(context, .improving), section: .improving,
                    lead: context.t("In deze stap meet het team na elke ronde of het echt beter werd. Zo'n ronde heet een cyclus. "
                                    + "Aan het eind kijkt het team terug en past de roadmap aan.",
                                    "In this step the team measures after each round whether things really got better. Such a round "
                                    + "is called a cycle. At the end the team looks back and adjusts the roadmap.")) {
            openCycle(context)
            context.section(context.t("Alle cycli", "All cycles"), id: "cycli") {
                if data.reports.isEmpty {
                    el("p", [.class("none")]) { context.t("Nog geen cycli.", "No cycles yet.") }
                } else {
                    context.table(caption: context.t("Cycli met hun terugblik", "Cycles with their retrospective"),
                                  headers: [context.t("Cyclus", "Cycle"), context.t("Van", "From"), context.t("Tot", "To"),
                                            context.t("Status", "Status"), context.t("Terugblik", "Retrospective")],
                                  rows: data.reports.map { report in
                                      let cycle = report.cycle
                                      let open = cycle["status"].string == "open"
                                      return [context.recordLink(.cycle, cycle.ref),
                                              .text(cycle["start_date"].string.map { context.date($0) } ?? "–"),
                                              .text(cycle["end_date"].string.map { context.date($0) } ?? "–"),
                                              context.badge(open ? context.t("loopt", "running") : context.t("afgesloten", "closed"),
                                                            tone: open ? "doing" : "done"),
                                              .text(cycle["note"].string ?? (open ? context.t("nog niet", "not yet") : "–"))]
                                  })
                }
                if !data.reports.isEmpty {
                    onward("cycli.html", context.t("Alle cycli met de voor- en nametingen", "All cycles with their before and after"))
                }
            }
            metricVerdicts(context)
            context.section(context.t("Privacy", "Privacy"), id: "privacy") {
                el("p") {
                    context.t("Antwoorden van inwoners blijven in het roadmapbestand. Deze site toont alleen totalen. "
                              + "Een groep met minder dan \(data.threshold) antwoorden tonen we niet: daar staat \u{201C}afgeschermd\u{201D}. "
                              + "Open antwoorden staan hier alleen als een beheerder ze heeft vrijgegeven.",
                              "Residents' answers stay in the roadmap file. This site shows totals only. "
                              + "A group with fewer than \(data.threshold) answers is not shown: it says \u{201C}suppressed\u{201D}. "
                              + "Open answers appear here only when a manager has released them.")
                }
            }
            quotes(context)
        }
    }

    static func openCycle(_ context: PageContext) -> Node {
        let data = context.data
        let report = data.reports.last { $0.cycle["status"].string == "open" }
        return context.section(context.t("De lopende cyclus", "The current cycle"), id: "lopend") {
            if let report {
                let cycle = report.cycle
                let missing = report.comparisons.filter { $0.current == nil }.map(\.slug)
                let measured = report.comparisons.count - missing.count
                el("p") {
                    context.recordLink(.cycle, cycle.ref)
                    cycle["start_date"].string.map { context.t(" loopt van ", " runs from ") + context.date($0) } ?? context.t(" loopt", " is running")
                    cycle["end_date"].string.map { context.t(" tot ", " to ") + context.date($0) } ?? ""
                    "."
                    if let end = cycle["end_date"].string.flatMap({ ISODate($0) }) {
                        let left = days(from: data.today, to: end)
                        " "
                        left > 1 ? context.t("Nog \(left) dagen.", "\(left) days to go.")
                            : left == 1 ? context.t("Nog 1 dag.", "1 day to go.")
                            : left == 0 ? context.t("Vandaag is de laatste dag.", "Today is the last day.")
                            : context.t("De einddatum is voorbij: tijd om terug te kijken en de cyclus af te sluiten.",
                                        "The end date has passed: time to look back and close the cycle.")
                    }
                }
                el("p") {
                    context.t("\(measured) van de \(report.comparisons.count) meeteenheden zijn gemeten. Het oordeel per meeteenheid:",
                              "\(measured) of the \(report.comparisons.count) metrics have been measured. The verdict per metric:")
                }
                context.verdictCounts(report)
                if !missing.isEmpty {
                    el("p") { context.t("Nog te meten in deze cyclus:", "Still to measure in this cycle:") }
                    context.recordList(.metric, missing, empty: "")
                }
            } else if let last = data.reports.last {
                el("p") {
                    context.t("Er loopt nu geen cyclus. De laatste was ", "No cycle is running now. The last one was ")
                    context.recordLink(.cycle, last.cycle.ref)
                    last.cycle["end_date"].string.map { context.t(", tot ", ", until ") + context.date($0) } ?? ""
                    context.t(". Het team opent een nieuwe cyclus als het opnieuw gaat meten.", ". The team opens a new cycle when it measures again.")
                }
            } else {
                el("p", [.class("none")]) {
                    context.t("Nog geen cycli. Een cyclus begint met een meting.", "No cycles yet. A cycle starts with a measurement.")
                }
            }
        }
    }

    static func metricVerdicts(_ context: PageContext) -> Node {
        let metrics = context.data.records(.metric)
        return context.section(context.t("Meeteenheden: het laatste oordeel", "Metrics: the latest verdict"), id: "oordeel") {
            if metrics.isEmpty {
                el("p", [.class("none")]) { context.t("Nog geen meeteenheden.", "No metrics yet.") }
            } else {
                el("p") {
                    context.t("Per meeteenheid de laatste meting, vergeleken met de meting ervoor (of met de nulmeting). Verbeterd of verslechterd "
                              + "staat er alleen als het verschil groter is dan toeval. Zonder aantal of spreiding is geen oordeel mogelijk.",
                              "For each metric the latest measurement, compared with the one before (or with the baseline). Improved or worse "
                              + "is said only when the difference is larger than chance. Without sample size or spread no verdict is possible.")
                }
                context.table(caption: context.t("Het laatste oordeel per meeteenheid", "The latest verdict per metric"),
                              headers: [context.t("Meeteenheid", "Metric"), context.t("Laatste meting", "Latest measurement"),
                                        context.t("Cyclus", "Cycle"), context.t("Oordeel", "Verdict"), context.t("Toeval?", "Chance?")],
                              numeric: [1],
                              rows: metrics.map { metric in
                                  guard let comparison = context.data.latest(metric.ref), let current = comparison.current else {
                                      return [context.recordLink(.metric, metric.ref, showRef: false), .text("–"), .text("–"),
                                              context.verdictBadge(.notMeasured), .text("–")]
                                  }
                                  return [context.recordLink(.metric, metric.ref, showRef: false),
                                          .text(current.suppressed ? context.t("afgeschermd", "suppressed") : context.value(current.summary.mean, of: metric)),
                                          context.recordLink(.cycle, current.cycle),
                                          context.verdictCell(comparison),
                                          .text(current.suppressed ? "–" : context.noiseLabel(comparison.noise))]
                              })
                onward("metingen.html", context.t("Alle meeteenheden met hun metingen per cyclus", "All metrics with their measurements per cycle"))
            }
        }
    }

    static func quotes(_ context: PageContext) -> Node {
        let quotes = context.data.quotes
        // The newest first; a long list of quotes stops being read, so the page shows a selection.
        let shown = Array(quotes.reversed().prefix(30))
        return context.section(context.t("Wat inwoners zeggen", "What residents say"), id: "citaten") {
            if shown.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Nog geen uitspraken vrijgegeven om te citeren.", "No comments released for quoting yet.")
                }
            } else {
                el("p") {
                    context.t("Uitspraken uit enquêtes die een beheerder heeft vrijgegeven.", "Comments from surveys that a manager has released.")
                }
                el("ul", [.class("step-quotes")]) {
                    shown.map { quote in
                        el("li") {
                            el("blockquote") { paragraphs(quote.comment) }
                            el("p", [.class("step-meta")]) {
                                // No score where it would undo a suppression (`Quote`).
                                quote.score.map { context.t("Cijfer \(context.number($0)) · ", "Score \(context.number($0)) · ") } ?? ""
                                context.recordLink(.metric, quote.metric, showRef: false)
                                " · "
                                context.recordLink(.cycle, quote.cycle)
                            }
                        }
                    }
                }
                if quotes.count > shown.count {
                    el("p", [.class("step-meta")]) {
                        context.t("De \(shown.count) nieuwste van \(quotes.count) vrijgegeven uitspraken.",
                                  "The \(shown.count) newest of \(quotes.count) released comments.")
                    }
                }
            }
        }
    }
}
