import SixSteps

/// The audit trail.
enum LogCommand {
    static let command = Command(
        name: "log", abstract: t("Toon het logboek: wie wat wanneer veranderde, met voor en na.", "Show the audit trail: who changed what, when, before and after."),
        arguments: [.init(name: "record", help: t("alleen de geschiedenis van dit record, bijv. F12 of mor", "only this record's history, e.g. F12 or mor"), isOptional: true)],
        options: [.init(name: "limit", value: "n", help: t("hoeveel regels, nieuwste eerst (standaard: 50)", "how many entries, newest first (default: 50)")), .json]
    ) { invocation in
        var limit = 50
        if let text = invocation.value("limit") {
            guard let value = Int(text), value > 0 else {
                throw UsageError(description: t("--limit '\(text)' kan niet: verwacht een geheel getal van minstens 1", "--limit '\(text)' is not valid: expected a whole number of at least 1"))
            }
            limit = value
        }
        let roadmap = try invocation.openRoadmap()
        let record = invocation.argument(0).map { $0.first?.isLetter == true && $0.dropFirst().allSatisfy(\.isNumber) ? $0.uppercased() : $0 }
        let entries = try roadmap.read { try roadmap.log(record: record, limit: limit) }
        if invocation.json {
            Output.json(.array(entries.map { .object($0.json) }))
            return
        }
        var table = TextTable([.init(title: t("WANNEER", "WHEN")), .init(title: t("WIE", "WHO")), .init(title: t("WAT", "WHAT"), flexible: true)])
        for entry in entries { table.add([entry.at, entry.who, summary(entry)]) }
        var output = Output()
        table.render().forEach { output.line($0) }
        if entries.isEmpty { output.line(t("geen wijzigingen vastgelegd", "no changes recorded")) }
        output.flush()
    }
}

extension LogCommand {
    /// The audit trail keeps its summaries as they were written, in English; in Dutch the entry is
    /// told again from what it holds: the action, the record, its title and the fields changed.
    static func summary(_ entry: AuditEntry) -> String {
        guard language == .nl else { return entry.summary }
        let verbs = ["add": "toegevoegd", "edit": "gewijzigd", "remove": "verwijderd", "link": "gekoppeld", "unlink": "losgekoppeld",
                     "set": "ingesteld", "import": "geïmporteerd", "code": "gecodeerd", "move": "verplaatst"]
        let before = entry.before.flatMap { try? JSON.parse($0) }?.object
        let after = entry.after.flatMap { try? JSON.parse($0) }?.object
        let title = (after ?? before).flatMap { object in ["title", "name", "what"].lazy.compactMap { object[$0]?.string }.first }
        var text = (verbs[entry.action] ?? entry.action) + ": " + entry.record.replacingAll("setting:", with: "instelling ")
        if let title { text += " \"\(title)\"" }
        if entry.action == "edit", let before, let after {
            let changed = after.compactMap { key, value in before[key] == value ? nil : key }
            if !changed.isEmpty { text += " (" + changed.map(fieldLabel).joined(separator: ", ") + ")" }
        } else if entry.action == "set", let value = entry.after.flatMap({ try? JSON.parse($0) })?.string {
            text += " = " + value
        }
        return text
    }

    private static func fieldLabel(_ name: String) -> String {
        Kind.allCases.lazy.compactMap { $0.field(named: name) }.first.map(language.fieldLabel) ?? name
    }
}
