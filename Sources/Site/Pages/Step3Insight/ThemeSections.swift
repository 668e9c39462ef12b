import SixSteps

/// Step 3: what residents say, counted with a shared vocabulary. A theme that only the
/// codebook's words suggest is never shown as certain: every count says how much of it a
/// manager confirmed. Small groups are suppressed; comments appear only when quotable.
extension StepPages {
    static func themes(_ context: PageContext) -> Node {
        let report = context.data.themes
        return context.section(context.t("Wat inwoners zeggen", "What residents say"), id: "themas") {
            if report.themes.isEmpty {
                el("p", [.class("none")]) {
                    context.t("Er is nog geen codeboek: de opmerkingen van inwoners zijn nog niet in thema's ingedeeld.",
                              "There is no codebook yet: residents' comments have not been sorted into themes.")
                }
            } else {
                el("p") {
                    context.t("\(report.comments) opmerkingen uit enquêtes zijn ingedeeld met een codeboek van \(report.themes.count) thema's; "
                              + "\(report.uncoded) passen bij geen enkel thema. Een thema is ‘voorgesteld’ als alleen woorden uit het "
                              + "codeboek erop wijzen, en ‘bevestigd’ als een manager het heeft nagekeken. Een opmerking kan bij meer "
                              + "thema's horen.",
                              "\(report.comments) survey comments are coded with a codebook of \(report.themes.count) themes; "
                              + "\(report.uncoded) fit no theme. A theme is ‘suggested’ when only words from the codebook point to it, "
                              + "and ‘confirmed’ when a manager checked it. A comment can belong to more than one theme.")
                }
                themeCycleTable(report, context)
                themeGroupTable(report, context)
                themeQuotes(context)
                codebookTable(report, context)
                el("p", [.class("note")]) {
                    context.t("Groepen met minder dan \(report.threshold) opmerkingen zijn afgeschermd, en zo nodig nog één groep, "
                              + "zodat een afgeschermd aantal niet uit het totaal is af te leiden.",
                              "Groups of fewer than \(report.threshold) comments are suppressed, and one more group where needed, "
                              + "so that a suppressed count cannot be worked out from the total.")
                }
            }
        }
    }

    /// "12, waarvan 8 bevestigd" or "afgeschermd".
    static func themeCount(_ cell: ThemeCell, _ context: PageContext) -> String {
        guard let count = cell.count, let confirmed = cell.confirmed else { return context.t("afgeschermd", "suppressed") }
        if count == 0 { return "0" }
        return context.t("\(count), waarvan \(confirmed) bevestigd", "\(count), \(confirmed) of them confirmed")
    }

    private static func themeCycleTable(_ report: ThemeReport, _ context: PageContext) -> Node {
        let cycles = context.data.cycles.map(\.ref).filter { ref in report.themes.contains { $0.cycles.contains { $0.cycle == ref } } }
        return context.table(
            caption: context.t("Opmerkingen per thema en cyclus, met het aandeel in alle opmerkingen van die cyclus en de verandering",
                               "Comments per theme and cycle, with the share of all comments of that cycle and the change"),
            headers: [context.t("Thema", "Theme"), context.t("Totaal", "Total")]
                + cycles.map { context.data.record(.cycle, $0)?.title ?? $0 } + [context.t("Bewijs voor", "Evidence of")],
            rows: report.themes.map { summary in
                [.text(summary.theme.name), .text(themeCount(summary.total, context))]
                    + cycles.map { ref -> Node in
                        guard let cycle = summary.cycles.first(where: { $0.cycle == ref }) else { return .text("–") }
                        var text = themeCount(cycle.cell, context)
                        if let share = cycle.share { text += " (\(context.language.percent(share)))" }
                        if let change = cycle.change {
                            text += context.t("; \(context.number(change, decimals: 1, signed: true)) procentpunt",
                                              "; \(change >= 0 ? "+" : "")\(context.number(change, decimals: 1)) points")
                        }
                        return .text(text)
                    }
                    + [summary.findings.isEmpty ? .text("–")
                        : .group(summary.findings.enumerated().map { index, ref in
                            .group([.text(index == 0 ? "" : ", "), context.recordLink(.finding, ref, showRef: true)])
                        })]
            })
    }

    private static func themeGroupTable(_ report: ThemeReport, _ context: PageContext) -> Node {
        func groups(_ cells: [ThemeCell], _ name: (String) -> String) -> Node {
            let shown = cells.filter { $0.count != 0 }
            return .text(shown.isEmpty ? "–" : shown.map { "\(name($0.label)): \(themeCount($0, context))" }.joined(separator: "; "))
        }
        let phaseNames = Dictionary(context.data.phases.values.flatMap { $0 }.map { ($0.slug, $0.name) }, uniquingKeysWith: { first, _ in first })
        return context.table(
            caption: context.t("Opmerkingen per thema naar fase, kanaal en klantgroep", "Comments per theme by phase, channel and persona"),
            headers: [context.t("Thema", "Theme"), context.t("Per fase", "By phase"), context.t("Per kanaal", "By channel"),
                      context.t("Per klantgroep", "By persona")],
            rows: report.themes.map { summary in
                [.text(summary.theme.name),
                 groups(summary.byPhase) { phaseNames[$0] ?? (($0 == "–") ? context.t("onbekend", "unknown") : $0) },
                 groups(summary.byChannel) { $0 == "–" ? context.t("onbekend", "unknown") : channelName($0, context) },
                 groups(summary.byPersona) { $0 == "–" ? context.t("geen", "none") : context.data.record(.persona, $0)?.title ?? $0 }]
            })
    }

    /// Only comments a manager marked quotable, with their themes and how sure each is.
    private static func themeQuotes(_ context: PageContext) -> Node {
        let quotes = context.data.codedQuotes.filter { !$0.themes.isEmpty }
        guard !quotes.isEmpty else { return .group([]) }
        let names = Dictionary(uniqueKeysWithValues: context.data.themes.themes.map { ($0.theme.slug, $0.theme.name) })
        return Node.group([
            el("h3") { context.t("In hun eigen woorden", "In their own words") },
            el("ul", [.class("quotes")]) {
                quotes.map { quote in
                    el("li") {
                        el("blockquote") { quote.comment }
                        el("p", [.class("step-counts")]) {
                            quote.themes.map { theme in
                                Node.group([
                                    context.badge((names[theme.theme] ?? theme.theme) + " · "
                                                  + (theme.state == .confirmed ? context.t("bevestigd", "confirmed")
                                                                               : context.t("voorgesteld", "suggested")),
                                                  tone: theme.state == .confirmed ? "good" : "neutral"),
                                    .text(" "),
                                ])
                            }
                        }
                    }
                }
            },
        ])
    }

    private static func codebookTable(_ report: ThemeReport, _ context: PageContext) -> Node {
        Node.group([
            el("h3") { context.t("Het codeboek", "The codebook") },
            context.table(
                caption: context.t("Thema's met hun betekenis en de woorden die ze voorstellen",
                                   "Themes with their meaning and the words that suggest them"),
                headers: [context.t("Thema", "Theme"), context.t("Betekenis", "Meaning"), context.t("Woorden", "Words")],
                rows: report.themes.map { summary in
                    [.text(summary.theme.name), .text(summary.theme.description ?? "–"),
                     .text(summary.theme.phrases.map { "‘\($0)’" }.joined(separator: ", "))]
                }),
        ])
    }
}
