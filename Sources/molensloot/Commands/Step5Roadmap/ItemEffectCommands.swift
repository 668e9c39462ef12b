import SixSteps

/// Step 5 and 6: the contacts a roadmap item should change, and its effect on them beyond trend
/// and season (the forecast from before the item against what came after).
enum ItemEffectCommands {
    static let effect = Command(
        name: "effect",
        abstract: "Show an item's effect on the contacts it should change, beyond trend and season; "
            + "with --channel and/or --reason, first record which contacts those are.",
        arguments: [ItemCommands.itemArgument],
        options: [.init(name: "channel", value: "channel", help: "the channel whose contacts the item should change"),
                  .init(name: "reason", value: "reason", help: "the contact reason whose contacts the item should change"),
                  .init(name: "expect", value: "change", help: "the expected change in contacts a month, e.g. -150"),
                  .flag("remove", "forget the contacts named by --channel and --reason"), .json],
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
                throw UsageError(description: "--expect '\(text)' is not valid: expected a number of contacts a month, such as -150")
            }
            expected = value
        }
        let naming = channel != nil || invocation.value("reason") != nil
        if invocation.flag("remove") {
            guard naming else { throw UsageError(description: "--remove needs --channel and/or --reason: the contacts to forget") }
            try roadmap.removeItemVolume(item, channel: channel, reason: reason)
        } else if naming {
            _ = try roadmap.setItemVolume(item, channel: channel, reason: reason, expectedChange: expected)
        } else if expected != nil {
            throw UsageError(description: "--expect goes with --channel and/or --reason")
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
            output.line("\(item) has no contacts to change; name them with --channel and/or --reason")
        }
        for effect in effects { describe(effect, into: &output) }
        output.flush()
    }

    /// One effect in two lines: the estimate with its interval and verdict, then the expected and
    /// plain before/after change beside it.
    static func describe(_ effect: ItemVolumeEffect, into output: inout Output, indent: String = "") {
        let expected = effect.target.expectedChange.map { "expected \(formatNumber($0, signed: true, decimals: 0)) a month" }
            ?? "no expected change recorded"
        output.line(indent + "\(effect.target.item) on \(effect.target.label.singleLine): " + expected)
        switch effect.result {
        case .failure(let refusal):
            output.line(indent + "  cannot tell: \(refusal)")
        case .success(let estimate):
            let verdict = estimate.isClear
                ? (estimate.effect < 0 ? "fewer contacts than forecast" : "more contacts than forecast")
                : "cannot tell: the interval includes no effect"
            output.line(indent + "  effect beyond trend and season: \(formatNumber(estimate.effect, signed: true, decimals: 0)) a month "
                        + "(95% interval \(formatNumber(estimate.low, signed: true, decimals: 0)) to "
                        + "\(formatNumber(estimate.high, signed: true, decimals: 0))): \(verdict)")
            output.line(indent + "  \(estimate.months) months after \(effect.doneMonth ?? ""): observed \(formatNumber(estimate.observed, decimals: 0)) "
                        + "a month, forecast without the item \(formatNumber(estimate.expected, decimals: 0)) (\(estimate.model.rawValue)); "
                        + "plain before/after \(formatNumber(estimate.plainChange, signed: true, decimals: 0))")
        }
    }
}
