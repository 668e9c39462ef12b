import SixSteps

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
                                              .text(item[.owner].string ?? "–"),
                                              Node.group([
                                                  .text(item[.doneDate].string.map { context.t("klaar op ", "done on ") + context.date($0) }
                                                        ?? item[.dueDate].string.map { context.t("uiterlijk ", "by ") + context.date($0) } ?? "–"),
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
                                    (context.t("Wie", "Who"), agreement[.who].string.map { .text($0) }),
                                    (context.t("Hoe vaak", "How often"), agreement[.cadence].string.map { .text($0) }),
                                    (context.t("Voor", "For"), reference(.item, agreement, .item).map { context.recordLink(.item, $0) }
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
