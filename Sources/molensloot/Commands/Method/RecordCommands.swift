import SixSteps
import Store

/// add, list, show, edit and remove for any kind, derived from its fields.
enum RecordCommands {
    static func group(_ kind: Kind, _ abstract: String, extra: [Command] = []) -> Command {
        Command(name: kind.noun, abstract: abstract,
                subcommands: [add(kind), list(kind), show(kind), edit(kind), remove(kind)] + extra)
    }

    /// The field a numbered kind takes as its first argument: a finding's title, an agreement's what.
    static func positionalField(_ kind: Kind) -> String { kind.identity == .slug ? "name" : kind.titleField }

    static func option(_ field: Field, forAdd: Bool) -> Command.Option {
        var help = field.help
        if forAdd, field.required, field.defaultValue == nil { help += " (required)" }
        if forAdd, let value = field.defaultValue {
            help += " (default: \(display(value, field)))"
        }
        return Command.Option(name: field.option.dropDashes, value: valueName(field), help: help)
    }

    static func valueName(_ field: Field) -> String {
        switch field.type {
        case .text: return "text"
        case .integer: return "n"
        case .number: return "number"
        case .date: return "yyyy-mm-dd"
        case .choice: return field.name.replacingUnderscores
        case .flag: return "yes|no"
        case .reference(let kind): return kind.identity == .slug ? kind.noun : "id"
        case .phase: return "phase"
        case .slugList: return "slugs"
        }
    }

    static func add(_ kind: Kind) -> Command {
        let positional = positionalField(kind)
        var arguments: [Command.Argument] = []
        if kind.identity == .slug {
            arguments.append(.init(name: "slug", help: "a short name to type, lowercase with hyphens, e.g. csat-mor"))
            arguments.append(.init(name: "name", help: "the full name (or use --name)", isOptional: true))
        } else {
            arguments.append(.init(name: positional, help: kind.field(positional)?.help ?? ""))
        }
        let options = kind.fields.filter { $0.name != positional || kind.identity == .slug }
            .map { option($0, forAdd: true) } + [.json]
        return Command(name: "add", abstract: "Add a \(kind.noun).", arguments: arguments, options: options) { invocation in
            var input = fieldInput(kind, invocation)
            let slug: String?
            if kind.identity == .slug {
                slug = invocation.argument(0)
                if let name = invocation.argument(1) { input["name"] = name }
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
            Output.print("added \(record.kind.noun) \(record.label)")
        }
    }

    /// The values of the field options the person gave, by field name.
    static func fieldInput(_ kind: Kind, _ invocation: Invocation) -> [String: String] {
        var input: [String: String] = [:]
        for field in kind.fields {
            if let value = invocation.value(field.option.dropDashes) { input[field.name] = value }
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
        return Command(name: "list", abstract: "List \(kind.plural); options filter the list.",
                       options: filters.map { option($0, forAdd: false) } + [.json]) { invocation in
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
        var columns = [TextTable.Column(title: "ID"), TextTable.Column(title: kind.titleField.uppercased(), flexible: true)]
        let fields = kind.listFields.compactMap(kind.field)
        columns += fields.map { field in
            var alignRight = false
            if case .integer = field.type { alignRight = true }
            if case .number = field.type { alignRight = true }
            return TextTable.Column(title: field.name.replacingUnderscores.uppercased(), alignRight: alignRight)
        }
        var table = TextTable(columns)
        for record in records {
            table.add([record.ref, record.title] + fields.map { display(record[$0.name], $0) })
        }
        var output = Output()
        table.render().forEach { output.line($0) }
        output.line("\(records.count) \(records.count == 1 ? kind.noun : kind.plural)")
        output.flush()
    }

    static func show(_ kind: Kind) -> Command {
        Command(name: "show", abstract: "Show a \(kind.noun) and the chain around it.",
                arguments: [.init(name: kind.identity == .slug ? "slug" : "id", help: "which \(kind.noun)")],
                options: [.json]) { invocation in
            let roadmap = try invocation.openRoadmap()
            let trace = try roadmap.trace(kind, invocation.argument(0) ?? "")
            if invocation.json {
                Output.json(.object(trace.json))
            } else {
                printTrace(trace)
            }
        }
    }

    static func printTrace(_ trace: Trace) {
        let record = trace.record
        var output = Output()
        output.line("\(record.ref)  \(record.title)")
        let fields = record.kind.fields.filter { $0.name != record.kind.titleField && !record[$0.name].isNull }
        let width = (fields.map { $0.name.count }.max() ?? 0) + 2
        for field in fields {
            let label = field.name.replacingUnderscores
            let value = display(record[field.name], field)
            let lines = value.split(separator: "\n", omittingEmptySubsequences: false)
            output.line("  " + label + String(repeating: " ", count: width - label.count) + (lines.first.map(String.init) ?? ""))
            for more in lines.dropFirst() { output.line(String(repeating: " ", count: width + 2) + more) }
        }
        for section in trace.sections {
            output.line()
            output.line(section.title)
            for traced in section.records {
                output.line("  \(traced.ref)  \(traced.title)" + (traced.note.map { "  (\($0))" } ?? ""))
            }
        }
        output.flush()
    }

    static func edit(_ kind: Kind) -> Command {
        Command(name: "edit", abstract: "Change fields of a \(kind.noun); an empty value clears an optional field.",
                arguments: [.init(name: kind.identity == .slug ? "slug" : "id", help: "which \(kind.noun)")],
                options: kind.fields.map { option($0, forAdd: false) } + [.json]) { invocation in
            let input = fieldInput(kind, invocation)
            guard !input.isEmpty else {
                throw UsageError(description: "'\(invocation.commandName)' needs at least one field to change, e.g. "
                                 + "\(kind.fields[0].option) ...; see '\(invocation.commandName) --help'")
            }
            let roadmap = try invocation.openRoadmap()
            let record = try roadmap.edit(kind, invocation.argument(0) ?? "", input: input)
            if invocation.json { Output.json(.object(record.json)) } else { Output.print("saved \(kind.noun) \(record.label)") }
        }
    }

    static func remove(_ kind: Kind) -> Command {
        Command(name: "remove", abstract: "Remove a \(kind.noun); refused while others link to it, unless --force.",
                arguments: [.init(name: kind.identity == .slug ? "slug" : "id", help: "which \(kind.noun)")],
                options: [.force]) { invocation in
            let roadmap = try invocation.openRoadmap()
            let ref = invocation.argument(0) ?? ""
            let label = try roadmap.read { try roadmap.record(kind, ref).label }
            let unlinked = try roadmap.remove(kind, ref, force: invocation.flag("force"))
            Output.print("removed \(kind.noun) \(label)" + (unlinked.isEmpty ? "" : " and its links to " + unlinked.joined(separator: ", ")))
        }
    }

    /// A value as a person reads it in the terminal.
    static func display(_ value: SQLValue, _ field: Field) -> String {
        switch (value, field.type) {
        case (.null, _): return ""
        case (.integer(let int), .flag): return int == 0 ? "no" : "yes"
        case (.integer, .reference(let kind)): return kind.ref(value)
        case (.integer(let int), _): return String(int)
        case (.real(let double), _): return formatNumber(double)
        case (.text(let text), .slugList): return text.split(separator: ",").joined(separator: ", ")
        case (.text(let text), _): return text
        }
    }
}

extension String {
    var dropDashes: String { String(drop { $0 == "-" }) }
}
