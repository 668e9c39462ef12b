import SixSteps

/// The numbers of the process page, as tables: the picture is for the eye, these are what screen
/// readers and printouts rely on.
extension ProcessPages {
    static func days(_ value: Double?, _ context: PageContext) -> Node { .text(value.map { context.number($0) } ?? "–") }

    static func casesTable(_ cycles: [CycleProcess], _ process: JourneyProcess, _ context: PageContext) -> Node {
        context.table(
            caption: context.t("Zaken per cyclus waarin ze begonnen, doorlooptijd in \(unit(process, context))",
                               "Cases per cycle they started in, lead time in \(unit(process, context))"),
            headers: [context.t("Cyclus", "Cycle"), context.t("Zaken", "Cases"), context.t("Besloten", "Decided"),
                      context.t("Open", "Open"), context.t("Open en over de termijn", "Open, past the term"),
                      context.t("Opgeschort", "Suspended"), context.t("Verlengd", "Extended"), context.t("Heropend", "Reopened"),
                      context.t("Mediaan", "Median"), "P80", "P90", context.t("Binnen de termijn", "Within the term")],
            numeric: Set(1...11),
            rows: cycles.map { cycle in
                [.text(cycle.cycle + " " + cycle.cycleName), .text(String(cycle.cases)), .text(String(cycle.decided)), .text(String(cycle.open)),
                 .text(String(cycle.openOverdue)), .text(String(cycle.suspendedNow)), .text(String(cycle.extended)),
                 .text(String(cycle.reopened)), days(cycle.lead?.median, context), days(cycle.lead?.p80, context), days(cycle.lead?.p90, context),
                 .text(cycle.onTimeShare.map { context.number($0, decimals: 0) + "% (\(cycle.onTime) " + context.t("van", "of") + " \(cycle.judged))" } ?? "–")]
            })
    }

    static func stepsTable(_ cycle: CycleProcess, _ process: JourneyProcess, _ context: PageContext) -> Node {
        context.table(
            caption: context.t("Stappen in \(cycle.cycle) \(cycle.cycleName): dagen per stap tegen de norm",
                               "Steps in \(cycle.cycle) \(cycle.cycleName): days per step against the norm"),
            headers: [context.t("Stap", "Step"), context.t("Afdeling", "Department"), context.t("Zaken", "Cases"),
                      context.t("Mediaan", "Median"), "P80", "P90", context.t("Norm", "Norm"), context.t("Boven de norm", "Over the norm"),
                      context.t("Aandeel in de overschrijding", "Share of the overrun")],
            numeric: Set(2...8),
            rows: cycle.steps.map { figures in
                let weakest = figures.step.status == cycle.weakestLink
                let name = "\(figures.step.position). \(figures.step.status)"
                return [
                    weakest ? .group([.text(name + " "), context.badge(context.t("zwakste schakel", "weakest link"), tone: "late")]) : .text(name),
                    .text(figures.step.department ?? "–"), .text(String(figures.spread?.n ?? 0)),
                    days(figures.spread?.median, context), days(figures.spread?.p80, context), days(figures.spread?.p90, context),
                    .text(figures.step.stopsClock ? context.t("termijn staat stil", "term suspended")
                          : figures.step.norm.map { context.number($0) + (figures.step.normWorking ? context.t(" werkdagen", " working days") : "") } ?? "–"),
                    .text(figures.overNormShare.map { context.number($0, decimals: 0) + "%" } ?? "–"),
                    .text(figures.overrunDays > 0 ? context.number(figures.overrunShare, decimals: 0) + "% (\(figures.overrunDays) " + context.t("dagen", "days") + ")" : "–"),
                ]
            })
    }

    static func noiseText(_ verdict: NoiseVerdict, _ context: PageContext) -> String {
        switch verdict {
        case .significant(let p):
            return context.t("groter dan toeval", "beyond noise") + " (" + pValueText(p, decimalComma: context.language == .nl) + ")"
        case .withinNoise(let p):
            return context.t("kan toeval zijn", "could be noise") + " (" + pValueText(p, decimalComma: context.language == .nl) + ")"
        case .unknown:
            return context.t("niet te toetsen", "cannot be tested")
        }
    }

    static func changesTable(_ changes: [ProcessChange], _ process: JourneyProcess, _ context: PageContext) -> Node {
        guard !changes.isEmpty else { return .empty }
        return context.table(
            caption: context.t("Verandering van cyclus tot cyclus, met de toets op toeval", "Change from cycle to cycle, with the test for noise"),
            headers: [context.t("Van", "From"), context.t("Naar", "To"), context.t("Binnen de termijn", "Within the term"),
                      context.t("Toets", "Test"), context.t("Mediane doorlooptijd", "Median lead time"), context.t("Toets", "Test")],
            numeric: [2, 4],
            rows: changes.map { change in
                [.text(change.from), .text(change.to),
                 .text(change.onTimeChange.map { context.number($0, decimals: 0, signed: true) + context.t(" procentpunt", " percentage points") } ?? "–"),
                 .text(noiseText(change.onTimeNoise, context)),
                 .text(change.medianChange.map { context.number($0, signed: true) + " " + unit(process, context) } ?? "–"),
                 .text(noiseText(change.leadNoise, context))]
            })
    }

