import Foundation
import SixSteps

/// The binary under test, always run in the workspace against the bench's own roadmap file.
struct Molensloot {
    let binary: URL
    let workspace: Workspace
    let database: URL

    /// `databaseName` is a file in the workspace; each part of the bench keeps its own.
    init(binary: URL, workspace: Workspace, databaseName: String = "bench.sqlite") {
        self.binary = binary
        self.workspace = workspace
        database = workspace.file(databaseName)
    }

    /// Runs a command with its output discarded, as a person's terminal would not slow it down.
    /// Standard error is kept so a failure can say why.
    func run(_ arguments: [String]) -> ChildResult {
        let errors = workspace.freshFile("stderr.txt")
        defer { try? errors.close() }
        return runChild(binary, arguments + ["--db", database.path], in: workspace.folder, stderr: errors)
    }

    var lastError: String {
        workspace.text(of: "stderr.txt").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a command whose output the bench needs; any failure ends the bench.
    func output(_ arguments: [String]) -> (text: String, milliseconds: Double) {
        let output = workspace.freshFile("stdout.txt")
        let errors = workspace.freshFile("stderr.txt")
        let result = runChild(binary, arguments + ["--db", database.path], in: workspace.folder,
                              stdout: output, stderr: errors)
        try? output.close()
        try? errors.close()
        guard result.succeeded else {
            fatal("`molensloot \(arguments.joined(separator: " "))` failed (exit \(result.status)): \(lastError)")
        }
        return (workspace.text(of: "stdout.txt"), result.milliseconds)
    }

    func json(_ arguments: [String]) -> JSON {
        let text = output(arguments).text
        do {
            return try JSON.parse(text)
        } catch {
            fatal("`molensloot \(arguments.joined(separator: " "))` printed no valid JSON: \(error)")
        }
    }
}
