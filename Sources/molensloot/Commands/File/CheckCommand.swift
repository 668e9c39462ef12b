import SixSteps

/// Integrity of the file and of the rules between records.
enum CheckCommand {
    static let command = Command(
        name: "check", abstract: t("Controleer het bestand en de koppelingen tussen records; eindigt met 1 als er iets mis is.", "Check the file and the links between records; exits 1 when something is wrong."),
        options: [.json]
    ) { invocation in
        let problems = try invocation.openRoadmap().check()
        if invocation.json {
            Output.json(.object(JSONObject([("ok", .bool(problems.isEmpty)), ("problems", .array(problems.map { .object($0.json) }))])))
        } else if problems.isEmpty {
            Output.print(t("in orde: geen problemen gevonden", "ok: no problems found"))
        } else {
            var output = Output()
            for problem in problems { output.line("\(problem.record): \(problem.message(language))") }
            output.line(t("\(problems.count) \(problems.count == 1 ? "probleem" : "problemen") gevonden", "\(problems.count) problem\(problems.count == 1 ? "" : "s") found"))
            output.flush()
        }
        if !problems.isEmpty { throw CheckFailed() }
    }

    /// Reported already; only the exit code is left to set.
    struct CheckFailed: Error, CustomStringConvertible {
        var description: String { t("de controle vond problemen (hierboven)", "the check found problems (listed above)") }
    }
}
