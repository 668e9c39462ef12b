import SixSteps

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
                                      let open = cycle[.status].string == "open"
                                      return [context.recordLink(.cycle, cycle.ref),
                                              .text(cycle[.startDate].string.map { context.date($0) } ?? "–"),
                                              .text(cycle[.endDate].string.map { context.date($0) } ?? "–"),
                                              context.badge(open ? context.t("loopt", "running") : context.t("afgesloten", "closed"),
                                                            tone: open ? "doing" : "done"),
                                              .text(cycle[.note].string ?? (open ? context.t("nog niet", "not yet") : "–"))]
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
        let report = data.reports.last { $0.cycle[.status].string == "open" }
        return context.section(context.t("De lopende cyclus", "The current cycle"), id: "lopend") {
            if let report {
                let cycle = report.cycle
                let missing = report.comparisons.filter { $0.current == nil }.map(\.slug)
                let measured = report.comparisons.count - missing.count
                el("p") {
                    context.recordLink(.cycle, cycle.ref)
                    cycle[.startDate].string.map { context.t(" loopt van ", " runs from ") + context.date($0) } ?? context.t(" loopt", " is running")
                    cycle[.endDate].string.map { context.t(" tot ", " to ") + context.date($0) } ?? ""
                    "."
                    if let end = cycle[.endDate].string.flatMap({ ISODate($0) }) {
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
                    last.cycle[.endDate].string.map { context.t(", tot ", ", until ") + context.date($0) } ?? ""
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
