import SixSteps
import Store

/// Step 6: one measured value of a metric in a cycle, or many from a CSV file.
enum MeasureCommands {
    static let command = Command(
        name: "measure", abstract: t("meet een meeteenheid in de open cyclus (of --cycle), of importeer veel waarden uit CSV.", "measure a metric in the open cycle (or --cycle), or import many values from CSV."),
        arguments: [.init(name: t("meeteenheid", "metric"), help: t("de slug van de meeteenheid", "the metric's slug")), .init(name: t("waarde", "value"), help: t("de waarde, bijv. 7,4", "the value, e.g. 7,4"))],
        options: [.init(name: "n", value: "n", help: t("het aantal respondenten", "the sample size")),
                  .init(name: "sd", value: t("getal", "number"), help: t("de standaardafwijking van de steekproef", "the standard deviation of the sample")),
                  .init(name: "cycle", value: "id", help: t("de cyclus (standaard: de open cyclus)", "the cycle (default: the open one)")),
                  .init(name: "source", value: t("tekst", "text"), help: t("waar de waarde vandaan komt", "where the value comes from")),
                  .init(name: "note", value: t("tekst", "text"), help: t("een opmerking", "a remark")), .json],
        subcommands: [importFile, list, remove],
        examples: ["molensloot measure tevredenheid-mor 7,4 --n 212 --sd 1,6 --source \"Enquête voorjaar\"",
                   "molensloot measure import metingen.csv"]
    ) { invocation in
        let record = try invocation.openRoadmap().measure(
            metric: invocation.argument(0) ?? "", value: invocation.argument(1) ?? "", cycle: invocation.value("cycle"),
            n: invocation.value("n"), sd: invocation.value("sd"), source: invocation.value("source"), note: invocation.value("note"))
        if invocation.json { Output.json(.object(record.json)) } else {
            Output.print(t("gemeten: ", "measured ") + "\(record[.metric].string ?? "") = \(localNumber(record[.value].double ?? 0)) " + t("in", "in") + " \(Kind.cycle.ref(record[.cycle]))")
        }
    }

    static let columns = ["metric", "value", "n", "sd", "cycle", "source", "note"]

    static let importFile = Command(
        name: "import", abstract: t("Importeer metingen uit CSV (de eerste twee kolommen zijn verplicht); kolommen: metric, value, n, sd, cycle, source, note.", "Import measurements from CSV: columns metric, value and optionally n, sd, cycle, source, note."),
        arguments: [.init(name: t("bestand", "file"), help: t("een CSV-bestand, met komma's of puntkomma's", "a CSV file, comma or semicolon separated"))],
        options: [ImportOptions.map(columns), ImportOptions.dryRun],
        examples: ["molensloot measure import metingen.csv --dry-run"]
    ) { invocation in
        let path = invocation.argument(0) ?? ""
        let document = try ImportOptions.read(path)
        let roadmap = try invocation.openRoadmap()
        let stored = try roadmap.importMeasurements(
            document, source: path, rename: try ImportOptions.renames(invocation, columns: columns), dryRun: invocation.flag("dry-run"))
        printTable(stored, suppressed: [])
        Output.print((invocation.flag("dry-run") ? t("proef: zou importeren: ", "dry run: would import ") : t("geïmporteerd: ", "imported ")) + language.count(stored.count, .measurement))
    }

    static let list = Command(
        name: "list", abstract: t("Toon de metingen; opties filteren de lijst.", "List measurements; options filter the list."),
        options: [.init(name: "metric", value: t("meeteenheid", "metric"), help: t("alleen deze meeteenheid", "only this metric")),
                  .init(name: "cycle", value: "id", help: t("alleen deze cyclus", "only this cycle")), .json]
    ) { invocation in
        let roadmap = try invocation.openRoadmap()
        var filter: [FieldKey: String] = [:]
        if let metric = invocation.value("metric") { filter[.metric] = metric }
        if let cycle = invocation.value("cycle") { filter[.cycle] = cycle }
        let (records, suppressed) = try roadmap.read { () throws -> ([Record], Set<SQLValue>) in
            let records = try roadmap.records(.measurement, filter: roadmap.parse(.measurement, filter))
            return (records, Set(try records.filter { try roadmap.isSuppressed($0) }.map(\.key)))
        }
        if invocation.json {
            Output.json(.array(records.map { .object(json($0, suppressed: suppressed.contains($0.key))) }))
        } else {
            printTable(records, suppressed: suppressed)
        }
    }

    static let remove = Command(
        name: "remove", abstract: t("Verwijder de meting van een meeteenheid (en de enquêteantwoorden) uit een open cyclus.", "Remove a metric's measurement (and survey responses) from an open cycle."),
        arguments: [.init(name: t("meeteenheid", "metric"), help: t("de slug van de meeteenheid", "the metric's slug"))],
        options: [.init(name: "cycle", value: "id", help: t("de cyclus (standaard: de open cyclus)", "the cycle (default: the open one)"))]
    ) { invocation in
        try invocation.openRoadmap().removeMeasurement(metric: invocation.argument(0) ?? "", cycle: invocation.value("cycle"))
        Output.print(t("de meting van \(invocation.argument(0) ?? "") is verwijderd", "removed the measurement of \(invocation.argument(0) ?? "")"))
    }

    /// A measurement below the privacy threshold says so instead of showing its figures.
    static func json(_ record: Record, suppressed: Bool) -> JSONObject {
        var object = record.json
        guard suppressed else { return object }
        for field in ["value", "n", "sd"] { object[field] = .null }
        object["suppressed"] = .bool(true)
        return object
    }

    static func printTable(_ records: [Record], suppressed: Set<SQLValue>) {
        var table = TextTable([.init(title: t("MEETEENHEID", "METRIC")), .init(title: t("CYCLUS", "CYCLE")), .init(title: t("WAARDE", "VALUE"), alignRight: true),
                               .init(title: "N", alignRight: true), .init(title: "SD", alignRight: true),
                               .init(title: t("BRON", "SOURCE"), flexible: true)])
        for record in records {
            if suppressed.contains(record.key) {
                table.add([record[.metric].string ?? "", Kind.cycle.ref(record[.cycle]), language.verdictLabel(.suppressed), "", "", record[.source].string.map(language.measurementSource) ?? ""])
                continue
            }
            table.add([record[.metric].string ?? "", Kind.cycle.ref(record[.cycle]), localNumber(record[.value].double ?? 0),
                       record[.n].int.map(String.init) ?? "", record[.sd].double.map { localNumber($0) } ?? "",
                       record[.source].string.map(language.measurementSource) ?? ""])
        }
        var output = Output()
        table.render().forEach { output.line($0) }
        output.flush()
    }
}
