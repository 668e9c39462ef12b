import Foundation

/// The `sqlite3` command-line shell: the baseline of the imports, and an outside view of the
/// files molensloot writes.
enum SQLiteShell {
    static let executable = URL(fileURLWithPath: "/usr/bin/sqlite3")

    static func requireInstalled() {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            fatal("\(executable.path) is missing; install it with `apt-get install sqlite3`")
        }
    }

    /// `3.40.1`.
    static func version(_ workspace: Workspace) -> String {
        let text = (try? output(["--version"], workspace)) ?? ""
        return text.split(separator: " ").first.map(String.init) ?? "?"
    }

    /// What sqlite3 prints, without the last line break.
    static func output(_ arguments: [String], _ workspace: Workspace) throws(BenchFailure) -> String {
        let result = runChild(executable, arguments, in: workspace.folder,
                              stdout: workspace.file("sqlite3-out.txt"), stderr: workspace.file("sqlite3-err.txt"))
        guard result.succeeded else {
            throw BenchFailure("`sqlite3 \(arguments.joined(separator: " "))` exited with \(result.status): "
                               + workspace.text(of: "sqlite3-err.txt").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return workspace.text(of: "sqlite3-out.txt").trimmingCharacters(in: .newlines)
    }

    /// `.import` of a semicolon-separated file into a new table of `database`, timed.
    static func importCSV(_ csv: URL, into database: URL, table: String, _ workspace: Workspace) throws(BenchFailure) -> ChildResult {
        removeDatabase(database)
        let result = runChild(executable, [database.path, ".mode csv", ".separator ;", ".import \(csv.path) \(table)"],
                              in: workspace.folder, stderr: workspace.file("sqlite3-err.txt"))
        let errors = workspace.text(of: "sqlite3-err.txt").trimmingCharacters(in: .whitespacesAndNewlines)
        // sqlite3 reports a bad row on stderr and goes on, exiting 0.
        guard result.succeeded, errors.isEmpty else {
            throw BenchFailure("sqlite3 .import exited with \(result.status): \(errors.prefix(500))")
        }
        return result
    }

    /// `PRAGMA integrity_check` must say ok.
    static func checkIntegrity(_ database: URL, _ workspace: Workspace) throws(BenchFailure) {
        let integrity = try output([database.path, "PRAGMA integrity_check"], workspace)
        guard integrity == "ok" else {
            throw BenchFailure("PRAGMA integrity_check of \(database.lastPathComponent): \(integrity.prefix(500))")
        }
    }

    /// A database with its WAL and shared-memory files, so no stale journal is picked up.
    static func removeDatabase(_ url: URL) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: url.path + suffix)
        }
    }

    static func copyDatabase(_ source: URL, to target: URL) {
        removeDatabase(target)
        do {
            try FileManager.default.copyItem(at: source, to: target)
            // The CLI checkpoints on exit, but a WAL left behind holds committed data too.
            let wal = URL(fileURLWithPath: source.path + "-wal")
            if FileManager.default.fileExists(atPath: wal.path) {
                try FileManager.default.copyItem(at: wal, to: URL(fileURLWithPath: target.path + "-wal"))
            }
        } catch {
            fatal("cannot copy \(source.path) to \(target.path): \(error.localizedDescription)")
        }
    }
}
