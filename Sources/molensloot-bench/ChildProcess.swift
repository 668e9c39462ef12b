import Foundation

/// How one child process ended, and how long it ran from launch until it was reaped.
struct ChildResult {
    let status: Int32
    let milliseconds: Double

    var succeeded: Bool { status == 0 }
}

/// Runs a program to its end.
///
/// Waits through the termination handler rather than `waitUntilExit()`: on Linux that one
/// spins its run loop in 50 ms slices and often notices the exit only when a slice ends, which
/// rounds a 2 ms command up to 50 ms (measured: /bin/true took 1.3 ms or 50.5 ms at random).
func runChild(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
              stdout: FileHandle = .nullDevice, stderr: FileHandle = .nullDevice) -> ChildResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = stdout
    process.standardError = stderr
    let exited = DispatchSemaphore(value: 0)
    process.terminationHandler = { _ in exited.signal() }
    let start = ContinuousClock.now
    do {
        try process.run()
    } catch {
        fatal("cannot start \(executable.path): \(error.localizedDescription)")
    }
    exited.wait()
    let elapsed = ContinuousClock.now - start
    return ChildResult(status: process.terminationStatus, milliseconds: elapsed.milliseconds)
}

/// A fresh temporary folder for the roadmap file and the children's output, so the bench
/// never touches a roadmap of the person running it.
struct Workspace {
    let folder: URL

    static func create() -> Workspace {
        var template = Array((FileManager.default.temporaryDirectory.path + "/molensloot-bench-XXXXXX").utf8CString)
        guard let created = mkdtemp(&template) else {
            fatal("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return Workspace(folder: URL(fileURLWithPath: String(cString: created), isDirectory: true))
    }

    func file(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }

    /// An empty file to hand to a child as its output; files, unlike pipes, never fill up
    /// and block a child that writes megabytes.
    func freshFile(_ name: String) -> FileHandle {
        let url = file(name)
        guard FileManager.default.createFile(atPath: url.path, contents: nil),
              let handle = try? FileHandle(forWritingTo: url)
        else { fatal("cannot write \(url.path)") }
        return handle
    }

    func text(of name: String) -> String {
        guard let data = FileManager.default.contents(atPath: file(name).path) else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
