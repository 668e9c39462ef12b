import SixSteps

/// Step 2: contact volumes per channel and contact reason, over time.
enum VolumeCommands {
    static let command = Command(
        name: "volume", abstract: "Step 2: channel volumes: import counts or contact registrations; the channel mix over time.",
        subcommands: [importFile, mix])

    static let columns = ["period", "date", "channel", "reason", "count"]

    static let importFile = Command(
        name: "import", abstract: "Import counts (period, channel, reason, count) or one row per contact (date, channel, reason).",
        arguments: [.init(name: "file", help: "a CSV file, comma or semicolon separated")],
        options: [ImportOptions.map(columns), ImportOptions.dryRun],
        examples: ["molensloot volume import kcc-2014.csv",
                   "molensloot volume import contacten.csv --map date=datum --map channel=kanaal --map reason=reden"]
    ) { invocation in
        let path = invocation.argument(0) ?? ""
        let document = try ImportOptions.read(path)
        let result = try invocation.openRoadmap().importVolumes(document, path: path,
                                                               rename: try ImportOptions.renames(invocation, columns: columns),
                                                               dryRun: invocation.flag("dry-run"))
        Output.print((invocation.flag("dry-run") ? "dry run: would import " : "imported ")
                     + "\(result.contacts) contacts in \(result.rows) counts for " + result.periods.joined(separator: ", "))
    }

    static let mix = Command(
        name: "mix", abstract: "Show the channel mix and the top contact reasons per month.",
        options: [.init(name: "top", value: "n", help: "how many contact reasons per month (default 5)"), .json]
    ) { invocation in
        var top = 5
        if let text = invocation.value("top") {
            guard let value = Int(text), value >= 1 else { throw UsageError(description: "--top '\(text)' is not valid: expected a whole number of at least 1") }
            top = value
        }
        let roadmap = try invocation.openRoadmap()
        let mixes = try roadmap.channelMix(topReasons: top)
        if invocation.json {
            Output.json(.array(mixes.map { .object($0.json) }))
            return
        }
        var output = Output()
        if mixes.isEmpty { output.line("no volumes yet; import them with 'molensloot volume import FILE.csv'") }
        for mix in mixes {
            output.line("\(mix.period): \(mix.total) contacts")
            let channels = mix.channels.map { "\($0.channel) \(Int((mix.share($0.count) * 100).rounded()))%" }.joined(separator: ", ")
            output.line("  channels: \(channels)")
            if !mix.reasons.isEmpty {
                output.line("  top reasons: " + mix.reasons.map { "\($0.reason) (\($0.count))" }.joined(separator: ", "))
            }
        }
        output.flush()
    }
}
