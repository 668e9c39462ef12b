import Foundation
import SixSteps

/// The binary under test, always run in the workspace against the bench's own roadmap file.
struct Molensloot {
    let binary: URL
    let workspace: Workspace
    let database: URL

    /// `databaseName` is a file in the workspace; each part of the bench keeps its own.
    init(binary: URL, workspace: Workspace, databaseName: String) {
        self.binary = binary
        self.workspace = workspace
        database = workspace.file(databaseName)
    }

    /// Runs a command with its output discarded, as a person's terminal would not slow it down.
    /// Standard error is kept so a failure can say why.
    func run(_ arguments: [String]) -> ChildResult {
        runChild(binary, arguments + ["--db", database.path], in: workspace.folder, stderr: workspace.file("stderr.txt"))
    }

    /// The first lines of what the last command wrote to standard error.
    var lastError: String {
        let text = workspace.text(of: "stderr.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        let lines = text.split(separator: "\n")
        return lines.prefix(3).joined(separator: " / ") + (lines.count > 3 ? " …" : "")
    }

    /// Why a command failed, in one line.
    func failure(_ arguments: [String], _ result: ChildResult) -> BenchFailure {
        BenchFailure("`molensloot \(arguments.joined(separator: " "))` exited with \(result.status): \(lastError)")
    }

    /// Runs a command whose output the bench needs.
    func output(_ arguments: [String]) throws(BenchFailure) -> (text: String, result: ChildResult) {
        let result = runChild(binary, arguments + ["--db", database.path], in: workspace.folder,
                              stdout: workspace.file("stdout.txt"), stderr: workspace.file("stderr.txt"))
        guard result.succeeded else { throw failure(arguments, result) }
        return (workspace.text(of: "stdout.txt"), result)
    }

    func json(_ arguments: [String]) throws(BenchFailure) -> JSON {
        let text = try output(arguments).text
        do {
            return try JSON.parse(text)
        } catch {
            throw BenchFailure("`molensloot \(arguments.joined(separator: " "))` printed no valid JSON: \(error)")
        }
    }
}

/// Something the bench found wrong in what it measures: the part reports it as a failed row and
/// the other parts still run. Problems of the bench itself (a file it cannot write) end it with `fatal`.
struct BenchFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
