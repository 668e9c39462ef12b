import SixSteps
import Store

/// add, list, show, edit and remove for any kind, derived from its fields.
enum RecordCommands {
    static func group(_ kind: Kind, _ abstract: String, extra: [Command] = []) -> Command {
        Command(name: kind.noun, abstract: abstract,
                subcommands: [add(kind), list(kind), show(kind), edit(kind), remove(kind)] + extra, step: Step(holding: kind))
    }

    /// The field a numbered kind takes as its first argument: a finding's title, an agreement's what.
    static func positionalField(_ kind: Kind) -> FieldKey { kind.identity == .slug ? .name : kind.titleField }

    static func option(_ kind: Kind, _ field: Field, forAdd: Bool) -> Command.Option {
        var help = language.fieldHelp(kind, field)
        if forAdd, field.required, field.defaultValue == nil { help += t(" (verplicht)", " (required)") }
        if forAdd, let value = field.defaultValue {
            help += t(" (standaard: ", " (default: ") + display(value, field) + ")"
        }
        return Command.Option(name: field.option.dropDashes, value: valueName(field), help: help)
    }

    static func valueName(_ field: Field) -> String {
        switch field.type {
        case .text: return t("tekst", "text")
        case .integer: return "n"
        case .number: return t("getal", "number")
        case .date: return t("jjjj-mm-dd", "yyyy-mm-dd")
        case .choice(let values): return values.map { language.valueLabel(field, $0) }.joined(separator: "|")
        case .flag: return t("ja|nee", "yes|no")
        case .reference(let kind): return kind.identity == .slug ? language.noun(kind) : "id"
        case .phase: return t("fase", "phase")
        case .slugList: return "slugs"
        }
    }

    static func add(_ kind: Kind) -> Command {
        let positional = positionalField(kind)
        var arguments: [Command.Argument] = []
        if kind.identity == .slug {
            arguments.append(.init(name: "slug", help: t("een korte naam om te typen, kleine letters en streepjes, bijv. csat-mor",
                                                         "a short name to type, lowercase with hyphens, e.g. csat-mor")))
            arguments.append(.init(name: t("naam", "name"), help: t("de volledige naam (of gebruik --name)", "the full name (or use --name)"),
                                   isOptional: true))
        } else {
            arguments.append(.init(name: kind.field(positional).map(language.fieldLabel) ?? positional.rawValue,
                                   help: kind.field(positional).map { language.fieldHelp(kind, $0) } ?? ""))
        }
        let options = kind.fields.filter { $0.key != positional || kind.identity == .slug }
            .map { option(kind, $0, forAdd: true) } + [.json]
        return Command(name: "add", abstract: t("Voeg \(language.aNoun(kind)) toe.", "Add \(language.aNoun(kind)).").capitalizedFirst, arguments: arguments, options: options) { invocation in
            var input = fieldInput(kind, invocation)
            let slug: String?
            if kind.identity == .slug {
                slug = invocation.argument(0)
                if let name = invocation.argument(1) { input[.name] = name }
            } else {
                slug = nil
                input[positional] = invocation.argument(0)
            }
            let roadmap = try invocation.openRoadmap()
            let record = try roadmap.add(kind, slug: slug, input: input)
            printAdded(record, invocation)
        }
    }

    static func printAdded(_ record: Record, _ invocation: Invocation) {
        if invocation.json {
            Output.json(.object(record.json))
        } else {
            Output.print(t("\(language.noun(record.kind)) \(record.label) toegevoegd", "added \(language.noun(record.kind)) \(record.label)"))
        }
    }

    /// The values of the field options the person gave, by field.
    static func fieldInput(_ kind: Kind, _ invocation: Invocation) -> [FieldKey: String] {
        var input: [FieldKey: String] = [:]
        for field in kind.fields {
            // Dutch words for values are the stored English ones: `--status klaar` is done.
            if let value = invocation.value(field.option.dropDashes) { input[field.key] = Language.canonicalValue(field, value) }
        }
        return input
    }

    static func list(_ kind: Kind) -> Command {
        let filters = kind.fields.filter { field in
            switch field.type {
            case .text, .number, .slugList: return false
            default: return true
            }
        }
        return Command(name: "list", abstract: t("Toon de \(language.plural(kind)); opties filteren de lijst.",
                                                 "List the \(language.plural(kind)); options filter the list."),
                       options: filters.map { option(kind, $0, forAdd: false) } + [.json]) { invocation in
            let roadmap = try invocation.openRoadmap()
            let filter = try roadmap.parse(kind, fieldInput(kind, invocation))
            if invocation.json {
                Output.print(try roadmap.read { try roadmap.recordsJSON(kind, filter: filter) })
                return
            }
            printTable(try roadmap.read { try roadmap.records(kind, filter: filter) }, kind)
        }
    }

    static func printTable(_ records: [Record], _ kind: Kind) {
        var columns = [TextTable.Column(title: "ID"),
                       TextTable.Column(title: (kind.field(kind.titleField).map(language.fieldLabel) ?? kind.titleField.rawValue).uppercased(), flexible: true)]
        let fields = kind.listFields.compactMap(kind.field)
        columns += fields.map { field in
            var alignRight = false
            if case .integer = field.type { alignRight = true }
            if case .number = field.type { alignRight = true }
            return TextTable.Column(title: language.fieldLabel(field).uppercased(), alignRight: alignRight)
        }
        var table = TextTable(columns)
        for record in records {
            table.add([record.ref, record.title] + fields.map { display(record[$0.key], $0) })
        }
        var output = Output()
        table.render().forEach { output.line($0) }
        output.line(language.count(records.count, kind))
        output.flush()
    }

