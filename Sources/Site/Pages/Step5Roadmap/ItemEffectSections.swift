import SixSteps

/// On an item's page: its effect on the contacts it should change, beyond trend and season —
/// the forecast from the months before it set against the months after — beside the expected
/// change and the plain before/after comparison, which mistakes the season for an effect.
extension ItemPages {
    static func contactEffects(_ context: PageContext, _ ref: String) -> Node {
        let effects = context.data.itemEffects[ref] ?? []
        guard !effects.isEmpty else { return .group([]) }
        return context.section(context.t("Effect op het aantal contacten", "Effect on the number of contacts"), id: "contacteffect") {
            el("p") {
                context.t("De verwachting uit de maanden vóór dit item (met trend en seizoen) is gezet naast wat er daarna echt "
                          + "binnenkwam. Het verschil is het effect, met een 95%-interval. Valt nul binnen het interval, "
                          + "dan is niet te zeggen of het item iets veranderde.",
                          "The forecast from the months before this item (with trend and season) is set beside what really came in "
                          + "afterwards. The difference is the effect, with a 95% interval. When zero lies inside the interval, "
                          + "we cannot tell whether the item changed anything.")
            }
            context.table(
                caption: context.t("Effect op contacten per maand, naast de verwachting van het team",
                                   "Effect on contacts per month, beside the team's expectation"),
                headers: [context.t("Contacten", "Contacts"), context.t("Verwacht door het team", "Expected by the team"),
                          context.t("Na het item, per maand", "After the item, per month"),
                          context.t("Zonder het item verwacht", "Forecast without the item"),
                          context.t("Effect (95%-interval)", "Effect (95% interval)"),
                          context.t("Gewoon voor/na", "Plain before/after"), context.t("Oordeel", "Verdict")],
                numeric: [1, 2, 3, 4, 5],
                rows: effects.map { effect in row(effect, context) })
        }
    }

    static func targetName(_ target: ItemVolumeTarget, _ context: PageContext) -> String {
        let channel = target.channel.map { StepPages.channelName($0, context).lowercased() } ?? context.t("alle kanalen", "all channels")
        let reason = target.reason.isEmpty ? context.t("alle redenen", "all reasons") : "‘\(target.reason)’"
        return "\(reason), \(channel)"
    }

    private static func row(_ effect: ItemVolumeEffect, _ context: PageContext) -> [Node] {
        let name = Node.text(targetName(effect.target, context))
        let expected = Node.text(effect.target.expectedChange.map { context.number($0, decimals: 0, signed: true) } ?? "–")
        guard let estimate = effect.effect else {
            let reason: String = switch effect.result {
            case .failure(.notDone): context.t("nog niet klaar", "not done yet")
            case .failure(.outsideVolumes): context.t("klaar buiten de maanden met contactaantallen", "done outside the months with counts")
            case .failure(.series(.notEnoughBefore(let months, let needed))):
                context.t("te weinig gegevens: \(months) maanden vooraf, \(needed) nodig", "not enough data: \(months) months before, \(needed) needed")
            case .failure(.series(.nothingAfter)): context.t("nog geen maand erna", "no month after it yet")
            case .success: ""
            }
            return [name, expected, .text("–"), .text("–"), .text("–"), .text("–"), .text(context.t("niet te zeggen: ", "cannot tell: ") + reason)]
        }
        let verdict: Node = estimate.isClear
            ? context.badge(estimate.effect < 0 ? context.t("minder contacten", "fewer contacts") : context.t("meer contacten", "more contacts"),
                            tone: "good")
            : context.badge(context.t("niet te zeggen", "cannot tell"), tone: "neutral")
        return [name, expected,
                .text(context.number(estimate.observed, decimals: 0)),
                .text(context.number(estimate.expected, decimals: 0)),
                .text(context.number(estimate.effect, decimals: 0, signed: true) + " ("
                      + context.number(estimate.low, decimals: 0, signed: true) + context.t(" tot ", " to ")
                      + context.number(estimate.high, decimals: 0, signed: true) + ")"),
                .text(context.number(estimate.plainChange, decimals: 0, signed: true)),
                verdict]
    }
}