    static func contactsTable(_ cycles: [CycleProcess], _ context: PageContext) -> Node {
        let rows = cycles.compactMap { cycle in cycle.contacts.map { (cycle, $0) } }
        guard !rows.isEmpty else { return .empty }
        return Node.group([
            el("h3") { context.t("Reacties elders: contacten per zaak", "Reactions elsewhere: contacts per case") },
            el("p") {
                context.t("Contacten met het KCC die hetzelfde zaaknummer dragen, per zaak over de termijn en per zaak binnen de termijn.",
                          "Contacts with the contact centre that carry the same case number, per case past its term and per case within it.")
            },
            context.table(
                caption: context.t("Contacten per zaak, over en binnen de termijn", "Contacts per case, past and within the term"),
                headers: [context.t("Cyclus", "Cycle"), context.t("Zaken over de termijn", "Cases past the term"),
                          context.t("Contacten per zaak", "Contacts per case"), context.t("Zaken binnen de termijn", "Cases within the term"),
                          context.t("Contacten per zaak", "Contacts per case"), context.t("Verschil", "Difference"), context.t("Toets", "Test")],
                numeric: [1, 2, 3, 4, 5],
                rows: rows.map { cycle, contacts in
                    [.text(cycle.cycle), .text(String(contacts.lateCases)), .text(context.number(contacts.lateMean, decimals: 2, fixed: true)),
                     .text(String(contacts.onTimeCases)), .text(context.number(contacts.onTimeMean, decimals: 2, fixed: true)),
                     .text(context.number(contacts.difference, decimals: 2, signed: true, fixed: true)),
                     .text(contacts.p == nil ? context.t("niet te toetsen", "cannot be tested") : noiseText(contacts.noise, context))]
                }),
        ])
    }

    static func howToRead(_ process: JourneyProcess, _ context: PageContext) -> Node {
        context.section(context.t("Hoe deze cijfers tot stand komen", "How these figures are made"), id: "uitleg") {
            el("ul") {
                el("li") {
                    context.t("Een zaak hoort bij de cyclus waarin ze begon. De doorlooptijd loopt van de startdatum tot het besluit (de laatste status van het zaaktype), zonder de dagen waarin de termijn was opgeschort.",
                              "A case belongs to the cycle in which it started. Its lead time runs from its start date to the decision (the case type's last status), without the days its term was suspended.")
                }
                el("li") {
                    context.t("De termijn is de doorlooptijd van het zaaktype plus een eventuele verlenging. Open zaken tellen mee als ‘over de termijn’ zodra ze die voorbij zijn, gerekend tot \(context.date(process.asOf?.description)), de laatste dag in het zaaksysteem; eerder weten we het nog niet.",
                              "The term is the case type's lead time plus any extension. Open cases count as ‘past the term’ once they are past it, as of \(context.date(process.asOf?.description)), the last day in the case system; before that we do not know yet.")
                }
                el("li") {
                    context.t("Een heropende zaak is besloten wanneer ze opnieuw de laatste status krijgt; de tijd dat ze tussendoor gesloten was, telt niet mee.",
                              "A reopened case is decided when it reaches the last status again; the time it stood closed in between does not count.")
                }
                el("li") {
                    context.t("De zwakste schakel is de stap die bij de zaken over de termijn de meeste dagen boven zijn norm geeft (zonder norm: boven wat de stap duurt bij zaken die op tijd waren).",
                              "The weakest link is the step that gives the most days beyond its norm in the cases past their term (without a norm: beyond what the step takes in cases decided on time).")
                }
                el("li") {
                    context.t("Een verandering heet groter dan toeval bij p < 0,05: voor het deel binnen de termijn de toets op twee proporties, voor de doorlooptijd de Mann-Whitneytoets op de zaken zelf.",
                              "A change is called beyond noise at p < 0.05: for the share within the term the two-proportion test, for the lead time the Mann–Whitney test on the cases themselves.")
                }
                el("li") {
                    context.t("Zaaknummers staan alleen als onomkeerbare sleutel in het bestand; op deze pagina staan alleen aantallen. Contacten per zaak worden niet getoond bij minder dan \(process.threshold) zaken.",
                              "Case numbers are kept only as an irreversible key; this page shows counts only. Contacts per case are not shown for fewer than \(process.threshold) cases.")
                }
            }
        }
    }
}