    static func show(_ kind: Kind) -> Command {
        Command(name: "show", abstract: t("Toon \(language.aNoun(kind)) met de hele keten eromheen.",
                                          "Show \(language.aNoun(kind)) and the whole chain around it.").capitalizedFirst,
                arguments: [.init(name: kind.identity == .slug ? "slug" : "id", help: t("welk(e) \(language.noun(kind))", "which \(language.noun(kind))"))],
                options: [.json]) { invocation in
            let roadmap = try invocation.openRoadmap()
            let trace = try roadmap.trace(kind, invocation.argument(0) ?? "")
            if invocation.json {
                var object = trace.json
                for (key, value) in try StorySections.json(kind, trace.record.ref, roadmap) { object.append(key, value) }
                Output.json(.object(object))
            } else {
                printTrace(trace)
                try StorySections.print(kind, trace.record.ref, roadmap)
            }
        }
    }

    static func printTrace(_ trace: Trace) {
        let record = trace.record
        var output = Output()
        output.line("\(record.ref)  \(record.title)")
        let fields = record.kind.fields.filter { $0.key != record.kind.titleField && !record[$0.key].isNull }
        let width = (fields.map { language.fieldLabel($0).cellWidth }.max() ?? 0) + 2
        for field in fields {
            let label = language.fieldLabel(field)
            let value = display(record[field.key], field)
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            output.line("  " + label + String(repeating: " ", count: width - label.cellWidth) + (lines.first.map(String.init) ?? ""))
            for more in lines.dropFirst() { output.line(String(repeating: " ", count: width + 2) + more) }
        }
        for section in trace.sections {
            output.line()
            output.line(language.traceTitle(section.key, of: record.kind))
            for traced in section.records {
                let title = traced.rank.map { "score " + localNumber($0.score) } ?? traced.title
                output.line("  \(traced.ref)  \(title)" + (tracedNote(traced).map { "  (\($0))" } ?? ""))
            }
        }
        output.flush()
    }

    static func edit(_ kind: Kind) -> Command {
        Command(name: "edit", abstract: t("Wijzig velden van \(language.aNoun(kind)); een lege waarde wist een veld dat niet verplicht is.",
                                          "Change fields of \(language.aNoun(kind)); an empty value clears an optional field."),
                arguments: [.init(name: kind.identity == .slug ? "slug" : "id", help: t("welk(e) \(language.noun(kind))", "which \(language.noun(kind))"))],
                options: kind.fields.map { option(kind, $0, forAdd: false) } + [.json]) { invocation in
            let input = fieldInput(kind, invocation)
            guard !input.isEmpty else {
                throw UsageError(description: t("'\(invocation.commandName)' heeft minstens één veld nodig om te wijzigen, bijv. "
                                                  + "\(kind.fields[0].option) ...; zie '\(invocation.commandName) --help'",
                                                "'\(invocation.commandName)' needs at least one field to change, e.g. "
                                                  + "\(kind.fields[0].option) ...; see '\(invocation.commandName) --help'"))
            }
            let roadmap = try invocation.openRoadmap()
            let record = try roadmap.edit(kind, invocation.argument(0) ?? "", input: input)
            if invocation.json { Output.json(.object(record.json)) } else { Output.print(t("\(language.noun(kind)) \(record.label) bewaard", "saved \(language.noun(kind)) \(record.label)")) }
        }
    }

    static func remove(_ kind: Kind) -> Command {
        Command(name: "remove", abstract: t("Verwijder \(language.aNoun(kind)); dat kan niet zolang er iets aan gekoppeld is, behalve met --force.",
                                            "Remove \(language.aNoun(kind)); refused while others link to it, unless --force."),
                arguments: [.init(name: kind.identity == .slug ? "slug" : "id", help: t("welk(e) \(language.noun(kind))", "which \(language.noun(kind))"))],
                options: [.force]) { invocation in
            let roadmap = try invocation.openRoadmap()
            let ref = invocation.argument(0) ?? ""
            let label = try roadmap.read { try roadmap.record(kind, ref).label }
            let unlinked = try roadmap.remove(kind, ref, force: invocation.flag("force"))
            Output.print(t("\(language.noun(kind)) \(label) verwijderd", "removed \(language.noun(kind)) \(label)")
                         + (unlinked.isEmpty ? "" : t(", met de koppelingen naar ", " and its links to ") + unlinked.joined(separator: ", ")))
        }
    }

    /// A value as a person reads it in the terminal.
    static func display(_ value: SQLValue, _ field: Field) -> String {
        switch (value, field.type) {
        case (.null, _): return ""
        case (.integer(let int), .flag): return int == 0 ? t("nee", "no") : t("ja", "yes")
        case (.integer, .reference(let kind)): return kind.ref(value)
        case (.integer(let int), _): return String(int)
        case (.real(let double), _): return localNumber(double)
        case (.text(let text), .slugList): return text.split(separator: ",").joined(separator: ", ")
        case (.text(let text), .choice): return language.valueLabel(field, text)
        case (.text(let text), .date): return localDate(text)
        case (.text(let text), _): return text
        }
    }
}

extension String {
    var dropDashes: String { String(drop { $0 == "-" }) }

    /// "Add an opportunity." from "add an opportunity.": help sentences start with a capital.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

extension RecordCommands {
    /// The note beside a record in a chain, in the run's language: "verwacht +0,5".
    static func tracedNote(_ traced: TracedRecord) -> String? {
        if let rank = traced.rank { return rank.reason(language) }
        if let change = traced.expectedChange { return t("verwacht ", "expected ") + localNumber(change, signed: true) }
        return traced.note
    }
}
