import SixSteps

// MARK: - Step 3: journeys and findings

extension StepPages {
    static func insightPage(_ context: PageContext) -> Page {
        let data = context.data
        // One pass over all findings gives every count this page shows.
        var perJourney: [String: (good: Int, improve: Int)] = [:]
        var perPhase: [String: (good: Int, improve: Int)] = [:]
        var improve: [Record] = []
        for finding in data.records(.finding) {
            let journey = finding[.journey].string ?? ""
            let phaseKey = journey + "/" + (finding[.phase].string ?? "")
            if finding[.kind].string == "good" {
                perJourney[journey, default: (0, 0)].good += 1
                perPhase[phaseKey, default: (0, 0)].good += 1
            } else {
                perJourney[journey, default: (0, 0)].improve += 1
                perPhase[phaseKey, default: (0, 0)].improve += 1
                improve.append(finding)
            }
        }
        let severe = improve.sorted {
            let (a, b) = ($0[.severity].int ?? 0, $1[.severity].int ?? 0)
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
                                paragraphs(journey[.description].string ?? "")
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
                                      let journey = finding[.journey].string ?? ""
                                      let phase = finding[.phase].string ?? ""
                                      let phaseName = (data.phases[journey] ?? []).first { $0.slug == phase }?.name ?? phase
                                      return [context.recordLink(.finding, finding.ref),
                                              journey.isEmpty ? .text("–") : context.recordLink(.journey, journey),
                                              .text(phaseName),
                                              .text("\(finding[.severity].int ?? 0)")]
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
