import SixSteps

/// roadmap.html: now, next and later as three columns of cards in priority order, then a
/// timeline of the items that have dates, with their dependencies.
enum RoadmapPages: PageFamily {
    static func pages(_ context: PageContext, _ emit: (Page) throws -> Void) throws {
        let data = context.data
        let active = data.roadmap.filter { $0.status != "dropped" }
        let dropped = data.roadmap.filter { $0.status == "dropped" }
        try emit(Page(file: "roadmap.html", title: context.t("Roadmap", "Roadmap"), section: .roadmap,
                      lead: context.t("Wat we nu doen, wat daarna komt en wat later. Binnen elke kolom staat het belangrijkste bovenaan.",
                                      "What we do now, what comes next and what comes later. In each column the most important comes first.")) {
            if !data.roadmap.isEmpty {
                el("p") {
                    let open = active.filter { $0.status != "done" }.count
                    context.count(open, "item staat", "items staan", "item is", "items are") + context.t(" nog open, ", " still open, ")
                        + "\(active.count - open) " + context.t("afgerond", "done")
                        + (dropped.isEmpty ? "" : context.t(" en \(dropped.count) geschrapt", " and \(dropped.count) dropped")) + "."
                }
            }
            if data.roadmap.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er staan nog geen items op de roadmap.",
                              "There are no roadmap items yet.")
                }
            } else {
                horizons(context, active.filter { $0.status != "done" })
                doneSection(context, active.filter { $0.status == "done" })
                timeline(context, active)
                droppedSection(context, dropped)
            }
        })
    }

    static let horizonOrder = ["now", "next", "later"]

    /// The id of a horizon's column; item pages link to it.
    static func horizonAnchor(_ horizon: String) -> String {
        switch horizon {
        case "now": return "nu"
        case "next": return "hierna"
        default: return "later"
        }
    }

    // MARK: - Now, next, later

    static func horizons(_ context: PageContext, _ entries: [RoadmapEntry]) -> Node {
        let grouped = Dictionary(grouping: entries, by: \.horizon)
        return context.section(context.t("Nu, hierna en later", "Now, next and later"), id: "horizons") {
            el("div", [.class("horizons")]) {
                horizonOrder.map { horizon in
                    let members = grouped[horizon] ?? []
                    let anchor = horizonAnchor(horizon)
                    return el("section", [.id(anchor), .aria("labelledby", "\(anchor)-kop"), .class("horizon \(horizon)")]) {
                        el("h3", [.id("\(anchor)-kop")]) {
                            context.horizonLabel(horizon)
                            el("span", [.class("count")]) {
                                members.count == 1 ? context.t(" (1 item)", " (1 item)") : context.t(" (\(members.count) items)", " (\(members.count) items)")
                            }
                        }
                        if members.isEmpty {
                            el("p", [.class("none")]) { context.t("Hier staat nog niets.", "Nothing here yet.") }
                        } else {
                            el("ol", [.class("item-cards")]) { members.map { card(context, $0) } }
                        }
                    }
                }
            }
        }
    }

    /// Finished work in a fold of its own, closed, so the columns show the work ahead and a
    /// printed roadmap leaves it out.
    static func doneSection(_ context: PageContext, _ done: [RoadmapEntry]) -> Node {
        guard !done.isEmpty else { return .empty }
        return context.section(context.t("Afgerond", "Done"), id: "afgerond") {
            el("details", [.class("done-fold")]) {
                el("summary") {
                    done.count == 1 ? context.t("1 afgerond item tonen", "Show 1 item done") : context.t("\(done.count) afgeronde items tonen", "Show \(done.count) items done")
                }
                el("ol", [.class("item-cards")]) { done.map { card(context, $0) } }
            }
        }
    }

    static func card(_ context: PageContext, _ entry: RoadmapEntry) -> Node {
        let item = entry.item
        let data = context.data
        let owner = [item[.owner].string, item[.team].string.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        return el("li", [.class("item-card \(entry.status)\(entry.overdue ? " late" : "")")]) {
            el("p", [.class("item-title")]) { context.recordLink(.item, item.ref) }
            el("p", [.class("meta")]) {
                context.badge((entry.status == "done" ? "✓ " : "") + context.statusLabel(entry.status), tone: entry.status)
                if entry.overdue {
                    " "
                    context.badge(context.t("te laat", "late"), tone: "late")
                }
                if !entry.waitsFor.isEmpty && entry.status != "done" {
                    " "
                    context.t("wacht op ", "waits for ")
                    commaSeparated(entry.waitsFor.map { ref in link(context.href(.item, ref)) { ref } })
                }
                if !owner.isEmpty {
                    el("span", [.class("owner")]) { context.t("Eigenaar: ", "Owner: ") + owner }
                }
            }
            if entry.opportunities.isEmpty && entry.metrics.isEmpty {
                el("p", [.class("chain none")]) {
                    context.t("Nog niet gekoppeld aan een verbeterkans.", "Not yet linked to an opportunity.")
                }
            } else {
                el("ul", [.class("chain")]) {
                    if !entry.findings.isEmpty {
                        el("li") {
                            context.t("Bevindingen: ", "Findings: ")
                            commaSeparated(entry.findings.prefix(6).map { ref in link(context.href(.finding, ref)) { ref } })
                            entry.findings.count > 6 ? Node.text(context.t(" en \(entry.findings.count - 6) meer", " and \(entry.findings.count - 6) more")) : .empty
                        }
                    }
                    if !entry.opportunities.isEmpty {
                        el("li") {
                            entry.opportunities.count == 1 ? context.t("Verbeterkans: ", "Opportunity: ") : context.t("Verbeterkansen: ", "Opportunities: ")
                            commaSeparated(entry.opportunities.prefix(3).map { context.recordLink(.opportunity, $0) })
                            entry.opportunities.count > 3 ? Node.text(context.t(" en \(entry.opportunities.count - 3) meer", " and \(entry.opportunities.count - 3) more")) : .empty
                        }
                    }
                    if !entry.metrics.isEmpty {
                        el("li") {
                            context.t("Moet verbeteren: ", "Should improve: ")
                            commaSeparated(entry.metrics.map { slug, expected in
                                Node.group([
                                    context.recordLink(.metric, slug, showRef: false),
                                    expected.map { Node.text(" (\(context.change($0, of: data.record(.metric, slug))))") } ?? .empty,
                                ])
                            })
                        }
                    }
                }
            }
        }
    }

    static func commaSeparated(_ nodes: [Node]) -> Node {
        Node.group(nodes.enumerated().map { offset, node in Node.group([offset > 0 ? .text(", ") : .empty, node]) })
    }

    // MARK: - Timeline

    /// An item's place in time. An item with one date only is a point, not a bar.
    struct Span {
        let entry: RoadmapEntry
        let start: ISODate?
        let end: ISODate?
        let endIsDone: Bool

        var first: ISODate? { [start, end].compactMap { $0 }.min() }
        var last: ISODate? { [start, end].compactMap { $0 }.max() }

        init?(_ entry: RoadmapEntry) {
            let item = entry.item
            let done = entry.status == "done" ? item[.doneDate].string.flatMap { ISODate($0) } : nil
            let due = item[.dueDate].string.flatMap { ISODate($0) }
            start = item[.startDate].string.flatMap { ISODate($0) }
            end = done ?? due
            endIsDone = done != nil
            guard start != nil || end != nil else { return nil }
            self.entry = entry
        }
    }

    /// How many bars the picture holds per horizon: beyond that a picture stops being readable,
    /// and the table below it lists every item.
    static let barsPerHorizon = 20

    static func monthNumber(_ date: ISODate) -> Int { date.year * 12 + date.month - 1 }

    static func monthName(_ month: Int, _ context: PageContext) -> String {
        let dutch = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
        let english = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return context.t(dutch[month], english[month])
    }

    static func timeline(_ context: PageContext, _ entries: [RoadmapEntry]) -> Node {
        let data = context.data
        let spans = entries.compactMap(Span.init)
        let undated = entries.filter { Span($0) == nil }
        // The work ahead per horizon, and what is done in a lane of its own below it, as on the cards.
        let byHorizon = Dictionary(grouping: spans.filter { $0.entry.status != "done" }, by: \.entry.horizon)
        let done = spans.filter { $0.entry.status == "done" }
        let lanes = horizonOrder.map { (context.horizonLabel($0), byHorizon[$0] ?? []) } + [(context.t("Klaar", "Done"), done)]
        let shownGroups = lanes.filter { !$0.1.isEmpty }.map { ($0.0, Array($0.1.prefix(barsPerHorizon))) }
        let shownCount = shownGroups.reduce(0) { $0 + $1.1.count }
        let rows: [[Node]] = spans.map { span in
            let item = span.entry.item
            return [
                context.recordLink(.item, item.ref),
                .text(context.horizonLabel(span.entry.horizon)),
                .text(context.statusLabel(span.entry.status) + (span.entry.overdue ? context.t(", te laat", ", late") : "")),
                .text(span.start.map { context.date($0.description) } ?? "–"),
                .text(span.end.map { context.date($0.description) + (span.endIsDone ? context.t(" (klaar)", " (done)") : "") } ?? "–"),
                {
                    let dependsOn = data.targets(.itemDependency, from: item.ref)
                    return dependsOn.isEmpty ? Node.text("–") : commaSeparated(dependsOn.map { ref in link(context.href(.item, ref)) { ref } })
                }(),
            ]
        }
        return context.section(context.t("Tijdlijn", "Timeline"), id: "tijdlijn") {
            if spans.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Nog geen enkel item heeft een datum. De roadmap werkt met nu, hierna en later; datums zijn niet verplicht.",
                              "No item has a date yet. The roadmap works with now, next and later; dates are optional.")
                }
            } else {
                el("p") {
                    context.t("De balken lopen van de start tot de geplande of echte einddatum. Een ruit is een item met maar één datum. Een pijl loopt van een item naar het item dat erop wacht. Wat klaar is, staat in een eigen groep onderaan.",
                              "Bars run from the start to the planned or actual end date. A diamond is an item with only one date. An arrow runs from an item to the item that waits for it. What is done has a group of its own at the bottom.")
                    shownCount < spans.count
                        ? Node.text(context.t(" De tijdlijn toont per groep de \(barsPerHorizon) belangrijkste items met een datum (\(shownCount) van \(spans.count)); de tabel bij de tijdlijn noemt ze allemaal.",
                                              " The timeline shows the \(barsPerHorizon) most important dated items per group (\(shownCount) of \(spans.count)); the table with it lists them all."))
                        : .empty
                }
                timelineFigure(context, shownGroups, rows: rows)
            }
            if !undated.isEmpty {
                el("h3") { context.t("Items zonder datum", "Items without dates") }
                let list = el("ul", [.class("records")]) {
                    undated.map { entry in
                        el("li") {
                            context.recordLink(.item, entry.item.ref)
                            " (\(context.horizonLabel(entry.horizon).lowercased()), \(context.statusLabel(entry.status)))"
                        }
                    }
                }
                // A long list would push everything after it out of sight; it opens on request.
                if undated.count > 30 {
                    el("details", [.class("undated")]) {
                        el("summary") {
                            context.t("Toon de \(undated.count) items zonder datum", "Show the \(undated.count) items without dates")
                        }
                        list
                    }
                } else {
                    list
                }
            }
        }
    }

    static func timelineFigure(_ context: PageContext, _ groups: [(String, [Span])], rows: [[Node]]) -> Node {
        let data = context.data
        let today = data.today
        let dates = groups.flatMap { $0.1.compactMap(\.first) + $0.1.compactMap(\.last) }
        var firstMonth = dates.map(monthNumber).min() ?? monthNumber(today)
        var lastMonth = dates.map(monthNumber).max() ?? monthNumber(today)
        // Today belongs on the axis when it is near the plans; far away it would squeeze them.
        let todayMonth = monthNumber(today)
        let todayShown = todayMonth >= firstMonth - 6 && todayMonth <= lastMonth + 6
        if todayShown {
            firstMonth = min(firstMonth, todayMonth)
            lastMonth = max(lastMonth, todayMonth)
        }
        let months = lastMonth - firstMonth + 1
        let labelWidth = 262.0, right = 96.0, top = 44.0, rowHeight = 26.0, lineHeight = 14.0
        let monthWidth = min(64, max(26, 640 / Double(months)))
        let plotLeft = labelWidth + 8
        let width = plotLeft + Double(months) * monthWidth + right
        func x(_ date: ISODate) -> Double {
            let days = Double(ISODate.days(inMonth: date.month, year: date.year))
            return plotLeft + (Double(monthNumber(date) - firstMonth) + Double(date.day - 1) / days) * monthWidth
        }
        func xEnd(_ date: ISODate) -> Double { x(date) + monthWidth / Double(ISODate.days(inMonth: date.month, year: date.year)) }
        // A title gets two lines before it is cut; the table below the picture has it whole.
        var layout: [(y: Double, height: Double, header: String?, span: Span?, title: [String])] = []
        var y = top
        for (lane, spans) in groups {
            layout.append((y, rowHeight, lane, nil, []))
            y += rowHeight
            for span in spans {
                let title = SVG.wrap(span.entry.item.title, letters: 31, lines: 2)
                let height = rowHeight + Double(title.count - 1) * lineHeight
                layout.append((y, height, nil, span, title))
                y += height
            }
        }
        let bottom = y + 4
        let height = bottom + 22
        var position: [String: (y: Double, start: Double, end: Double)] = [:]
        for row in layout {
            guard let span = row.span, let first = span.first, let last = span.last else { continue }
            let single = span.start == nil || span.end == nil
            position[span.entry.item.ref] = (row.y + row.height / 2, single ? x(first) - 5 : x(first), single ? x(first) + 5 : xEnd(last))
        }
        let arrows = data.links(.itemDependency).compactMap { link -> (from: (y: Double, start: Double, end: Double), to: (y: Double, start: Double, end: Double))? in
            guard let before = position[link.toRef], let after = position[link.fromRef] else { return nil }
            return (before, after)
        }
        let showEvery = monthWidth >= 40 ? 1 : (monthWidth >= 30 ? 2 : 3)
        let chart = SVG.canvas(
            id: "tijdlijn-grafiek", width: width, height: height,
            title: context.t("Tijdlijn van de roadmap", "Roadmap timeline"),
            description: context.t("Roadmap-items met datums als balken op een tijdlijn per maand, gegroepeerd naar nu, hierna en later, met pijlen voor afhankelijkheden en een lijn voor vandaag.",
                                   "Roadmap items with dates as bars on a monthly timeline, grouped by now, next and later, with arrows for dependencies and a line for today.")) {
            el("defs") {
                el("marker", [.id("tijdlijn-pijl"), Attribute("viewBox", "0 0 10 10"), Attribute("refX", "9"), Attribute("refY", "5"),
                              Attribute("markerWidth", "7"), Attribute("markerHeight", "7"), Attribute("orient", "auto")]) {
                    el("path", [Attribute("d", "M0,0 L10,5 L0,10 z"), .class("arrowhead")])
                }
            }
            (0..<months).map { offset in
                let month = (firstMonth + offset) % 12
                let year = (firstMonth + offset) / 12
                let lineX = plotLeft + Double(offset) * monthWidth
                return Node.group([
                    SVG.line(x1: lineX, y1: top - 6, x2: lineX, y2: bottom, classes: month == 0 ? "grid year" : "grid"),
                    offset % showEvery == 0
                        ? SVG.text(monthName(month, context), x: lineX + 3, y: top - 10, classes: "label small") : .empty,
                    month == 0 || (offset == 0 && yearFitsBeforeJanuary(month: month, monthWidth: monthWidth))
                        ? SVG.text(String(year), x: lineX + 3, y: top - 26, classes: "label year-label") : .empty,
                ])
            }
            SVG.line(x1: plotLeft + Double(months) * monthWidth, y1: top - 6, x2: plotLeft + Double(months) * monthWidth, y2: bottom, classes: "grid")
            // Under the bars: a long arrow passes behind the bars it crosses instead of through them.
            arrows.map { arrow in
                el("polyline", [Attribute("points", arrowPoints(from: arrow.from, to: arrow.to)
                                    .map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")),
                                .class("dependency"), Attribute("marker-end", "url(#tijdlijn-pijl)")])
            }
            layout.map { row -> Node in
                if let header = row.header {
                    return SVG.text(header, x: 4, y: row.y + rowHeight * 0.68, classes: "label group-name")
                }
                guard let span = row.span, let place = position[span.entry.item.ref] else { return .empty }
                let entry = span.entry
                let status = context.statusLabel(entry.status) + (entry.overdue ? context.t(", te laat", ", late") : "")
                let tone = entry.overdue ? "late" : entry.status
                let middle = row.y + row.height / 2
                let mark: Node
                if span.start == nil || span.end == nil {
                    let (cx, cy) = ((place.start + place.end) / 2, place.y)
                    mark = el("polygon", [Attribute("points", [(cx, cy - 7), (cx + 7, cy), (cx, cy + 7), (cx - 7, cy)]
                                                    .map { "\(SVG.number($0.0)),\(SVG.number($0.1))" }.joined(separator: " ")),
                                          .class("span \(tone)")])
                } else {
                    mark = SVG.rect(x: place.start, y: middle - rowHeight / 2 + 5, width: max(place.end - place.start, 3),
                                    height: rowHeight - 10, classes: "span \(tone)")
                }
                // A baseline a little below the middle centres a line of small text on it.
                let firstLine = middle + rowHeight * 0.18 - Double(row.title.count - 1) * lineHeight / 2
                return Node.group([
                    SVG.line(x1: 4, y1: row.y + row.height, x2: width - 4, y2: row.y + row.height, classes: "row-line"),
                    SVG.text(entry.item.ref, x: 14, y: firstLine, classes: "label ref-label"),
                    Node.group(row.title.enumerated().map { index, line in
                        SVG.text(line, x: 54, y: firstLine + Double(index) * lineHeight, classes: "label small")
                    }),
                    mark,
                    SVG.text(status, x: place.end + 6, y: middle + rowHeight * 0.18, classes: "label small status-label"),
                ])
            }
            if todayShown {
                SVG.line(x1: x(today), y1: top - 6, x2: x(today), y2: bottom, classes: "today")
                SVG.text(context.t("vandaag", "today"), x: x(today), y: bottom + 16, anchor: "middle", classes: "label today-label")
            }
        }
        let table = context.table(
            caption: context.t("Roadmap-items met datums", "Roadmap items with dates"),
            headers: [context.t("Item", "Item"), context.t("Horizon", "Horizon"), context.t("Status", "Status"),
                      context.t("Start", "Start"), context.t("Einde", "End"), context.t("Hangt af van", "Depends on")],
            rows: rows)
        let caption = context.t("Tijdlijn van de roadmap per maand", "Roadmap timeline by month")
            + (todayShown ? context.t(", met vandaag (\(context.date(today.description))) als rode stippellijn.",
                                      ", with today (\(context.date(today.description))) as a red dashed line.")
                          : context.t(". Vandaag (\(context.date(today.description))) valt ver buiten de tijdlijn.",
                                      ". Today (\(context.date(today.description))) lies far outside the timeline."))
        return context.figure(
            caption: caption,
            chart: Node.group([OpportunityPages.scrollHint(context), OpportunityPages.scrollable(chart, width: width, label: context.t("Tijdlijn, schuift opzij", "Timeline, scrolls sideways"))]),
            table: table)
    }

    /// Whether the year written above the first month stays clear of the next year's, written
    /// above January.
    static func yearFitsBeforeJanuary(month: Int, monthWidth: Double) -> Bool {
        Double(12 - month) * monthWidth >= 48
    }

    /// The line of a dependency arrow, from the item that must be done first to the item that
    /// waits for it. When the second starts well after the first ends, the arrow leaves the end
    /// of the first bar downwards (or upwards), inside the bar, so that it never crosses the
    /// status written after it, and turns into the start of the waiting bar; when they overlap in
    /// time, it runs straight from one bar to the other, inside the period they share, so it
    /// never hides behind a bar.
    static func arrowPoints(from: (y: Double, start: Double, end: Double), to: (y: Double, start: Double, end: Double)) -> [(Double, Double)] {
        let edge = 8.0
        let direction: Double = to.y >= from.y ? 1 : -1
        if to.start >= from.end + 14 {
            let down = max(from.start + 1, from.end - 4)
            return [(down, from.y + direction * edge), (down, to.y), (to.start - 1, to.y)]
        }
        let x = min(max(from.end, to.start + 3), max(to.end - 3, to.start + 3))
        let startX = min(max(x, from.start), from.end)
        var points = [(startX, from.y + direction * edge)]
        if abs(startX - x) > 0.5 { points.append((x, from.y + direction * edge)) }
        points.append((x, to.y - direction * (edge + 1)))
        return points
    }

    // MARK: - Dropped

    static func droppedSection(_ context: PageContext, _ dropped: [RoadmapEntry]) -> Node {
        guard !dropped.isEmpty else { return .empty }
        return context.section(context.t("Geschrapt", "Dropped"), id: "geschrapt") {
            el("p") {
                context.t("Deze items doen we niet meer. Ze blijven hier staan, zodat te zien is wat er is afgevallen.",
                          "We no longer do these items. They stay listed so it is clear what was dropped.")
            }
            el("ul", [.class("records")]) {
                dropped.map { entry in
                    el("li") {
                        context.recordLink(.item, entry.item.ref)
                        " (\(context.t("was", "was")) \(context.horizonLabel(entry.horizon).lowercased()))"
                    }
                }
            }
        }
    }
}
