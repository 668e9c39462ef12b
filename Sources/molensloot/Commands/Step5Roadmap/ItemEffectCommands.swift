import SixSteps

/// Step 5 and 6: the contacts a roadmap item should change, and its effect on them beyond trend
/// and season (the forecast from before the item against what came after).
enum ItemEffectCommands {
    static let effect = Command(
        name: "effect",
        abstract: t("Toon het effect van een item op de contacten die het moet veranderen, los van trend en seizoen; "
            + "met --channel en/of --reason legt u eerst vast welke contacten dat zijn.",
            "Show an item's effect on the contacts it should change, beyond trend and season; "
            + "with --channel and/or --reason, first record which contacts those are."),
        arguments: [ItemCommands.itemArgument],
        options: [.init(name: "channel", value: t("kanaal", "channel"), help: t("het kanaal waarvan het item de contacten moet veranderen", "the channel whose contacts the item should change")),
                  .init(name: "reason", value: t("reden", "reason"), help: t("de contactreden waarvan het item de contacten moet veranderen", "the contact reason whose contacts the item should change")),
                  .init(name: "expect", value: t("verandering", "change"), help: t("de verwachte verandering in contacten per maand, bijv. -150", "the expected change in contacts a month, e.g. -150")),
                  .flag("remove", t("vergeet de contacten van --channel en --reason", "forget the contacts named by --channel and --reason")), .json],
        examples: ["molensloot item effect R1 --channel telefoon --reason \"Verhuizing en uittreksels\" --expect -150",
                   "molensloot item effect R1"]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        let item = invocation.argument(0) ?? ""
        let channel = invocation.value("channel")
        let reason = invocation.value("reason") ?? ""
        var expected: Double?
        if let text = invocation.value("expect") {
            guard let value = parseDecimal(text) else {
                throw UsageError(description: t("--expect '\(text)' kan niet: verwacht een aantal contacten per maand, zoals -150", "--expect '\(text)' is not valid: expected a number of contacts a month, such as -150"))
            }
            expected = value
        }
        let naming = channel != nil || invocation.value("reason") != nil
        if invocation.flag("remove") {
            guard naming else { throw UsageError(description: t("--remove heeft --channel en/of --reason nodig: de contacten om te vergeten", "--remove needs --channel and/or --reason: the contacts to forget")) }
            try roadmap.removeItemVolume(item, channel: channel, reason: reason)
        } else if naming {
            _ = try roadmap.setItemVolume(item, channel: channel, reason: reason, expectedChange: expected)
        } else if expected != nil {
            throw UsageError(description: t("--expect hoort bij --channel en/of --reason; geef die ook", "--expect goes with --channel and/or --reason; give those too"))
        } else {
            _ = try roadmap.record(.item, item)
        }
        let effects = try roadmap.itemVolumeEffects(item: try roadmap.record(.item, item).ref)
        if invocation.json {
            Output.json(.array(effects.map { .object($0.json) }))
            return
        }
        var output = Output()
        if effects.isEmpty {
            output.line(t("\(item) heeft geen contacten om te veranderen; noem ze met --channel en/of --reason", "\(item) has no contacts to change; name them with --channel and/or --reason"))
        }
        for effect in effects { describe(effect, into: &output) }
        output.flush()
    }

    /// One effect in two lines: the estimate with its interval and verdict, then the expected and
    /// plain before/after change beside it.
    static func describe(_ effect: ItemVolumeEffect, into output: inout Output, indent: String = "") {
        let expected = effect.target.expectedChange.map { t("verwacht \(localNumber($0, decimals: 0, signed: true)) per maand", "expected \(localNumber($0, decimals: 0, signed: true)) a month") }
            ?? t("geen verwachte verandering vastgelegd", "no expected change recorded")
        let target = [effect.target.channel.map { t("kanaal ", "channel ") + $0 },
                      effect.target.reason.isEmpty ? nil : t("reden", "reason") + " '\(effect.target.reason)'"].compactMap { $0 }
        output.line(indent + "\(effect.target.item) " + t("op", "on") + " \(target.joined(separator: ", ").singleLine): " + expected)
        switch effect.result {
        case .failure(let refusal):
            output.line(indent + t("  niet te zeggen: ", "  cannot tell: ") + "\(refusal)")
        case .success(let estimate):
            let verdict = estimate.isClear
                ? (estimate.effect < 0 ? t("minder contacten dan voorspeld", "fewer contacts than forecast") : t("meer contacten dan voorspeld", "more contacts than forecast"))
                : t("niet te zeggen: het interval bevat ook geen effect", "cannot tell: the interval includes no effect")
            let change = localNumber(estimate.effect, decimals: 0, signed: true), low = localNumber(estimate.low, decimals: 0, signed: true)
            let high = localNumber(estimate.high, decimals: 0, signed: true)
            output.line(indent + t("  effect los van trend en seizoen: \(change) per maand (95%-interval \(low) tot \(high)): \(verdict)",
                                   "  effect beyond trend and season: \(change) a month (95% interval \(low) to \(high)): \(verdict)"))
            let observed = localNumber(estimate.observed, decimals: 0), forecast = localNumber(estimate.expected, decimals: 0)
            let plain = localNumber(estimate.plainChange, decimals: 0, signed: true), month = effect.doneMonth.map(language.month) ?? ""
            output.line(indent + t("  \(estimate.months) maanden na \(month): gemeten \(observed) per maand, voorspeld zonder het item \(forecast) "
                                     + "(\(estimate.model.rawValue)); gewoon voor/na \(plain)",
                                   "  \(estimate.months) months after \(month): observed \(observed) a month, forecast without the item \(forecast) "
                                     + "(\(estimate.model.rawValue)); plain before/after \(plain)"))
        }
    }
}
